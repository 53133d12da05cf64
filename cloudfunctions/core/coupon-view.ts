// Coupons and member coupons as the contract shows them (times as ISO strings; terms as stored): the coupon
// function's answers and checkout's quote.
import type { Coupon, CouponTerms, MemberCoupon } from '../contracts/coupon';
import { couponStatus, memberCouponStatus, type CouponRecord, type MemberCouponRecord } from './coupon';

const iso = (d: Date) => new Date(d).toISOString();

function termsOf(r: CouponTerms): CouponTerms {
  return {
    name: r.name,
    kind: r.kind,
    ...(r.offFen !== undefined ? { offFen: r.offFen } : {}),
    ...(r.percentOff !== undefined ? { percentOff: r.percentOff } : {}),
    ...(r.maxOffFen !== undefined ? { maxOffFen: r.maxOffFen } : {}),
    thresholdFen: r.thresholdFen,
    scope: r.scope,
    ...(r.productIds !== undefined ? { productIds: [...r.productIds] } : {}),
  };
}

export function viewCoupon(r: CouponRecord, used: number, now: Date): Coupon {
  return {
    id: r._id,
    ...termsOf(r),
    ...(r.validFrom ? { validFrom: iso(r.validFrom) } : {}),
    ...(r.validTo ? { validTo: iso(r.validTo) } : {}),
    ...(r.validDays !== undefined ? { validDays: r.validDays } : {}),
    total: r.total,
    perMember: r.perMember,
    claimed: r.claimed,
    used,
    status: couponStatus(r, now),
    createdAt: iso(r.createdAt),
  };
}

export function viewMemberCoupon(r: MemberCouponRecord, now: Date): MemberCoupon {
  return {
    id: r._id,
    couponId: r.couponId,
    ...termsOf(r),
    validFrom: iso(r.validFrom),
    validTo: iso(r.validTo),
    status: memberCouponStatus(r, now),
    claimedAt: iso(r.claimedAt),
    ...(r.usedAt ? { usedAt: iso(r.usedAt) } : {}),
    ...(r.orderId ? { orderId: r.orderId } : {}),
  };
}
