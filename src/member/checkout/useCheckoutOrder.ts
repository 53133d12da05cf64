// The checkout's data: the server's quote of the draft's lines (with the coupon the server picked or the buyer chose,
// and the points the buyer chose to spend), and placing the order under the draft's requestId with that same coupon
// and those same points. An order of a group buy (拼团) carries its group to quote and create, and no coupon.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { orderApi } from '../../api/order';
import type { ErrorBody, Result } from '../../api/client';
import type { ErrorCode } from '../../../cloudfunctions/contracts/errors';
import type { Address, Order, OrderInput, Quote } from '../../../cloudfunctions/contracts/order';
import { useCheckout, type CheckoutDraft } from '../../stores/checkout';

export interface CheckoutOrder {
  quoteStatus: 'loading' | 'ready' | 'error';
  quote: Quote | null;
  quoteError: ErrorBody | null;
  /** Prices the lines again with the coupon and points chosen (after a stock change, or to retry). */
  requote: () => Promise<void>;
  /** Points this checkout spends: 0, or the offer's most once the buyer turned 积分抵扣 on. */
  pointsToUse: number;
  /** Turns 积分抵扣 on (the quote's maxUsable) or off, and prices the order again. */
  setPointsOn: (on: boolean) => Promise<void>;
  /** Why the points were turned off (the server refused them), until the buyer turns them on again. */
  pointsNotice: string | null;
  /** `create` refused the points (`points.*`): turns them off with the server's message and prices again. */
  dropPoints: (message: string) => Promise<void>;
  /**
   * The buyer's coupon choice: undefined until they choose (the server applies the best usable one), null for
   * 不使用优惠券, or a member coupon's id.
   */
  couponChoice: CouponChoice;
  /** Prices the order again with this member coupon, or none (null). */
  chooseCoupon: (id: string | null) => Promise<void>;
  /** Why the chosen coupon was dropped (the server refused it), until the buyer chooses again. */
  couponNotice: string | null;
  /** `create` refused the coupon (`coupon.*`): lets the server pick again, with its message, and prices again. */
  dropCoupon: (message: string) => Promise<void>;
  /**
   * `order.create` with this checkout's requestId: the same id on every attempt, so a retry never makes a second order.
   */
  place: (address: Address, note: string) => Promise<Result<{ order: Order }>>;
}

export type CouponChoice = string | null | undefined;

/** The group of a group order: `groupId` joins it, none starts one. */
export type GroupChoice = NonNullable<OrderInput<'create'>['groupBuy']>;

const POINTS_REFUSALS: readonly ErrorCode[] = ['points.insufficient', 'points.over_cap', 'points.not_whole'];

/**
 * The balance or the offer moved under the buyer's choice (another order spent the points, the owner changed the
 * rules).
 */
export const isPointsRefusal = (code: ErrorCode): boolean => POINTS_REFUSALS.includes(code);

/** The coupon moved under the buyer's choice (used by another order, expired, stopped…): any `coupon.*` refusal. */
export const isCouponRefusal = (code: ErrorCode): boolean => code.startsWith('coupon.');

