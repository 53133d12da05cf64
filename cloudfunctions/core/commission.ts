// Commission and binding rules (DESIGN.md "Rules"): pure, with the time passed in.
// One level: an order carries at most one sharer, and the amounts here are computed for that sharer only.
import { applyRateFloor, toFen, type BasisPoints, type Fen } from './money';
import { DAY_MS } from './rules';

export interface BindingState {
  sharerId: string;
  until: Date;
}

/** A binding counts while its time has not run out (a released binding has `until` set to the release time). */
export function isActive(binding: BindingState | null | undefined, now: Date): binding is BindingState {
  return !!binding && new Date(binding.until).getTime() > now.getTime();
}

export type VisitDecision = 'own_link' | 'anonymous' | 'keep' | 'bind';

/**
 * What a visit through `sharerId`'s link does to the visitor's binding: first touch binds for `days`; an active
 * binding (to anyone, this sharer included) is never taken over or lengthened by a visit; one's own link does nothing.
 */
export function decideVisit(
  visitorId: string,
  sharerId: string,
  current: BindingState | null,
  now: Date,
): VisitDecision {
  if (visitorId === '') return 'anonymous';
  if (visitorId === sharerId) return 'own_link';
  return isActive(current, now) ? 'keep' : 'bind';
}

export function bindingUntil(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** The sharer an order is attributed to: the buyer's active binding when the order is created, never the buyer. */
export function attributedSharer<B extends BindingState>(buyerId: string, binding: B | null, now: Date): B | null {
  return isActive(binding, now) && binding.sharerId !== buyerId ? binding : null;
}

export interface PaidLine {
  productId: string;
  skuId: string;
  lineFen: number;
  /** The order coupon's share of the line, taken off before the points discount is spread. */
  couponFen?: number;
}

/** The lines as the buyer was charged for them before points: each line less its share of the coupon. */
function afterCoupon(lines: readonly PaidLine[]): PaidLine[] {
  return lines.map((l) => ({ productId: l.productId, skuId: l.skuId, lineFen: l.lineFen - (l.couponFen ?? 0) }));
}

/**
 * The goods actually paid per line: each line less its share of the coupon, then the points discount spread over
 * what is left in proportion (largest remainder, so the parts add up to the discount exactly and no line goes
 * below zero).
 */
export function paidPerLine(given: readonly PaidLine[], discountFen: number): Fen[] {
  const lines = afterCoupon(given);
  const total = lines.reduce((sum, l) => sum + l.lineFen, 0);
  if (discountFen <= 0 || total === 0) return lines.map((l) => toFen(l.lineFen));
  const discount = Math.min(discountFen, total);
  const exact = lines.map((l) => (l.lineFen * discount) / total);
  const shares = exact.map(Math.floor);
  let left = discount - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    shares[i] += 1;
    left -= 1;
  }
  return lines.map((l, i) => toFen(l.lineFen - shares[i]));
}

export interface CommissionShare {
  productId: string;
  skuId: string;
  baseFen: Fen;
  rateBp: BasisPoints;
  amountFen: Fen;
}

/** Commission per line: rate × goods actually paid, floored to the fen. */
export function commissionShares(
  lines: readonly PaidLine[],
  discountFen: number,
  rateOf: (productId: string) => BasisPoints,
): CommissionShare[] {
  const paid = paidPerLine(lines, discountFen);
  return lines.map((l, i) => {
    const rateBp = rateOf(l.productId);
    return {
      productId: l.productId,
      skuId: l.skuId,
      baseFen: paid[i],
      rateBp,
      amountFen: applyRateFloor(paid[i], rateBp),
    };
  });
}

/**
 * What a refund takes back from a line's commission, pro rata to the share of the payment refunded. The sharer
 * keeps `floor(amount × kept payment / payment)`, so a full refund takes all and rounding never favours the sharer.
 */
export function reversalOf(amountFen: number, paidFen: number, refundFen: number): Fen {
  if (paidFen <= 0 || refundFen >= paidFen) return toFen(amountFen);
  if (refundFen <= 0) return toFen(0);
  const kept = Math.floor((amountFen * (paidFen - refundFen)) / paidFen);
  return toFen(amountFen - kept);
}
