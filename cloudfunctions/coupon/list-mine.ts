// The member's own coupons, newest claim first, by status (可用 / 已使用 / 已过期); one an unpaid order holds is used.
import type { CouponInput, CouponResults } from '../contracts/coupon';
import { AppError } from '../contracts/errors';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import { listMine } from '../data/coupons';
import type { CallContext } from '../platform/handler';
import { viewMemberCoupon } from '../core/coupon-view';

export async function listMyCoupons(input: CouponInput<'mine'>, ctx: CallContext): Promise<CouponResults['mine']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const limit = input.limit ?? 20;
  const fetched = await listMine(ctx.db, ctx.openid, input.status, ctx.now, decodeTimeCursor(input.cursor), limit + 1);
  const { rows, nextCursor } = splitTimePage(fetched, limit, (r) => r.claimedAt);
  return { items: rows.map((r) => viewMemberCoupon(r, ctx.now)), nextCursor };
}
