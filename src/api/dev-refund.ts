// h5 only, local emulator only: plays WeChat Pay's side of an approved refund (POST /__dev/refund), so that its
// refund callback reaches the `payment` function and the order becomes `refunded`. The weapp build never calls it.
import type { Result } from './client';

export async function simulateWechatRefund(outRefundNo: string): Promise<Result<null>> {
  if (process.env.TARO_ENV !== 'h5')
    return { ok: false, error: { code: 'refund.failed', message: '仅本地模拟环境可用' } };
  try {
    const res = await fetch('/__dev/refund', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outRefundNo }),
    });
    if (res.ok) return { ok: true, data: null };
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    // Already done: the callback came before (a second tab, a retry); the order will show it.
    if (body.code === 'REFUND_ALREADY_DONE') return { ok: true, data: null };
    return { ok: false, error: { code: 'refund.failed', message: `模拟退款失败：${body.message ?? res.status}` } };
  } catch {
    return { ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } };
  }
}
