import type { CouponDraft } from '../contracts/coupon';
import { AppError } from '../contracts/errors';
import { paidPerLine } from './commission';
import {
  applyCoupon,
  bestFirst,
  claimRefusal,
  claimValidity,
  couponFromDraft,
  couponOffer,
  couponStatus,
  givesBackOnRefund,
  memberCouponStatus,
  type CouponRecord,
  type MemberCouponRecord,
} from './coupon';
import { amountsOf } from './pricing';
import { DAY_MS } from './rules';

const NOW = new Date('2026-12-03T04:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

const draft = (over: Partial<CouponDraft> = {}): CouponDraft => ({
  name: '满100减10',
  kind: 'amount_off',
  offFen: 1000,
  thresholdFen: 10000,
  scope: 'all',
  validDays: 7,
  total: 50,
  perMember: 1,
  ...over,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
};

const member = (over: Partial<MemberCouponRecord> = {}): MemberCouponRecord => ({
  _id: 'c1_h_1',
  couponId: 'c1',
  ownerId: 'dev_bob',
  n: 1,
  name: '满100减10',
  kind: 'amount_off',
  offFen: 1000,
  thresholdFen: 10000,
  scope: 'all',
  validFrom: at(-DAY_MS),
  validTo: at(DAY_MS),
  claimedAt: at(-DAY_MS),
  orderId: null,
  usedAt: null,
  ...over,
});

describe('couponFromDraft', () => {
  it.each([
    ['an amount_off without offFen', draft({ offFen: undefined }), 'coupon.off_required'],
    ['an amount_off with a percentage', draft({ percentOff: 10 }), 'coupon.off_required'],
    ['a percent_off without percentOff', draft({ kind: 'percent_off', offFen: undefined }), 'coupon.percent_required'],
    ['a percent_off with an amount', draft({ kind: 'percent_off', percentOff: 10 }), 'coupon.percent_required'],
    ['a cap on an amount_off', draft({ maxOffFen: 500 }), 'coupon.max_off_invalid'],
    ['scope products without products', draft({ scope: 'products' }), 'coupon.products_required'],
    ['scope all with products', draft({ productIds: ['tea'] }), 'coupon.products_required'],
    ['neither validTo nor validDays', draft({ validDays: undefined }), 'coupon.validity_required'],
    ['both validTo and validDays', draft({ validTo: at(DAY_MS).toISOString() }), 'coupon.validity_required'],
    [
      'validFrom after validTo',
      draft({ validDays: undefined, validFrom: at(2 * DAY_MS).toISOString(), validTo: at(DAY_MS).toISOString() }),
      'coupon.window_invalid',
    ],
    [
      'validFrom equal to validTo',
      draft({ validDays: undefined, validFrom: at(DAY_MS).toISOString(), validTo: at(DAY_MS).toISOString() }),
      'coupon.window_invalid',
    ],
    ['validTo already past', draft({ validDays: undefined, validTo: at(-1).toISOString() }), 'coupon.window_invalid'],
  ])('refuses %s', (_what, given, code) => {
    expect(codeOf(() => couponFromDraft(given, 'c1', null, NOW))).toBe(code);
  });

  it('stores a fresh coupon unclaimed, active, created now', () => {
    const stored = couponFromDraft(draft(), 'c1', null, NOW);
    expect(stored).toMatchObject({ _id: 'c1', claimed: 0, stopped: false, createdAt: NOW, validDays: 7 });
    expect(couponStatus(stored, NOW)).toBe('active');
  });

  it('freezes the terms once claimed, but lets the name and total (not below claimed) change', () => {
    const claimed = { ...couponFromDraft(draft(), 'c1', null, NOW), claimed: 20 };
    expect(codeOf(() => couponFromDraft(draft({ offFen: 900 }), 'c1', claimed, NOW))).toBe('coupon.terms_frozen');
    expect(codeOf(() => couponFromDraft(draft({ thresholdFen: 0 }), 'c1', claimed, NOW))).toBe('coupon.terms_frozen');
    expect(codeOf(() => couponFromDraft(draft({ validDays: 8 }), 'c1', claimed, NOW))).toBe('coupon.terms_frozen');
    expect(codeOf(() => couponFromDraft(draft({ total: 19 }), 'c1', claimed, NOW))).toBe('coupon.total_below_claimed');
    const renamed = couponFromDraft(draft({ name: '新名字', total: 20 }), 'c1', claimed, at(DAY_MS));
    expect(renamed).toMatchObject({ name: '新名字', total: 20, claimed: 20, createdAt: NOW });
  });

  it('lets an unclaimed coupon change anything', () => {
    const stored = couponFromDraft(draft(), 'c1', null, NOW);
    expect(couponFromDraft(draft({ offFen: 500 }), 'c1', stored, NOW).offFen).toBe(500);
  });
});

describe('couponStatus and claims', () => {
  const base = couponFromDraft(draft({ validDays: undefined, validTo: at(DAY_MS).toISOString() }), 'c1', null, NOW);

  it('is active until validTo (exclusive), then ended; stopped and claimed out win in that order', () => {
    expect(couponStatus(base, at(DAY_MS - 1))).toBe('active');
    expect(couponStatus(base, at(DAY_MS))).toBe('ended');
    expect(couponStatus({ ...base, claimed: 50 }, NOW)).toBe('claimed_out');
    expect(couponStatus({ ...base, claimed: 50, stopped: true }, NOW)).toBe('stopped');
    expect(claimRefusal({ ...base, claimed: 50 }, NOW)).toBe('coupon.claimed_out');
    expect(claimRefusal({ ...base, stopped: true }, NOW)).toBe('coupon.not_claimable');
    expect(claimRefusal(base, at(DAY_MS))).toBe('coupon.not_claimable');
    expect(claimRefusal(base, NOW)).toBeNull();
  });

  it('gives a claim validDays from the claim, or the fixed window (from the claim when validFrom is absent)', () => {
    const days: CouponRecord = couponFromDraft(draft({ validDays: 3 }), 'c2', null, NOW);
    expect(claimValidity(days, at(5))).toEqual({ validFrom: at(5), validTo: at(5 + 3 * DAY_MS) });
    expect(claimValidity(base, at(5))).toEqual({ validFrom: at(5), validTo: at(DAY_MS) });
    const later = { ...base, validFrom: at(1000) };
    expect(claimValidity(later, at(5))).toEqual({ validFrom: at(1000), validTo: at(DAY_MS) });
  });

  it('tells a member coupon used (held by an order), expired at validTo, or usable', () => {
    expect(memberCouponStatus(member(), at(DAY_MS - 1))).toBe('usable');
    expect(memberCouponStatus(member(), at(DAY_MS))).toBe('expired');
    expect(memberCouponStatus(member({ orderId: 'o1' }), NOW)).toBe('used');
    expect(givesBackOnRefund(member(), at(DAY_MS - 1))).toBe(true);
    expect(givesBackOnRefund(member(), at(DAY_MS))).toBe(false);
  });
});

describe('couponOffer', () => {
  const tea = (lineFen: number) => ({ productId: 'tea', lineFen });
  const cup = (lineFen: number) => ({ productId: 'cup', lineFen });

  it.each([
    ['one fen under the threshold', 9999, false],
    ['at the threshold', 10000, true],
    ['one fen over', 10001, true],
  ])('an amount_off %s', (_what, goods, usable) => {
    const offer = couponOffer(member(), [tea(goods)], 0, NOW);
    expect(offer.usable).toBe(usable);
    if (offer.usable) expect(offer.discountFen).toBe(1000);
    else expect(offer).toMatchObject({ code: 'coupon.below_threshold', why: '还差 ¥0.01 可用' });
  });

  it('counts only the goods in scope towards the threshold and the discount', () => {
    const scoped = member({ scope: 'products', productIds: ['tea'] });
    expect(couponOffer(scoped, [tea(9000), cup(5000)], 0, NOW)).toMatchObject({ why: '还差 ¥10.00 可用' });
    expect(couponOffer(scoped, [cup(50000)], 0, NOW)).toMatchObject({ why: '不适用于所选商品' });
    expect(couponOffer(scoped, [tea(10000), cup(5000)], 0, NOW)).toEqual({
      usable: true,
      discountFen: 1000,
      split: [1000, 0],
    });
  });

  it('floors a percentage of the goods in scope and caps it by maxOffFen', () => {
    const nine = member({ kind: 'percent_off', offFen: undefined, percentOff: 10, thresholdFen: 0 });
    expect(couponOffer(nine, [tea(1999)], 0, NOW)).toMatchObject({ discountFen: 199 });
    expect(couponOffer({ ...nine, maxOffFen: 150 }, [tea(1999)], 0, NOW)).toMatchObject({ discountFen: 150 });
    expect(couponOffer({ ...nine, maxOffFen: 150 }, [tea(1499)], 0, NOW)).toMatchObject({ discountFen: 149 });
  });

  it('never takes more than the goods in scope, and leaves at least 1 fen to pay', () => {
    const big = member({ offFen: 5000, thresholdFen: 0, scope: 'products', productIds: ['tea'] });
    expect(couponOffer(big, [tea(3000), cup(4000)], 0, NOW)).toMatchObject({ discountFen: 3000 });
    expect(couponOffer(big, [tea(3000)], 0, NOW)).toMatchObject({ discountFen: 2999 });
    expect(couponOffer(big, [tea(3000)], 800, NOW)).toMatchObject({ discountFen: 3000 });
  });

  it('is unusable before validFrom and from validTo on', () => {
    const mc = member({ validFrom: at(10), validTo: at(20), thresholdFen: 0 });
    expect(couponOffer(mc, [tea(100)], 0, at(9))).toMatchObject({ code: 'coupon.not_started', why: '未到使用时间' });
    expect(couponOffer(mc, [tea(100)], 0, at(10)).usable).toBe(true);
    expect(couponOffer(mc, [tea(100)], 0, at(19)).usable).toBe(true);
    expect(couponOffer(mc, [tea(100)], 0, at(20))).toMatchObject({ code: 'coupon.expired', why: '已过期' });
  });

  it('splits the discount over the lines in scope pro rata, adding up exactly and the same every time', () => {
    const mc = member({ offFen: 1000, thresholdFen: 0 });
    const lines = [tea(3333), cup(3333), tea(3334)];
    const offer = couponOffer(mc, lines, 0, NOW);
    if (!offer.usable) throw new Error('expected usable');
    expect(offer.split.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(offer.split).toEqual([333, 333, 334]);
    expect(couponOffer(mc, lines, 0, NOW)).toEqual(offer);
  });

  it('throws the coded refusal through applyCoupon', () => {
    expect(codeOf(() => applyCoupon(member(), [tea(9999)], 0, NOW))).toBe('coupon.below_threshold');
    expect(codeOf(() => applyCoupon(member(), [tea(10000)], 0, at(DAY_MS)))).toBe('coupon.expired');
  });
});

describe('bestFirst', () => {
  it('puts the largest discount first, then the one expiring soonest', () => {
    const offers = [
      { id: 'a', discountFen: 500, validTo: at(3 * DAY_MS) },
      { id: 'b', discountFen: 800, validTo: at(5 * DAY_MS) },
      { id: 'c', discountFen: 800, validTo: at(2 * DAY_MS) },
    ];
    expect(bestFirst(offers).map((o) => o.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('the coupon in the amounts and the paid lines', () => {
  const priced = {
    lines: [],
    goodsFen: 10000 as never,
    shippingFen: 0 as never,
    payableFen: 10000 as never,
  };

  it('takes the coupon, then the points, off the goods; payable never below 1 fen', () => {
    expect(amountsOf(priced, 500, 500, 1000)).toEqual({
      goodsFen: 10000,
      couponFen: 1000,
      pointsUsed: 500,
      pointsDiscountFen: 500,
      shippingFen: 0,
      payableFen: 8500,
    });
    expect(amountsOf(priced, 0, 0, 9999).payableFen).toBe(1);
    expect(() => amountsOf(priced, 0, 1, 9999)).toThrow(RangeError);
  });

  it('spreads the points over what each line paid after its coupon share', () => {
    const lines = [
      { productId: 'tea', skuId: 'a', lineFen: 6000, couponFen: 1000 },
      { productId: 'cup', skuId: 'b', lineFen: 4000, couponFen: 0 },
    ];
    // After the coupon: 5000 and 4000; 900 of points spread 500 / 400.
    expect(paidPerLine(lines, 900)).toEqual([4500, 3600]);
    expect(paidPerLine(lines, 0)).toEqual([5000, 4000]);
  });
});
