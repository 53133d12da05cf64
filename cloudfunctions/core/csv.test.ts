import { BOM, csvCell, csvText, parseCsv } from './csv';

test('plain cells are written as they are, numbers too', () => {
  expect(csvCell('顺丰速运')).toBe('顺丰速运');
  expect(csvCell(12)).toBe('12');
  expect(csvCell('12.90')).toBe('12.90');
});

test('a comma, a quote or a line break quotes the cell, quotes doubled', () => {
  expect(csvCell('A, B')).toBe('"A, B"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
  expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
});

test.each(['=1+1', '+86', '-2', '@SUM(A1)', '\t=1', '\r=1'])(
  'a cell Excel would run (%j) starts with a quote',
  (text) => {
    expect(csvCell(text).replace(/^"/, '').startsWith(`'${text[0]}`)).toBe(true);
  },
);

test('a file is the BOM and CRLF lines', () => {
  expect(
    csvText([
      ['a', 'b'],
      ['c,d', 1],
    ]),
  ).toBe(`${BOM}a,b\r\n"c,d",1\r\n`);
  expect(csvText([])).toBe(BOM);
});

test('what is written reads back the same, tricky cells included', () => {
  const rows = [
    ['订单号', '地址'],
    ['YJ0000000000000001', '上海市 "浦东", 世纪大道\n8 楼'],
    ['', 'x'],
    ['end,', '"'],
  ];
  const read = parseCsv(csvText(rows));
  expect(read.map((r) => r.fields)).toEqual(rows);
  expect(read.map((r) => r.line)).toEqual([1, 2, 4, 5]);
  expect(read.every((r) => !r.malformed)).toBe(true);
});

test('LF line ends, blank lines left out, a last line with no line end', () => {
  expect(parseCsv('a,b\n\n\nc,d')).toEqual([
    { line: 1, fields: ['a', 'b'], malformed: false },
    { line: 4, fields: ['c', 'd'], malformed: false },
  ]);
  expect(parseCsv('a,\r\n')).toEqual([{ line: 1, fields: ['a', ''], malformed: false }]);
  expect(parseCsv('')).toEqual([]);
});

test('a quote out of place marks its record, and only it', () => {
  const read = parseCsv('a"b,c\n"x"y,z\nok,1\n"never closed,2\nlost,3');
  expect(read.map((r) => [r.line, r.malformed])).toEqual([
    [1, true],
    [2, true],
    [3, false],
    [4, true],
  ]);
  expect(read[2].fields).toEqual(['ok', '1']);
});
