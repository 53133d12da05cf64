// A sharer's track record as friends see it on the trust card: facts the shop counts from orders and reviews,
// never anything the sharer declares. The reads are in flows/track-record.ts; the rules are here.
import { REFERRED_ORDERS_MIN } from '../contracts/limits';

/** How long a computed record serves product pages before it is counted again (data/track-records.ts). */
export const TRACK_RECORD_TTL_MS = 10 * 60_000;

export interface KeptOrderFacts {
  items: ReadonlyArray<{ productId: string; skuId: string; qty: number }>;
  /** Units refunded through after-sale cases, by SKU. */
  refundedQty?: Record<string, number>;
}

/**
 * The products the member kept, from their completed orders (an order refunded in full is `refunded`, never
 * `completed`): a product is kept when some unit of it was bought and not refunded, i.e. for some SKU of it in
 * one of these orders the units bought exceed the units its after-sale cases refunded. A partial refund of money
 * only (no units) keeps the product; a case that refunded every unit of a line does not.
 */
export function keptProductIds(orders: readonly KeptOrderFacts[]): Set<string> {
  const kept = new Set<string>();
  for (const order of orders) {
    const units = new Map<string, { productId: string; qty: number }>();
    for (const line of order.items) {
      const prior = units.get(line.skuId);
      units.set(line.skuId, { productId: line.productId, qty: (prior?.qty ?? 0) + line.qty });
    }
    for (const [skuId, { productId, qty }] of units) {
      if (qty > (order.refundedQty?.[skuId] ?? 0)) kept.add(productId);
    }
  }
  return kept;
}

/**
 * The referred orders' refund rate: of the paid orders attributed to the sharer (payment confirmed), the share
 * refunded in whole or in part (refunded in full, or some money back through an after-sale case); a refund asked
 * and not yet made does not count. In whole percent, rounded half up (1 of 40 is 3%). Absent below
 * REFERRED_ORDERS_MIN paid orders: too few to say anything.
 */
export function referredRefundRate(paid: number, refunded: number): number | undefined {
  if (paid < REFERRED_ORDERS_MIN) return undefined;
  return Math.floor((Math.min(refunded, paid) * 200 + paid) / (2 * paid));
}

/** A stored record still serves when it was counted less than TRACK_RECORD_TTL_MS ago (and not in the future). */
export function isFresh(countedAt: Date, now: Date): boolean {
  const age = now.getTime() - countedAt.getTime();
  return age >= 0 && age < TRACK_RECORD_TTL_MS;
}
