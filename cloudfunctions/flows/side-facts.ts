// What the side-state table (core/side-states.ts) needs to know of a stored order.
import { goodsPaidOf } from '../core/after-sale';
import type { SideFacts } from '../core/side-states';
import type { OrderRecord } from '../data/orders';

export function sideFactsOf(order: OrderRecord): SideFacts {
  return {
    status: order.status,
    hasSharer: Boolean(order.sharer),
    pointsUsed: order.amounts.pointsUsed,
    completedAt: order.completedAt ? new Date(order.completedAt) : null,
    refundInFull: order.refund
      ? order.refund.refundFen >= (order.paidFen ?? order.amounts.payableFen)
      : (order.refundedFen ?? 0) >= goodsPaidOf(order),
    openAfterSale: Boolean(order.openAfterSale),
    commissionState: order.commissionState,
    pointsBack: order.pointsBack,
    pointsEarn: order.pointsEarn,
    purchase: order.purchase,
    reviewsState: order.reviewsState,
  };
}
