import { formatFen } from './money';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [10, '¥0.10'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [1290, '¥12.90'],
    [123456, '¥1,234.56'],
    [100000000, '¥1,000,000.00'],
    [-1290, '-¥12.90'],
  ])('%i fen → %s', (fen, shown) => {
    expect(formatFen(fen)).toBe(shown);
  });
});
