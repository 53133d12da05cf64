// WeChat Pay's refund result: an after-sale case's refund (its number `<caseId>R`) or the system's refund of a late
// payment (`<orderId>R`), for its amount, finishes once.
import type { Cloud } from '../data/db';
import { databaseOf } from '../data/db';
import { caseOfRefundNumber, findCase } from '../data/after-sales';
import { findOrder } from '../data/orders';
import { recordCaseRefund } from '../flows/after-sale';
import { loadSettings } from '../data/settings';
import { notifyBuyer } from '../flows/notify-buyer';
import { recordRefund } from '../flows/record-refund';
import { foldStatsSoon } from '../flows/stats';
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
  const caseId = typeof info.outRefundNo === 'string' ? caseOfRefundNumber(info.outRefundNo) : null;
  if (caseId) return caseRefunded(cloud, caseId, event, now);
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

async function caseRefunded(
  cloud: Cloud,
  caseId: string,
  event: RefundResultEvent,
  now: Date,
): Promise<CallbackAnswer> {
  const db = databaseOf(cloud);
  const found = await findCase(db, caseId);
  if (!found || found.orderId !== event.reqInfo?.outTradeNo) return refuse('no such case for that order');
  const settings = await loadSettings(db);
  const outcome = await recordCaseRefund(db, caseId, Number(event.reqInfo?.refundFee), now, settings.rules);
  if (outcome === 'mismatch') return refuse('refund does not match the case');
  if (outcome === 'recorded') await foldStatsSoon(db, found.orderId, settings.rules, now);
  if (outcome === 'recorded') {
    const order = await findOrder(db, found.orderId);
    if (order?.notify?.refund) await notifyBuyer(cloud, settings.templates, order, 'refund', now, '售后退款已原路退回');
  }
  return ACK;
}
