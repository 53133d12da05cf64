// WeChat Pay's refund result: the approved refund of that order, for its amount, finishes once.
import type { Cloud } from '../data/db';
import { databaseOf } from '../data/db';
import { findOrder } from '../data/orders';
import { loadSettings } from '../data/settings';
import { notifyBuyer } from '../flows/notify-buyer';
import { recordRefund } from '../flows/record-refund';
import { ACK, refuse, type CallbackAnswer } from './answers';

export interface RefundResultEvent {
  returnCode?: string;
  reqInfo?: {
    outTradeNo?: string;
    outRefundNo?: string;
    refundFee?: number;
    refundStatus?: string;
  };
}

export async function handleRefundResult(cloud: Cloud, event: RefundResultEvent, now: Date): Promise<CallbackAnswer> {
  const info = event.reqInfo;
  if (event.returnCode !== 'SUCCESS' || !info) return refuse('not a refund result');
  // refused or closed by WeChat: the owner sees the order still refunding
  if (info.refundStatus !== 'SUCCESS') return ACK;
  const db = databaseOf(cloud);
  const order = typeof info.outTradeNo === 'string' ? await findOrder(db, info.outTradeNo) : null;
  if (!order?.refund) return refuse('no refund for that order');
  if (order.status === 'refunded' && order.refund.outRefundNo === info.outRefundNo) return ACK; // delivered again
  if (order.refund.outRefundNo !== info.outRefundNo || info.refundFee !== order.refund.refundFen)
    return refuse('refund does not match the order');
  const settings = await loadSettings(db);
  if ((await recordRefund(db, order, now, settings.rules)) && order.notify?.refund) {
    await notifyBuyer(cloud, settings.templates, order, 'refund', now, '退款已原路退回');
  }
  return ACK;
}
