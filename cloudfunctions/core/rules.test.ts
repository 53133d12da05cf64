import { DEFAULT_RULES, rulesOf } from './rules';

describe('rulesOf', () => {
  it('takes the stored numbers and falls back to the defaults for missing or malformed ones', () => {
    expect(rulesOf(undefined)).toEqual(DEFAULT_RULES);
    const rules = rulesOf({ shippingFeeFen: 500, unpaidCancelMinutes: -1, autoConfirmDays: 2.5, afterSaleDays: '7' });
    expect(rules).toEqual({ ...DEFAULT_RULES, shippingFeeFen: 500 });
  });
});

describe('rule bounds', () => {
  it('refuses a stored commission rate above 50% or a binding longer than a year', () => {
    expect(rulesOf({ commissionRateBp: 5001, bindingDays: 366 })).toEqual(DEFAULT_RULES);
    expect(rulesOf({ commissionRateBp: 5000, bindingDays: 1 })).toEqual({
      ...DEFAULT_RULES,
      commissionRateBp: 5000,
      bindingDays: 1,
    });
  });
});
