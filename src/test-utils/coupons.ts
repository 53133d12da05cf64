// Coupons as the coupon function answers them, for the component tests of the coupon pages.
import type { AvailableCoupon, Coupon, MemberCoupon } from '../../cloudfunctions/contracts/coupon';

/** A local (China) time, so the shown day holds in any time zone. */
export const localDay = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).toISOString();

/** 满100减10 on everything, valid through December 2026, 100 of them, one per member. */
export function makeCoupon(over: Partial<Coupon> = {}): Coupon {
  return {
    id: 'c1',
    name: '店庆满减',
    kind: 'amount_off',
    offFen: 1000,
    thresholdFen: 10000,
    scope: 'all',
    validFrom: localDay(2026, 12, 1),
    validTo: localDay(2026, 12, 31, 23),
    total: 100,
    perMember: 1,
    claimed: 12,
    used: 3,
    status: 'active',
    createdAt: localDay(2026, 11, 30),
    ...over,
  };
}

export function makeAvailable(over: Partial<AvailableCoupon> = {}): AvailableCoupon {
  return { ...makeCoupon(), held: 0, canClaim: true, ...over };
}

export function makeMemberCoupon(over: Partial<MemberCoupon> = {}): MemberCoupon {
  return {
    id: 'mc1',
    couponId: 'c1',
    name: '店庆满减',
    kind: 'amount_off',
    offFen: 1000,
    thresholdFen: 10000,
    scope: 'all',
    validFrom: localDay(2026, 12, 1),
    validTo: localDay(2026, 12, 31, 23),
    status: 'usable',
    claimedAt: localDay(2026, 12, 2),
    ...over,
  };
}
