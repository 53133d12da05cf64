import { checkCouponForm, emptyCouponForm, parseZhe, type CouponForm } from './form';

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
