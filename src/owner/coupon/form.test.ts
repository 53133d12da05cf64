import { makeCoupon } from '../../test-utils/coupons';
import {
  changesOf,
  checkCouponForm,
  confirmationOf,
  emptyCouponForm,
  formFromCoupon,
  parseZhe,
  type CouponForm,
} from './form';

const TODAY = '2026-12-03';
const form = (over: Partial<CouponForm>): CouponForm => ({
  ...emptyCouponForm(),
  name: '店庆满减',
  off: '10',
  threshold: '100',
  total: '100',
  ...over,
});
const errorsOf = (over: Partial<CouponForm>) => {
  const check = checkCouponForm(form(over), TODAY);
  return check.ok ? {} : check.errors;
};

describe('the new coupon form', () => {
  it('turns 满100减10, 30 days after claiming, into the save input', () => {
    expect(checkCouponForm(form({}), TODAY)).toEqual({
      ok: true,
      draft: {
        name: '店庆满减',
        kind: 'amount_off',
        scope: 'all',
        offFen: 1000,
        thresholdFen: 10000,
        validDays: 30,
        total: 100,
        perMember: 1,
      },
    });
  });

  it('reads 折 as the percentage off, one decimal at most', () => {
    expect([parseZhe('9'), parseZhe('8.5'), parseZhe('9.9折'), parseZhe('1')]).toEqual([10, 15, 1, 90]);
    expect([parseZhe('8.55'), parseZhe('10'), parseZhe(''), parseZhe('-1')]).toEqual([null, null, null, null]);
  });

  it('a percentage off with a cap, 无门槛 when the threshold is empty, on chosen products from fixed dates', () => {
    const check = checkCouponForm(
      form({
        kind: 'percent_off',
        rate: '9',
        maxOff: '20',
        threshold: '',
        scope: 'products',
        productIds: ['p1', 'p2'],
        validity: 'dates',
        validFrom: '2026-12-05',
        validTo: '2026-12-31',
      }),
      TODAY,
    );
    expect(check.ok && check.draft).toEqual({
      name: '店庆满减',
      kind: 'percent_off',
      scope: 'products',
      percentOff: 10,
      maxOffFen: 2000,
      thresholdFen: 0,
      productIds: ['p1', 'p2'],
      validFrom: new Date(2026, 11, 5).toISOString(),
      validTo: new Date(2026, 11, 31, 23, 59, 59, 999).toISOString(),
      total: 100,
      perMember: 1,
    });
  });

  it('says what is wrong, field by field, in Chinese', () => {
    expect(errorsOf({ name: '  ', off: '0', threshold: 'abc', total: '0', perMember: '11', validDays: '366' })).toEqual(
      {
        name: '请填写优惠券名称',
        off: '请填写减免金额，如 10 或 9.9',
        threshold: '请填写使用门槛金额，无门槛填 0',
        validity: '领取后有效天数为 1 到 365 天',
        total: '发放总量为 1 到 1000000 张',
        perMember: '每人限领 1 到 10 张',
      },
    );
    expect(errorsOf({ name: '一二三四五六七八九十一二三四五六七八九十一' }).name).toBe('名称最多 20 个字');
    expect(errorsOf({ off: '100' }).off).toBe('减免金额应小于使用门槛');
    expect(errorsOf({ kind: 'percent_off', rate: '0.5' }).rate).toBe('请填写折扣，1 到 9.9 折，如 9 或 8.5');
    expect(errorsOf({ kind: 'percent_off', rate: '9', maxOff: '-5' }).maxOff).toBe('最高优惠请填写金额，不限可留空');
    expect(errorsOf({ scope: 'products' }).productIds).toBe('请选择适用的商品');
    expect(errorsOf({ total: '2', perMember: '3' }).perMember).toBe('每人限领不能超过发放总量');
  });

  it('checks fixed dates: an end, not before the start, not in the past', () => {
    expect(errorsOf({ validity: 'dates' }).validity).toBe('请选择结束日期');
    expect(errorsOf({ validity: 'dates', validFrom: '2026-12-10', validTo: '2026-12-09' }).validity).toBe(
      '结束日期不能早于开始日期',
    );
    expect(errorsOf({ validity: 'dates', validFrom: '2026-11-01', validTo: '2026-12-02' }).validity).toBe(
      '结束日期不能早于今天',
    );
    // No start: from now; today is a valid last day.
    const check = checkCouponForm(form({ validity: 'dates', validTo: TODAY }), TODAY);
    expect(check.ok && check.draft.validFrom).toBeUndefined();
  });
});

