import { fenToYuanText, formatFen, parseYuanToFen } from './money';

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

describe('parseYuanToFen', () => {
  it.each([
    ['1', 100],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.01', 1],
    ['0.1', 10],
    ['12.', 1200],
    [' 8.88 ', 888],
    ['¥3.20', 320],
    ['007', 700],
    ['0', 0],
  ])('"%s" → %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it('reads amounts whose float sum would round wrongly, exactly', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('1.13')).toBe(113);
  });

  it.each(['', ' ', '.5', '1.234', '-1', '+1', '1e3', '1,000', 'abc', '12元', '1.2.3', 'Infinity', '9'.repeat(20)])(
    'rejects "%s"',
    (text) => {
      expect(parseYuanToFen(text)).toBeNull();
    },
  );
});

describe('fenToYuanText', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1290, '12.90'],
    [123456, '1234.56'],
  ])('%i fen → "%s", which reads back as the same fen', (fen, text) => {
    expect(fenToYuanText(fen)).toBe(text);
    expect(parseYuanToFen(text)).toBe(fen);
  });
});
