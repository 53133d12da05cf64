// The `coupon` function: actions, input schemas and result types. src/ imports these as types only.
// Only the owner issues coupons, the same for everyone who claims them (the one-price rule: sharers never change a
// price); a member claims them (开卡 first, like points) and spends one per order through `order.quote`/`create`.
import * as v from 'valibot';
import {
  COUPON_NAME_BOUNDS,
  COUPON_PER_MEMBER_MAX,
  COUPON_PERCENT_BOUNDS,
  COUPON_PRODUCTS_MAX,
  COUPON_TOTAL_MAX,
  COUPON_VALID_DAYS_MAX,
  SHORT_ID_PATTERN,
  SKU_PRICE_MAX_FEN,
} from './limits';
import { requiredText } from './text';

export const COUPON_FUNCTION = 'coupon';

export const COUPON_KINDS = ['amount_off', 'percent_off'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];
export const COUPON_SCOPES = ['all', 'products'] as const;
export type CouponScope = (typeof COUPON_SCOPES)[number];
/** A member coupon as `mine` lists it: one held by an unpaid order counts as used until the order is cancelled. */
export const MEMBER_COUPON_STATUSES = ['usable', 'used', 'expired'] as const;
export type MemberCouponStatus = (typeof MEMBER_COUPON_STATUSES)[number];

const shortId = v.pipe(v.string(), v.regex(SHORT_ID_PATTERN, 'id'));
const cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)));
const fen = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(SKU_PRICE_MAX_FEN));
const isoTime = v.pipe(v.string(), v.isoTimestamp('time'));

/**
 * What the owner sets. `amount_off` takes `offFen`; `percent_off` takes `percentOff` (10: 10% off, 九折) and may cap
 * the discount with `maxOffFen`. Validity is either fixed (`validTo`, from `validFrom` or now) or `validDays` from each
 * claim. Terms that change what a claimed coupon is worth are fixed once it was claimed.
 */
export const couponDraft = v.strictObject({
  id: v.optional(shortId),
  name: requiredText(COUPON_NAME_BOUNDS),
  kind: v.picklist(COUPON_KINDS),
  offFen: v.optional(v.pipe(fen, v.minValue(1))),
  percentOff: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(COUPON_PERCENT_BOUNDS.min), v.maxValue(COUPON_PERCENT_BOUNDS.max)),
  ),
  maxOffFen: v.optional(v.pipe(fen, v.minValue(1))),
  /** 0: 无门槛; else the goods in scope must come to at least this much. */
  thresholdFen: fen,
  scope: v.picklist(COUPON_SCOPES),
  productIds: v.optional(
    v.pipe(
      v.array(shortId),
      v.minLength(1),
      v.maxLength(COUPON_PRODUCTS_MAX),
      v.check((ids) => new Set(ids).size === ids.length, 'productIds'),
    ),
  ),
  validFrom: v.optional(isoTime),
  validTo: v.optional(isoTime),
  validDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(COUPON_VALID_DAYS_MAX))),
  total: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(COUPON_TOTAL_MAX)),
  perMember: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(COUPON_PER_MEMBER_MAX)),
});

export const couponInputs = {
  /** Coupons the caller can claim now (of a product: those whose scope covers it), with how many the caller holds. */
  available: v.strictObject({ productId: v.optional(shortId) }),
  claim: v.strictObject({ couponId: shortId }),
  mine: v.strictObject({ status: v.optional(v.picklist(MEMBER_COUPON_STATUSES)), cursor, limit }),
  save: v.strictObject({ coupon: couponDraft }),
  list: v.strictObject({ cursor, limit }),
  /** One of the shop's coupons, as `list` shows it (the editor's starting point). */
  get: v.strictObject({ couponId: shortId }),
  /** No more claims; coupons already claimed stay usable until they expire. */
  stop: v.strictObject({ couponId: shortId }),
};

export type CouponAction = keyof typeof couponInputs;
export type CouponInput<A extends CouponAction> = v.InferOutput<(typeof couponInputs)[A]>;
export type CouponDraft = v.InferOutput<typeof couponDraft>;

/** The terms every view of a coupon shows (the page writes them as 满100减10, 9折 最多减20, 无门槛 …). */
export interface CouponTerms {
  name: string;
  kind: CouponKind;
  offFen?: number;
  percentOff?: number;
  maxOffFen?: number;
  thresholdFen: number;
  scope: CouponScope;
  productIds?: string[];
}

/**
 * `active`: claimable (within its validity and not all claimed); `stopped` by the owner; `ended`: past `validTo`;
 * `claimed_out`: all `total` claimed.
 */
export type CouponStatus = 'active' | 'stopped' | 'ended' | 'claimed_out';

export interface Coupon extends CouponTerms {
  id: string;
  validFrom?: string;
  validTo?: string;
  validDays?: number;
  total: number;
  perMember: number;
  claimed: number;
  used: number;
  status: CouponStatus;
  createdAt: string;
}

/** A coupon on offer to the caller: `held` of their own (any status), and whether they can claim one more now. */
export interface AvailableCoupon extends Coupon {
  held: number;
  canClaim: boolean;
}

/** One coupon a member claimed: the terms as they were when claimed, valid from `validFrom` to `validTo`. */
export interface MemberCoupon extends CouponTerms {
  id: string;
  couponId: string;
  validFrom: string;
  validTo: string;
  status: MemberCouponStatus;
  claimedAt: string;
  usedAt?: string;
  /** The order that used it (or holds it, unpaid). */
  orderId?: string;
}

export interface CouponResults {
  available: { items: AvailableCoupon[] };
  claim: { memberCoupon: MemberCoupon };
  mine: { items: MemberCoupon[]; nextCursor: string | null };
  save: { coupon: Coupon };
  list: { items: Coupon[]; nextCursor: string | null };
  get: { coupon: Coupon };
  stop: { coupon: Coupon };
}
