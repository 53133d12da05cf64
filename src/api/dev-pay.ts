// h5 only: the local emulator's pay simulator plays the buyer paying in WeChat. `POST /__dev/pay` marks the payment
// paid and delivers WeChat Pay's callback to the `payment` function before it answers, so a 200 means the order
// has been paid on the server. (The weapp build pays with Taro.requestPayment and never loads this.)
import type { Result } from './client';

export async function devPay(outTradeNo: string): Promise<Result<null>> {
  try {
    const res = await fetch('/__dev/pay', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outTradeNo }),
    });
    if (res.ok) return { ok: true, data: null };
    const body = (await res.json().catch(() => null)) as { code?: string } | null;
    // Paid already (a second tap, or the callback arrived before): what the buyer wanted has happened.
    if (body?.code === 'PAY_ALREADY_PAID') return { ok: true, data: null };
    return { ok: false, error: { code: 'pay.failed', message: '支付失败，请稍后重试' } };
  } catch {
    return { ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } };
  }
}
