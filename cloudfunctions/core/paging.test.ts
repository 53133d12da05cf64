import { AppError } from '../contracts/errors';
import { decodeCursor, decodeTimeCursor, encodeCursor, encodeTimeCursor, pageOf } from './paging';

test('a cursor round-trips its position', () => {
  expect(decodeCursor(encodeCursor({ sort: 30, id: 'aksu-apple' }))).toEqual({ sort: 30, id: 'aksu-apple' });
});

test.each([
  '',
  'garbage',
  Buffer.from('{"sort":1}').toString('base64url'),
  Buffer.from('[1]').toString('base64url'),
  Buffer.from('["1","x"]').toString('base64url'),
])('a cursor we did not make (%s) is an input error', (cursor) => {
  expect(() => decodeCursor(cursor)).toThrow(AppError);
  try {
    decodeCursor(cursor);
  } catch (error) {
    expect((error as AppError).code).toBe('input.invalid');
  }
});

test('a page of limit + 1 rows has a next cursor at its last item; a short page has none', () => {
  const rows = [1, 2, 3].map((n) => ({ sort: n, id: `p${n}` }));
  const full = pageOf(rows, 2);
  expect(full.items.map((r) => r.id)).toEqual(['p1', 'p2']);
  expect(decodeCursor(full.next!)).toEqual({ sort: 2, id: 'p2' });
  expect(pageOf(rows, 3).next).toBeNull();
});

describe('time cursors', () => {
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('round-trip their position, at the edges of what a Date holds too', () => {
    const position = { at: new Date('2026-12-02T08:00:00.000Z'), id: 'YJ0000000000000001' };
    expect(decodeTimeCursor(encodeTimeCursor(position))).toEqual(position);
    expect(decodeTimeCursor(forged([8.64e15, 'x']))?.at.getTime()).toBe(8.64e15);
    expect(decodeTimeCursor(undefined)).toBeNull();
  });

  // A red-team run: these answered `internal` in nine list actions (an Invalid Date reached the query).
  it.each([
    [Number.MAX_SAFE_INTEGER, 'x'],
    [-8640000000000001, 'x'],
    [8.64e15 + 1, 'x'],
    [1, 'x'.repeat(201)],
  ])('refuses a forged one (%p) as bad input', (time, id) => {
    expect(() => decodeTimeCursor(forged([time, id]))).toThrow(expect.objectContaining({ code: 'input.invalid' }));
  });
});
