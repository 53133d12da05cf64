// The after-sale window (售后期), the one place it is spelt: a completed order can be refunded while
// `now < completedAt + days`; from that instant on its commission settles and its points become spendable.
import { paidPerLine, type PaidLine } from './commission';
import { DAY_MS } from './rules';

/** The instant the window of an order completed at `completedAt` closes. */
export function afterSaleClosesAt(completedAt: Date, days: number): Date {
  return new Date(new Date(completedAt).getTime() + days * DAY_MS);
}

/** True while a refund may still be asked for. */
export function afterSaleOpen(completedAt: Date | null | undefined, days: number, now: Date): boolean {
  if (!completedAt) return false;
  return now.getTime() < afterSaleClosesAt(completedAt, days).getTime();
}

/**
 * The latest completion whose window has closed by `now` (`completedAt <= this` ⇔ closed): what the scheduler's
 * queries name, so a query and `afterSaleOpen` can never disagree about the boundary.
 */
export function closedIfCompletedBy(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** What an after-sale case needs to know of its order to bound a refund. */
export interface RefundableOrder {
  items: ReadonlyArray<PaidLine & { qty: number }>;
  amounts: { pointsDiscountFen: number; shippingFen: number };
  /** What the buyer paid (WeChat Pay's total). */
  paidFen: number;
  /** Refunded by earlier cases. */
  refundedFen: number;
  /** Units refunded by earlier cases, by SKU. */
  refundedQty: Readonly<Record<string, number>>;
  /** The goods have left the shop (shipping is refunded only when everything is, before that). */
  shipped: boolean;
}

export interface RefundBound {
  maxFen: number;
  includesShipping: boolean;
  /** Per order line: units that can still be asked for. */
  lines: Array<{ skuId: string; qtyLeft: number }>;
}

/**
 * The most a case may refund for `asked` units: what those units paid (each line's goods after the points
 * discount, spread over its units so that all of a line's units together come to exactly what the line paid),
 * plus shipping when everything is refunded before shipping, never more than is left of the payment. Null when
 * a line is not the order's or asks for more units than are left.
 */
export function refundBound(
  order: RefundableOrder,
  asked: ReadonlyArray<{ skuId: string; qty: number }>,
): RefundBound | null {
  const paid = paidPerLine(order.items, order.amounts.pointsDiscountFen);
  const left = order.items.map((l) => ({ skuId: l.skuId, qtyLeft: l.qty - (order.refundedQty[l.skuId] ?? 0) }));
  let goods = 0;
  for (const want of asked) {
    const i = order.items.findIndex((l) => l.skuId === want.skuId);
    if (i < 0 || want.qty > left[i].qtyLeft) return null;
    const line = order.items[i];
    const before = order.refundedQty[line.skuId] ?? 0;
    const paidFor = (units: number) => Math.floor((paid[i] * units) / line.qty);
    goods += paidFor(before + want.qty) - paidFor(before);
  }
  const everything = left.every((l) => l.qtyLeft === (asked.find((a) => a.skuId === l.skuId)?.qty ?? 0));
  const includesShipping = !order.shipped && everything;
  const remaining = Math.max(0, order.paidFen - order.refundedFen);
  const maxFen = includesShipping ? remaining : Math.min(remaining, goods);
  return { maxFen, includesShipping, lines: left };
}

/**
 * What the buyer paid for the goods (after points): the base that refunds are shared against for commission and
 * points (both are earned on goods), and the refund total that makes an order refunded in full: every unit's goods,
 * shipping staying paid once the goods left (before shipping, a case for everything carries the shipping too).
 */
export function goodsPaidOf(order: { paidFen?: number; amounts: { payableFen: number; shippingFen: number } }): number {
  return Math.max(0, (order.paidFen ?? order.amounts.payableFen) - order.amounts.shippingFen);
}
