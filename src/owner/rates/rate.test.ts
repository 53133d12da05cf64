import { formatRateBp, MAX_RATE_BP, parseRatePercent, rateBpToPercentText } from './rate';

describe('parseRatePercent', () => {
  it.each([
    ['5', 500],
    ['7.5', 750],
    ['7.25', 725],
    ['0', 0],
    ['0.01', 1],
    ['50', 5000],
    ['50.00', 5000],
    [' 12.5% ', 1250],
  ])('%j → %d bp', (text, rateBp) => {
    expect(parseRatePercent(text)).toEqual({ ok: true, rateBp });
  });

  it('rejects an empty field', () => {
    expect(parseRatePercent('  ')).toEqual({ ok: false, message: '请输入佣金比例' });
  });

  it.each(['-1', '-0.5', '- 3'])('rejects the negative %j', (text) => {
    expect(parseRatePercent(text)).toEqual({ ok: false, message: '佣金比例不能为负数' });
  });

  it.each(['50.01', '51', '100', '5000'])('rejects %j: above 50%%', (text) => {
    expect(parseRatePercent(text)).toEqual({ ok: false, message: '佣金比例不能超过 50%' });
  });

  it.each(['5.125', '0.001', '.333'])('rejects %j: more than two decimals', (text) => {
    expect(parseRatePercent(text)).toEqual({ ok: false, message: '最多两位小数' });
  });

  it.each(['abc', '5元', '1e1', '5..5', '百分之五', '.5', '0x5'])('rejects the non-number %j', (text) => {
    expect(parseRatePercent(text)).toEqual({ ok: false, message: '请输入数字，如 5 或 7.5' });
  });

  it('reads decimals exactly (0.29 × 100 is not 29 in floating point)', () => {
    expect(parseRatePercent('0.29')).toEqual({ ok: true, rateBp: 29 });
    expect(parseRatePercent('1.13')).toEqual({ ok: true, rateBp: 113 });
    expect(parseRatePercent('9'.repeat(20)).ok).toBe(false);
  });

  it('accepts exactly the contract maximum and nothing above it', () => {
    expect(parseRatePercent(rateBpToPercentText(MAX_RATE_BP))).toEqual({ ok: true, rateBp: MAX_RATE_BP });
    expect(parseRatePercent(rateBpToPercentText(MAX_RATE_BP + 1)).ok).toBe(false);
  });
});

describe('rate display', () => {
  it.each([
    [500, '5', '5%'],
    [750, '7.5', '7.5%'],
    [725, '7.25', '7.25%'],
    [5, '0.05', '0.05%'],
    [0, '0', '0%'],
    [5000, '50', '50%'],
  ])('%d bp → %j / %j, and the text parses back', (bp, text, shown) => {
    expect(rateBpToPercentText(bp)).toBe(text);
    expect(formatRateBp(bp)).toBe(shown);
    expect(parseRatePercent(text)).toEqual({ ok: true, rateBp: bp });
  });
});
