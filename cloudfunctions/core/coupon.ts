// Coupon rules, pure (the clock comes in as `now`): the owner's draft, a coupon's status, a claim's validity, and
// what a member coupon takes off an order's priced lines. Only the owner issues coupons, the same for everyone.
import type { CouponDraft, CouponStatus, CouponTerms, MemberCouponStatus } from '../contracts/coupon';
import { AppError, type ErrorCode } from '../contracts/errors';
import { COUPON_FROZEN_TERMS } from '../contracts/limits';
import { paidPerLine } from './commission';
import { formatYuan, toFen, type Fen } from './money';
import { DAY_MS } from './rules';

/** A coupon as stored (`coupons/<id>`): `claimed` always equals the member coupons made of it. */
export interface CouponRecord extends CouponTerms {
  _id: string;
  validFrom?: Date;
  validTo?: Date;
  validDays?: number;
  total: number;
  perMember: number;
  claimed: number;
  stopped: boolean;
  stoppedAt?: Date;
  createdAt: Date;
}

/**
 * One claimed coupon (`member_coupons/<id>`): the terms as they were when claimed. `orderId` names the order that
 * holds it (null: free); an unpaid order's cancel or a timely full refund sets it back to null.
 */
export interface MemberCouponRecord extends CouponTerms {
  _id: string;
  couponId: string;
  ownerId: string;
  /** Which of the member's claims of this coupon (1..perMember): part of the id, so a claim is made once. */
  n: number;
  validFrom: Date;
  validTo: Date;
  claimedAt: Date;
  orderId: string | null;
  usedAt: Date | null;
}

/** The terms a claimed coupon keeps (spelt in limits.ts, so the owner's editor sends back the same ones). */
export const FROZEN_TERMS = COUPON_FROZEN_TERMS;

const timeOf = (d: Date | undefined) => (d === undefined ? undefined : new Date(d).getTime());

/**
 * The stored coupon an owner's draft makes: the kind's own amount and nothing else, products only for a products
 * scope, exactly one of `validTo`/`validDays`, `validFrom` before `validTo` and `validTo` in the future. Editing a
 * claimed coupon keeps its frozen terms and never lowers `total` below what was claimed.
 */
export function couponFromDraft(
  draft: CouponDraft,
  id: string,
  existing: CouponRecord | null,
  now: Date,
): CouponRecord {
  if (draft.kind === 'amount_off' && (draft.offFen === undefined || draft.percentOff !== undefined))
    throw new AppError('coupon.off_required');
  if (draft.kind === 'percent_off' && (draft.percentOff === undefined || draft.offFen !== undefined))
    throw new AppError('coupon.percent_required');
  if (draft.kind === 'amount_off' && draft.maxOffFen !== undefined) throw new AppError('coupon.max_off_invalid');
  if ((draft.scope === 'products') !== (draft.productIds !== undefined)) throw new AppError('coupon.products_required');
  if ((draft.validTo === undefined) === (draft.validDays === undefined)) throw new AppError('coupon.validity_required');
  if (draft.validFrom !== undefined && draft.validDays !== undefined) throw new AppError('coupon.validity_required');
  const validFrom = draft.validFrom === undefined ? undefined : new Date(draft.validFrom);
  const validTo = draft.validTo === undefined ? undefined : new Date(draft.validTo);
  const record: CouponRecord = {
    _id: id,
    name: draft.name,
    kind: draft.kind,
    ...(draft.offFen !== undefined ? { offFen: draft.offFen } : {}),
    ...(draft.percentOff !== undefined ? { percentOff: draft.percentOff } : {}),
    ...(draft.maxOffFen !== undefined ? { maxOffFen: draft.maxOffFen } : {}),
    thresholdFen: draft.thresholdFen,
    scope: draft.scope,
    ...(draft.productIds !== undefined ? { productIds: [...draft.productIds] } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validTo ? { validTo } : {}),
    ...(draft.validDays !== undefined ? { validDays: draft.validDays } : {}),
    total: draft.total,
    perMember: draft.perMember,
    claimed: existing?.claimed ?? 0,
    stopped: existing?.stopped ?? false,
    ...(existing?.stoppedAt ? { stoppedAt: existing.stoppedAt } : {}),
    createdAt: existing?.createdAt ?? now,
  };
  if (existing && existing.claimed > 0) {
    if (FROZEN_TERMS.some((k) => !sameTerm(existing[k], record[k]))) throw new AppError('coupon.terms_frozen');
    if (record.total < existing.claimed) throw new AppError('coupon.total_below_claimed');
    return record;
  }
  if (validTo && (validTo.getTime() <= now.getTime() || (validFrom && validFrom.getTime() >= validTo.getTime())))
    throw new AppError('coupon.window_invalid');
  return record;
}

