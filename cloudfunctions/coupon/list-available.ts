// Coupons a member can claim now (of a product: those whose scope covers it), each with how many they hold.
import type { CouponInput, CouponResults } from '../contracts/coupon';
import { couponStatus } from '../core/coupon';
import { countHeld, listCoupons } from '../data/coupons';
import type { CallContext } from '../platform/handler';
import { viewCoupon } from '../core/coupon-view';

/** Open coupons looked at: a shop runs a handful at a time. */
const OPEN_MAX = 100;

export async function listAvailable(
  input: CouponInput<'available'>,
  ctx: CallContext,
): Promise<CouponResults['available']> {
  const open = await listCoupons(ctx.db, null, OPEN_MAX, true);
  const offered = open.filter(
    (c) =>
      couponStatus(c, ctx.now) === 'active' &&
      (input.productId === undefined || c.scope === 'all' || (c.productIds ?? []).includes(input.productId)),
  );
  const held = ctx.openid
    ? await countHeld(
        ctx.db,
        ctx.openid,
        offered.map((c) => c._id),
      )
    : new Map<string, number>();
  return {
    items: offered.map((c) => {
      const mine = held.get(c._id) ?? 0;
      // `used` is the owner's figure; a buyer's view does not need it.
      return { ...viewCoupon(c, 0, ctx.now), held: mine, canClaim: mine < c.perMember };
    }),
  };
}
