// The owner's coupons: save (a new one, or an edit that keeps a claimed coupon's terms), the list with claimed and
// used counts, one of them to edit, and stop (no more claims; coupons already claimed stay usable until they expire).
import { randomBytes } from 'node:crypto';
import type { CouponInput, CouponResults } from '../contracts/coupon';
import { AppError } from '../contracts/errors';
import { couponFromDraft } from '../core/coupon';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import {
  countUsed,
  findCoupon,
  listCoupons,
  stopCoupon as stopClaims,
  txFindCoupon,
  txSaveCoupon,
} from '../data/coupons';
import { transact } from '../data/db';
import type { OwnerContext } from '../platform/handler';
import { viewCoupon } from '../core/coupon-view';

export async function saveCoupon(input: CouponInput<'save'>, ctx: OwnerContext): Promise<CouponResults['save']> {
  const id = input.coupon.id ?? randomBytes(6).toString('hex');
  // In one transaction with the read: a claim racing the edit conflicts, so `claimed` is never stale here.
  const outcome = await transact(ctx.db, async (t) => {
    const existing = await txFindCoupon(t, id);
    if (input.coupon.id !== undefined && !existing) return { refused: new AppError('coupon.not_found') };
    let coupon: ReturnType<typeof couponFromDraft>;
    try {
      coupon = couponFromDraft(input.coupon, id, existing, ctx.now);
    } catch (error) {
      if (error instanceof AppError) return { refused: error };
      throw error;
    }
    await txSaveCoupon(t, coupon);
    return { coupon };
  });
  if ('refused' in outcome) throw outcome.refused;
  return { coupon: viewCoupon(outcome.coupon, await countUsed(ctx.db, id), ctx.now) };
}

export async function listOwnerCoupons(input: CouponInput<'list'>, ctx: OwnerContext): Promise<CouponResults['list']> {
  const limit = input.limit ?? 20;
  const fetched = await listCoupons(ctx.db, decodeTimeCursor(input.cursor), limit + 1);
  const { rows, nextCursor } = splitTimePage(fetched, limit, (r) => r.createdAt);
  const used = await Promise.all(rows.map((r) => countUsed(ctx.db, r._id)));
  return { items: rows.map((r, i) => viewCoupon(r, used[i], ctx.now)), nextCursor };
}

export async function getOwnerCoupon(input: CouponInput<'get'>, ctx: OwnerContext): Promise<CouponResults['get']> {
  const [coupon, used] = await Promise.all([findCoupon(ctx.db, input.couponId), countUsed(ctx.db, input.couponId)]);
  if (!coupon) throw new AppError('coupon.not_found');
  return { coupon: viewCoupon(coupon, used, ctx.now) };
}

export async function stopCoupon(input: CouponInput<'stop'>, ctx: OwnerContext): Promise<CouponResults['stop']> {
  if (!(await stopClaims(ctx.db, input.couponId, ctx.now))) throw new AppError('coupon.not_found');
  const [coupon, used] = await Promise.all([findCoupon(ctx.db, input.couponId), countUsed(ctx.db, input.couponId)]);
  if (!coupon) throw new AppError('coupon.not_found');
  return { coupon: viewCoupon(coupon, used, ctx.now) };
}
