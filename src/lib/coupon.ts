// A coupon's terms in the shop's words: 满100减10, 无门槛减5元, 满100享9折 最高减20元, 仅限指定商品, and how long it is
// valid. Display only: the server decides what a coupon takes off an order.
import type { Coupon, CouponTerms } from '../../cloudfunctions/contracts/coupon';
import { dayjs } from './time';

/** Whole yuan without decimals (1000 → "10"), else as few decimals as it takes (1050 → "10.5", 1005 → "10.05"). */
export function yuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** percentOff 10 → "9折", 15 → "8.5折", 5 → "9.5折". */
export function discountText(percentOff: number): string {
  const tenths = 100 - percentOff;
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}折`;
}

/** The big figure of a coupon's card: "¥10" or "9折". */
export function couponFace(terms: CouponTerms): string {
  return terms.kind === 'percent_off' ? discountText(terms.percentOff ?? 0) : `¥${yuanText(terms.offFen ?? 0)}`;
}

/** What the coupon takes off and from how much: 满100减10, 无门槛减5元, 满100享9折 最高减20元, 无门槛9折. */
export function couponRule(terms: CouponTerms): string {
  const from = terms.thresholdFen > 0 ? `满${yuanText(terms.thresholdFen)}` : '';
  if (terms.kind === 'amount_off') {
    const off = yuanText(terms.offFen ?? 0);
    return from ? `${from}减${off}` : `无门槛减${off}元`;
  }
  const rate = discountText(terms.percentOff ?? 0);
  const cap = terms.maxOffFen ? ` 最高减${yuanText(terms.maxOffFen)}元` : '';
  return `${from ? `${from}享` : '无门槛'}${rate}${cap}`;
}

/** Which goods it applies to. */
export function couponScopeText(terms: Pick<CouponTerms, 'scope'>): string {
  return terms.scope === 'products' ? '仅限指定商品' : '全场通用';
}

/**
 * How long it is valid, in China time: "2026.12.01–12.31" (the year once when both ends share it),
 * "2026.12.01–2027.01.31", or for a coupon valid from each claim "领取后 7 天内有效".
 */
export function couponValidity(coupon: Pick<Coupon, 'validFrom' | 'validTo' | 'validDays'>, now = Date.now()): string {
  if (coupon.validDays) return `领取后 ${coupon.validDays} 天内有效`;
  if (!coupon.validTo) return '';
  const from = dayjs(coupon.validFrom ?? now);
  const to = dayjs(coupon.validTo);
  const end = to.format(from.year() === to.year() ? 'MM.DD' : 'YYYY.MM.DD');
  return `${from.format('YYYY.MM.DD')}–${end}`;
}
