import { AppError } from '../contracts/errors';
import { chinaDateTime, chinaDayRange } from './china-range';

const refusal = (from: string, to: string) => {
  try {
    chinaDayRange(from, to);
  } catch (error) {
    return (error as AppError).code;
  }
  return 'accepted';
};

test('a range runs from China midnight of the first day to China midnight after the last', () => {
  expect(chinaDayRange('2026-12-01', '2026-12-03')).toEqual({
    start: new Date('2026-11-30T16:00:00.000Z'),
    end: new Date('2026-12-03T16:00:00.000Z'),
    days: 3,
  });
  expect(chinaDayRange('2026-12-01', '2026-12-01').days).toBe(1);
});

test('366 days pass, 367 do not', () => {
  expect(chinaDayRange('2024-01-01', '2024-12-31').days).toBe(366);
  expect(refusal('2023-12-31', '2024-12-31')).toBe('report.range_invalid');
});

test.each([
  ['2026-12-03', '2026-12-01'],
  ['2026-02-30', '2026-03-01'],
  ['2026-13-01', '2026-13-02'],
  ['0000-01-01', '0000-01-02'],
  ['2026-1-1', '2026-01-02'],
])('%s to %s is refused as report.range_invalid', (from, to) => {
  expect(refusal(from, to)).toBe('report.range_invalid');
  expect(() => chinaDayRange(from, to)).toThrow(AppError);
});

test('China wall-clock time of an instant, at the midnight edge', () => {
  expect(chinaDateTime(new Date('2026-11-30T15:59:59.000Z'))).toBe('2026-11-30 23:59:59');
  expect(chinaDateTime(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01 00:00:00');
});
