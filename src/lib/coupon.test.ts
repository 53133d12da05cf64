import type { CouponTerms } from '../../cloudfunctions/contracts/coupon';
import { couponFace, couponRule, couponScopeText, couponValidity, discountText, yuanText } from './coupon';

const amountOff = (offFen: number, thresholdFen: number): CouponTerms => ({
  name: '满减券',
  kind: 'amount_off',
  offFen,
  thresholdFen,
  scope: 'all',
});
const percentOff = (percent: number, thresholdFen: number, maxOffFen?: number): CouponTerms => ({
  name: '折扣券',
  kind: 'percent_off',
  percentOff: percent,
  ...(maxOffFen ? { maxOffFen } : {}),
  thresholdFen,
  scope: 'all',
});
/** A local (China) time, as the phone shows it. */
const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).toISOString();

describe('coupon terms', () => {
  it('writes yuan without trailing zeros', () => {
    expect([yuanText(1000), yuanText(1050), yuanText(1005), yuanText(1), yuanText(0)]).toEqual([
      '10',
      '10.5',
      '10.05',
      '0.01',
      '0',
    ]);
  });

  it('writes a percentage off as 折', () => {
    expect([discountText(10), discountText(15), discountText(5), discountText(90)]).toEqual([
      '9折',
      '8.5折',
      '9.5折',
      '1折',
    ]);
  });

  it('an amount off: 满100减10 with a threshold, 无门槛减5元 without', () => {
    expect(couponRule(amountOff(1000, 10000))).toBe('满100减10');
    expect(couponRule(amountOff(500, 0))).toBe('无门槛减5元');
    expect(couponRule(amountOff(1050, 9950))).toBe('满99.5减10.5');
    expect(couponFace(amountOff(500, 0))).toBe('¥5');
  });

  it('a percentage off, with and without a cap and a threshold', () => {
    expect(couponRule(percentOff(10, 0, 2000))).toBe('无门槛9折 最高减20元');
    expect(couponRule(percentOff(10, 10000, 2000))).toBe('满100享9折 最高减20元');
    expect(couponRule(percentOff(15, 0))).toBe('无门槛8.5折');
    expect(couponFace(percentOff(10, 0))).toBe('9折');
  });

  it('says when only chosen products take it', () => {
    expect(couponScopeText({ scope: 'products' })).toBe('仅限指定商品');
    expect(couponScopeText({ scope: 'all' })).toBe('全场通用');
  });

  it('fixed dates with the year once when both ends share it, days from claiming otherwise', () => {
    expect(couponValidity({ validFrom: at(2026, 12, 1), validTo: at(2026, 12, 31, 23) })).toBe('2026.12.01–12.31');
    expect(couponValidity({ validFrom: at(2026, 12, 1), validTo: at(2027, 1, 31, 23) })).toBe('2026.12.01–2027.01.31');
    expect(couponValidity({ validDays: 7 })).toBe('领取后 7 天内有效');
    // No start: valid from now.
    expect(couponValidity({ validTo: at(2026, 12, 31) }, new Date(2026, 11, 3).getTime())).toBe('2026.12.03–12.31');
  });
});
