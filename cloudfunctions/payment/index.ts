// The `payment` cloud function: WeChat Pay's result and refund callbacks (cloudPay names it as functionName).
// Only WeChat Pay may call it: anything not delivered as a pay callback is refused before it is read.
import cloud from 'wx-server-sdk';
import { refuse } from './answers';
import { handlePayResult, type PayResultEvent } from './handle-pay-result';
import { handleRefundResult, type RefundResultEvent } from './handle-refund-result';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export async function main(event: unknown) {
  const { SOURCE } = cloud.getWXContext() as { SOURCE?: string };
  if (SOURCE !== 'wx_paycallback') return refuse('not a WeChat Pay callback');
  if (typeof event !== 'object' || event === null) return refuse('empty callback');
  const now = new Date();
  if ('reqInfo' in event) return handleRefundResult(cloud, event as RefundResultEvent, now);
  return handlePayResult(cloud, event as PayResultEvent, now);
}
