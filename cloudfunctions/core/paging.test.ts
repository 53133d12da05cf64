import { AppError } from '../contracts/errors';
import { decodeCursor, encodeCursor, pageOf } from './paging';

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