export function useCheckoutOrder(draft: CheckoutDraft | null, group: GroupChoice | null = null): CheckoutOrder {
  const [quoteStatus, setQuoteStatus] = useState<CheckoutOrder['quoteStatus']>('loading');
  const [quote, setQuote] = useState<Quote | null>(null);
  const [quoteError, setQuoteError] = useState<ErrorBody | null>(null);
  const [pointsToUse, setPointsToUse] = useState(0);
  const [pointsNotice, setPointsNotice] = useState<string | null>(null);
  const [couponChoice, setCouponChoice] = useState<CouponChoice>(undefined);
  const [couponNotice, setCouponNotice] = useState<string | null>(null);
  // Refs as well: `place` and a toggle read what the latest request asked for, not a render's copy.
  const points = useRef(0);
  const coupon = useRef<CouponChoice>(undefined);
  const latestQuote = useRef<Quote | null>(null);
  const lines = draft?.lines;
  // The wire lines: ids and quantities only; the server prices them.
  const items = useMemo(() => (lines ?? []).map(({ productId, skuId, qty }) => ({ productId, skuId, qty })), [lines]);
  const generation = useRef(0);
  // The wire group, stable across renders while the buyer keeps the same one.
  const groupBuyId = group?.groupBuyId;
  const groupId = group?.groupId;
  const groupBuy = useMemo(
    () => (groupBuyId ? (groupId ? { groupBuyId, groupId } : { groupBuyId }) : undefined),
    [groupBuyId, groupId],
  );

  const quoteWith = useCallback(
    async (asked: number, choice: CouponChoice): Promise<void> => {
      if (items.length === 0) return;
      const gen = ++generation.current;
      points.current = asked;
      coupon.current = choice;
      setPointsToUse(asked);
      setCouponChoice(choice);
      setQuoteStatus('loading');
      setQuoteError(null);
      // couponId absent: the server applies the best usable coupon; null: none; an id: that one. A group order
      // takes no coupon.
      const res = await orderApi.quote({
        items,
        ...(asked > 0 ? { pointsToUse: asked } : {}),
        ...(groupBuy ? { groupBuy } : choice !== undefined ? { couponId: choice } : {}),
      });
      if (gen !== generation.current) return;
      if (res.ok) {
        latestQuote.current = res.data;
        setQuote(res.data);
        setQuoteStatus('ready');
      } else if (asked > 0 && isPointsRefusal(res.error.code)) {
        // The offer moved since it was shown: price the order without points and say why.
        setPointsNotice(res.error.message);
        await quoteWith(0, choice);
      } else if (typeof choice === 'string' && isCouponRefusal(res.error.code)) {
        // The chosen coupon can no longer be used: let the server pick again and say why.
        setCouponNotice(res.error.message);
        await quoteWith(asked, undefined);
      } else {
        latestQuote.current = null;
        setQuote(null);
        setQuoteError(res.error);
        setQuoteStatus('error');
      }
    },
    [items, groupBuy],
  );

  const requote = useCallback(() => quoteWith(points.current, coupon.current), [quoteWith]);

  useEffect(() => {
    void requote();
  }, [requote]);

  const setPointsOn = useCallback(
    (on: boolean) => {
      setPointsNotice(null);
      return quoteWith(on ? (latestQuote.current?.points.maxUsable ?? 0) : 0, coupon.current);
    },
    [quoteWith],
  );

  const dropPoints = useCallback(
    (message: string) => {
      setPointsNotice(message);
      return quoteWith(0, coupon.current);
    },
    [quoteWith],
  );

  const chooseCoupon = useCallback(
    (id: string | null) => {
      setCouponNotice(null);
      return quoteWith(points.current, id);
    },
    [quoteWith],
  );

  const dropCoupon = useCallback(
    (message: string) => {
      setCouponNotice(message);
      return quoteWith(points.current, undefined);
    },
    [quoteWith],
  );

  const place = useCallback(
    (address: Address, note: string) => {
      // Read at call time: the buyer may have renewed it after a request conflict.
      const requestId = useCheckout.getState().draft?.requestId ?? draft?.requestId ?? '';
      const trimmed = note.trim();
      // The points of the quote on screen (the page places only on a ready quote). The requestId stays the
      // checkout's: a refused attempt placed nothing under it, and an attempt whose answer was lost is caught by
      // the server's request_conflict if the retry asks for other points, instead of becoming a second order.
      const spend = points.current;
      // The coupon the quote on screen applied (create never picks one itself).
      const applied = groupBuy ? null : (latestQuote.current?.coupons.applied ?? null);
      return orderApi.create({
        requestId,
        items,
        address,
        ...(trimmed ? { note: trimmed } : {}),
        ...(spend > 0 ? { pointsToUse: spend } : {}),
        ...(applied ? { couponId: applied } : {}),
        ...(groupBuy ? { groupBuy } : {}),
      });
    },
    [items, groupBuy, draft?.requestId],
  );

  return {
    quoteStatus,
    quote,
    quoteError,
    requote,
    pointsToUse,
    setPointsOn,
    pointsNotice,
    dropPoints,
    couponChoice,
    chooseCoupon,
    couponNotice,
    dropCoupon,
    place,
  };
}
