// A member (开卡 first, like points) claims an active coupon: never past its `total` nor their `perMember`, however
// many claim at once (data/coupons.ts txClaim: one transaction writing the coupon and the new member coupon).
import type { CouponInput, CouponResults } from '../contracts/coupon';
import { AppError } from '../contracts/errors';
import { claimRefusal, claimValidity } from '../core/coupon';
import { txClaim, txFindCoupon } from '../data/coupons';
import { transact } from '../data/db';
import { findAccount } from '../data/points';
import type { CallContext } from '../platform/handler';
import { viewMemberCoupon } from '../core/coupon-view';

export async function claimCoupon(input: CouponInput<'claim'>, ctx: CallContext): Promise<CouponResults['claim']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const account = await findAccount(ctx.db, ctx.openid);
  if (!account?.joinedAt) throw new AppError('coupon.not_member');
  const now = ctx.now;
  const outcome = await transact(ctx.db, async (t) => {
    const coupon = await txFindCoupon(t, input.couponId);
    if (!coupon) return { refused: new AppError('coupon.not_found') };
    const refusal = claimRefusal(coupon, now);
    if (refusal) return { refused: new AppError(refusal) };
    const claimed = await txClaim(t, coupon, ctx.openid, (id, n) => ({
      _id: id,
      couponId: coupon._id,
      ownerId: ctx.openid,
      n,
      name: coupon.name,
      kind: coupon.kind,
      ...(coupon.offFen !== undefined ? { offFen: coupon.offFen } : {}),
      ...(coupon.percentOff !== undefined ? { percentOff: coupon.percentOff } : {}),
      ...(coupon.maxOffFen !== undefined ? { maxOffFen: coupon.maxOffFen } : {}),
      thresholdFen: coupon.thresholdFen,
      scope: coupon.scope,
      ...(coupon.productIds !== undefined ? { productIds: coupon.productIds } : {}),
      ...claimValidity(coupon, now),
      claimedAt: now,
      orderId: null,
      usedAt: null,
    }));
    if (!claimed) return { refused: new AppError('coupon.limit_reached', `每人限领 ${coupon.perMember} 张`) };
    return { claimed };
  }).catch((error: unknown) => {
    // A claim that lost every retry to other claims: the member asks again (nothing was written).
    if (error instanceof AppError && error.code === 'system.busy') throw new AppError('coupon.busy');
    throw error;
  });
  if ('refused' in outcome) throw outcome.refused;
  return { memberCoupon: viewMemberCoupon(outcome.claimed, now) };
}