describe('editing a coupon', () => {
  const unclaimed = makeCoupon({ claimed: 0, used: 0 });
  const percent = makeCoupon({
    id: 'c2',
    kind: 'percent_off',
    offFen: undefined,
    percentOff: 15,
    maxOffFen: 2050,
    thresholdFen: 0,
    scope: 'products',
    productIds: ['p2', 'p1'],
    validFrom: undefined,
    validTo: undefined,
    validDays: 7,
    claimed: 0,
  });

  it('fills the form from the coupon: yuan, the 折 paid, the phone’s days, counts', () => {
    expect(formFromCoupon(makeCoupon({ total: 200, perMember: 2 }))).toEqual({
      name: '店庆满减',
      kind: 'amount_off',
      off: '10',
      rate: '',
      maxOff: '',
      threshold: '100',
      scope: 'all',
      productIds: [],
      validity: 'dates',
      validFrom: '2026-12-01',
      validTo: '2026-12-31',
      validDays: '30',
      total: '200',
      perMember: '2',
    });
    expect(formFromCoupon(percent)).toMatchObject({
      kind: 'percent_off',
      off: '',
      rate: '8.5',
      maxOff: '20.5',
      threshold: '0',
      scope: 'products',
      productIds: ['p2', 'p1'],
      validity: 'days',
      validFrom: '',
      validTo: '',
      validDays: '7',
    });
  });

  it('an unchanged form gives back the coupon’s own terms under its id, exact times kept, and changes nothing', () => {
    for (const coupon of [unclaimed, percent]) {
      const check = checkCouponForm(formFromCoupon(coupon), TODAY, coupon);
      if (!check.ok) throw new Error(JSON.stringify(check.errors));
      const { claimed, used, status, createdAt, ...asSaved } = coupon;
      expect(check.draft).toEqual(JSON.parse(JSON.stringify(asSaved)));
      expect(changesOf(coupon, check.draft)).toEqual([]);
      expect(confirmationOf(check.draft, coupon)).toBeNull();
    }
  });

  it('before any claim every term may change; a new day is sent as the whole day', () => {
    const check = checkCouponForm(
      { ...formFromCoupon(unclaimed), off: '15', threshold: '150', validTo: '2027-01-15', total: '50' },
      TODAY,
      unclaimed,
    );
    expect(check.ok && check.draft).toMatchObject({
      id: 'c1',
      offFen: 1500,
      thresholdFen: 15000,
      validFrom: unclaimed.validFrom,
      validTo: new Date(2027, 0, 15, 23, 59, 59, 999).toISOString(),
      total: 50,
    });
    expect(check.ok && changesOf(unclaimed, check.draft)).toEqual([
      '优惠改为满150减15',
      '有效期改为2026.12.01–2027.01.15',
      '发放总量 100 → 50 张',
    ]);
  });

  it('once claimed, the frozen terms go back as loaded whatever the form says; total not below claimed', () => {
    const claimed = makeCoupon({ claimed: 12 });
    const tampered = {
      ...formFromCoupon(claimed),
      kind: 'percent_off' as const,
      rate: '5',
      threshold: '',
      total: '11',
    };
    expect(checkCouponForm(tampered, TODAY, claimed)).toEqual({
      ok: false,
      errors: { total: '发放总量不能少于已领取的 12 张' },
    });
    const check = checkCouponForm({ ...tampered, name: '年终满减', total: '12', perMember: '2' }, TODAY, claimed);
    expect(check.ok && check.draft).toEqual({
      id: 'c1',
      name: '年终满减',
      kind: 'amount_off',
      offFen: 1000,
      thresholdFen: 10000,
      scope: 'all',
      validFrom: claimed.validFrom,
      validTo: claimed.validTo,
      total: 12,
      perMember: 2,
    });
    expect(check.ok && confirmationOf(check.draft, claimed)).toEqual({
      title: '保存修改',
      content:
        '「店庆满减」名称改为「年终满减」；发放总量 100 → 12 张；每人限领 1 → 2 张。已领取的 12 张按领取时的条款使用。',
      confirmText: '保存',
      cancelText: '再看看',
    });
  });

  it('says a change of scope with how many products', () => {
    const check = checkCouponForm({ ...formFromCoupon(percent), productIds: ['p1'] }, TODAY, percent);
    expect(check.ok && changesOf(percent, check.draft)).toEqual(['适用商品改为仅限指定商品（1 件）']);
  });
});
