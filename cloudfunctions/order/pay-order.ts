// Starts WeChat Pay for the caller's pending order. The order becomes paid only when WeChat Pay's result
// reaches the payment function; this answers what Taro.requestPayment needs.
import { randomBytes } from 'node:crypto';
import { AppError } from '../contracts/errors';
import type { OrderInput, PayResult } from '../contracts/order';
import { checkTransition } from '../core/order-flow';
import { cloudPayOf } from '../platform/cloud-pay';
import type { CallContext } from '../platform/handler';
import { updateOrder } from '../data/orders';
import { loadSettings } from '../data/settings';
import { PAYMENT_FUNCTION } from '../flows/start-refund';
import { ownOrder } from './own-order';

interface UnifiedOrderAnswer {
  returnCode?: string;
  resultCode?: string;
  errCodeDes?: string;
  returnMsg?: string;
  payment?: PayResult['payment'];
}

export async function payOrder(input: OrderInput<'pay'>, ctx: CallContext): Promise<PayResult> {
  const [order, settings] = await Promise.all([ownOrder(ctx, input.orderId), loadSettings(ctx.db)]);
  checkTransition(order, 'startPay', 'buyer', ctx.now, settings.rules);
  // Past the deadline the scheduler is about to cancel it: no new payment starts.
  if (ctx.now.getTime() > new Date(order.payBefore).getTime())
    throw new AppError('order.invalid_transition', '订单已超时，请重新下单');
  if (!settings.subMchId) throw new AppError('pay.failed', '店铺尚未配置微信支付商户号');
  if (input.notify) await updateOrder(ctx.db, { _id: order._id, status: 'pending_payment' }, { notify: input.notify });

  const first = order.items[0];
  const body = `友荐-${first.title}${order.items.length > 1 ? `等${order.items.length}件` : ''}`;
  const answer = (await cloudPayOf(ctx.cloud).unifiedOrder({
    body: truncateBytes(body, 120),
    outTradeNo: order._id,
    spbillCreateIp: '127.0.0.1',
    subMchId: settings.subMchId,
    totalFee: order.amounts.payableFen,
    envId: String(ctx.cloud.getWXContext().ENV ?? ''),
    functionName: PAYMENT_FUNCTION,
    nonceStr: randomBytes(16).toString('hex'),
    tradeType: 'JSAPI',
  })) as UnifiedOrderAnswer;
  // cloudPay reports business failures in resultCode (its errCode is 0 whenever the call itself went through).
  if (answer.returnCode !== 'SUCCESS' || answer.resultCode !== 'SUCCESS' || !answer.payment) {
    console.error(`order ${order._id}: unifiedOrder refused`, answer.errCodeDes ?? answer.returnMsg);
    throw new AppError('pay.failed');
  }
  return { orderId: order._id, outTradeNo: order._id, payableFen: order.amounts.payableFen, payment: answer.payment };
}

/** Cuts a UTF-8 string to at most `max` bytes without splitting a character (WeChat Pay limits `body` in bytes). */
function truncateBytes(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}
