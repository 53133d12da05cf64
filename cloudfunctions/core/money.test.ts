import { applyRateFloor, isFen, minFen, sumFen, timesQty, toFen } from './money';

describe('money in fen', () => {
  test('only non-negative safe integers are fen', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(1290)).toBe(true);
    expect(isFen(12.9)).toBe(false);
    expect(isFen(-1)).toBe(false);
    expect(isFen(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isFen('1290')).toBe(false);
    expect(() => toFen(0.1)).toThrow(RangeError);
  });
  test('sums and quantities stay integers', () => {
    expect(sumFen([toFen(1290), toFen(10)])).toBe(1300);
    expect(timesQty(toFen(1290), 3)).toBe(3870);
    expect(() => timesQty(toFen(1290), -1)).toThrow(RangeError);
    expect(() => timesQty(toFen(1290), 1.5)).toThrow(RangeError);
  });
  test('rates round down to the fen', () => {
    expect(applyRateFloor(toFen(1999), 500)).toBe(99); // 99.95 → 99
    expect(applyRateFloor(toFen(100), 10_000)).toBe(100);
    expect(() => applyRateFloor(toFen(100), 10_001)).toThrow(RangeError);
  });
  test('the lowest of several prices', () => {
    expect(minFen([toFen(300), toFen(120), toFen(999)])).toBe(120);
    expect(() => minFen([])).toThrow(RangeError);
  });
});
