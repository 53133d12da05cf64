// Asking WeChat Pay for a refund (cloudPay.refund): an after-sale case's (`<caseId>R`, flows/after-sale.ts) and
// the one the system starts by itself for a late payment whose points were gone (`<orderId>R`). A refund's number
// is fixed, and WeChat treats a repeated number with the same amount as the same refund, so asking again (the
// scheduler, after a crash or a refusal) never refunds twice. Money is counted as refunded only when WeChat Pay's
// refund callback arrives.
import { randomBytes } from 'node:crypto';
import type { ShopRules } from '../core/rules';
import type { Cloud, Database } from '../data/db';
import { cloudPayOf } from '../platform/cloud-pay';
import type { OrderRecord } from '../data/orders';
import type { Settings } from '../data/settings';
import { moveOrder } from './transition';

/** The cloud function WeChat Pay calls back (cloudPay's `functionName`). */
export const PAYMENT_FUNCTION = 'payment';

export const refundNumberOf = (orderId: string) => `${orderId}R`;

interface RefundAnswer {
  returnCode?: string;
  resultCode?: string;
  errCodeDes?: string;
  returnMsg?: string;
}

/** Sends the approved refund of `order` to WeChat Pay; false when WeChat refused it (nothing was refunded). */
export function sendRefund(cloud: Cloud, order: OrderRecord, refundFen: number, settings: Settings): Promise<boolean> {
  return sendRefundOf(cloud, order, refundNumberOf(order._id), refundFen, settings);
}

/** Asks WeChat Pay to refund `refundFen` of the order's payment under `outRefundNo` (an after-sale case's number). */
export async function sendRefundOf(
  cloud: Cloud,
  order: OrderRecord,
  outRefundNo: string,
  refundFen: number,
  settings: Settings,
): Promise<boolean> {
  const answer = (await cloudPayOf(cloud).refund({
    outTradeNo: order._id,
    outRefundNo,
    totalFee: order.paidFen ?? order.amounts.payableFen,
    refundFee: refundFen,
    subMchId: settings.subMchId,
    envId: String(cloud.getWXContext().ENV ?? ''),
    functionName: PAYMENT_FUNCTION,
    nonceStr: randomBytes(16).toString('hex'),
  })) as RefundAnswer;
  if (answer.returnCode === 'SUCCESS' && answer.resultCode === 'SUCCESS') return true;
  console.error(`order ${order._id}: refund refused`, answer.errCodeDes ?? answer.returnMsg);
  return false;
}

/**
 * A late payment whose points were given back and spent meanwhile keeps no discount: the whole payment goes
 * back, approved by the shop at once. Runs again safely (the scheduler finishes one a crash interrupted).
 */
export async function refundAutomatically(
  cloud: Cloud,
  db: Database,
  order: OrderRecord,
  now: Date,
  settings: Settings,
) {
  const refundFen = order.paidFen ?? order.amounts.payableFen;
  const refund = {
    reason: order.attention?.couponShort
      ? '订单取消后才到账，所用优惠券已退回并被使用，全额退款'
      : '订单取消后才到账，所用积分已退回并被使用，全额退款',
    requestedAt: now,
    fromStatus: 'paid',
    refundFen,
    approvedAt: now,
    outRefundNo: refundNumberOf(order._id),
  };
  const moved = await moveOrder(db, order, 'autoRefund', 'system', now, settings.rules as ShopRules, {
    patch: { refund },
    requires: { 'attention.pointsShort': true },
    event: {
      label: '自动退款',
      detail: order.attention?.couponShort ? '优惠券已退回，款项全额原路退回' : '积分已退回，款项全额原路退回',
    },
  });
  if (moved) await sendRefund(cloud, order, refundFen, settings);
  return moved !== null;
}