function sameTerm(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return timeOf(a as Date) === timeOf(b as Date);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Stopped by the owner, past `validTo`, all claimed, or active (claimable; its use may start later, at validFrom). */
export function couponStatus(coupon: CouponRecord, now: Date): CouponStatus {
  if (coupon.stopped) return 'stopped';
  if (coupon.validTo && now.getTime() >= new Date(coupon.validTo).getTime()) return 'ended';
  if (coupon.claimed >= coupon.total) return 'claimed_out';
  return 'active';
}

/** Why a claim is refused now, or null: only an active coupon is claimed. */
export function claimRefusal(coupon: CouponRecord, now: Date): ErrorCode | null {
  const status = couponStatus(coupon, now);
  if (status === 'claimed_out') return 'coupon.claimed_out';
  return status === 'active' ? null : 'coupon.not_claimable';
}

/** When a coupon claimed at `claimedAt` can be used: `validDays` from the claim, or the coupon's fixed window. */
export function claimValidity(coupon: CouponRecord, claimedAt: Date): { validFrom: Date; validTo: Date } {
  if (coupon.validDays !== undefined) {
    return { validFrom: claimedAt, validTo: new Date(claimedAt.getTime() + coupon.validDays * DAY_MS) };
  }
  const validFrom = coupon.validFrom ? new Date(coupon.validFrom) : claimedAt;
  return { validFrom, validTo: new Date(coupon.validTo as Date) };
}

/** Held by an order (unpaid ones too), past its `validTo` (exclusive), or usable. */
export function memberCouponStatus(mc: Pick<MemberCouponRecord, 'orderId' | 'validTo'>, now: Date): MemberCouponStatus {
  if (mc.orderId) return 'used';
  return now.getTime() >= new Date(mc.validTo).getTime() ? 'expired' : 'usable';
}

export interface CouponLine {
  productId: string;
  lineFen: number;
  /** Priced by an activity (flash sale, group buy): out of every coupon's scope. */
  campaign?: string;
}

export type CouponOffer =
  | { usable: true; discountFen: Fen; split: Fen[] }
  | { usable: false; code: ErrorCode; why: string };

/**
 * What a member coupon takes off these priced lines at `now`: the goods in its scope must reach the threshold;
 * the discount (the amount, or the percentage floored) is capped by `maxOffFen`, by the goods in scope and by the
 * payable floor (the order never below 1 fen with its shipping), and split over the lines in scope pro rata
 * (`split[i]` for line i, 0 out of scope).
 */
export function couponOffer(
  mc: CouponTerms & { validFrom: Date; validTo: Date },
  lines: readonly CouponLine[],
  shippingFen: number,
  now: Date,
): CouponOffer {
  if (now.getTime() < new Date(mc.validFrom).getTime()) return unusable('coupon.not_started', '未到使用时间');
  if (now.getTime() >= new Date(mc.validTo).getTime()) return unusable('coupon.expired', '已过期');
  const inScope = lines.map((l) => !l.campaign && (mc.scope === 'all' || (mc.productIds ?? []).includes(l.productId)));
  if (!inScope.some(Boolean)) return unusable('coupon.not_applicable', '不适用于所选商品');
  const scopeFen = lines.reduce((sum, l, i) => sum + (inScope[i] ? l.lineFen : 0), 0);
  if (scopeFen < mc.thresholdFen) {
    return unusable('coupon.below_threshold', `还差 ¥${formatYuan(mc.thresholdFen - scopeFen)} 可用`);
  }
  const goodsFen = lines.reduce((sum, l) => sum + l.lineFen, 0);
  const face = mc.kind === 'amount_off' ? (mc.offFen ?? 0) : Math.floor((scopeFen * (mc.percentOff ?? 0)) / 100);
  const capped = Math.min(face, mc.maxOffFen ?? face, scopeFen, goodsFen + shippingFen - 1);
  const discountFen = toFen(Math.max(0, capped));
  return { usable: true, discountFen, split: splitOver(lines, inScope, discountFen) };
}

function unusable(code: ErrorCode, why: string): CouponOffer {
  return { usable: false, code, why };
}

/** The discount spread over the lines in scope in proportion to their amounts (largest remainder, ties by order). */
function splitOver(lines: readonly CouponLine[], inScope: readonly boolean[], discountFen: number): Fen[] {
  const scoped = lines.map((l, i) => ({ productId: l.productId, skuId: '', lineFen: inScope[i] ? l.lineFen : 0 }));
  const paid = paidPerLine(scoped, discountFen);
  return scoped.map((l, i) => toFen(l.lineFen - paid[i]));
}

/** The coded refusal of an unusable offer (the threshold's says how much is missing). */
export function refusalOf(offer: Extract<CouponOffer, { usable: false }>): AppError {
  return new AppError(offer.code, offer.code === 'coupon.below_threshold' ? `未达到使用门槛：${offer.why}` : undefined);
}

/** The coupon's discount or its coded refusal (create's check of the coupon it was given). */
export function applyCoupon(
  mc: MemberCouponRecord,
  lines: readonly CouponLine[],
  shippingFen: number,
  now: Date,
): { discountFen: Fen; split: Fen[] } {
  const offer = couponOffer(mc, lines, shippingFen, now);
  if (!offer.usable) throw refusalOf(offer);
  return offer;
}

/** The best of the usable ones: the largest discount, then the one that expires soonest (then by id, to be stable). */
export function bestFirst<T extends { discountFen: number; validTo: Date | string; id: string }>(
  usable: readonly T[],
): T[] {
  return [...usable].sort(
    (a, b) =>
      b.discountFen - a.discountFen ||
      new Date(a.validTo).getTime() - new Date(b.validTo).getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** A full refund gives the coupon back only while it is still valid (an expired one stays spent). */
export function givesBackOnRefund(mc: Pick<MemberCouponRecord, 'validTo'>, now: Date): boolean {
  return now.getTime() < new Date(mc.validTo).getTime();
}
