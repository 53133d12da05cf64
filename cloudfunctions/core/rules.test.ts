import { DEFAULT_RULES, rulesOf } from './rules';

describe('rulesOf', () => {
  it('takes the stored numbers and falls back to the defaults for missing or malformed ones', () => {
    expect(rulesOf(undefined)).toEqual(DEFAULT_RULES);
    const rules = rulesOf({ shippingFeeFen: 500, unpaidCancelMinutes: -1, autoConfirmDays: 2.5, afterSaleDays: '7' });
    expect(rules).toEqual({ ...DEFAULT_RULES, shippingFeeFen: 500 });
  });
});
