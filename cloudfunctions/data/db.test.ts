// The one transaction runner: a conflict in any shape it arrives in is retried, anything else is not, and a
// conflict that outlasts the retries is the coded `system.busy`, never `internal`.
import { AppError } from '../contracts/errors';
import { isConflict, transact, type Database } from './db';

// The shapes a conflict arrives in: the SDK's code at commit, wx-server-sdk's rewrap of one raised at the write,
// CloudBase's own message (issue 15's probe against the service and the SDK's transaction tests).
const SHAPES = [
  { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict on orders/x' },
  {
    errCode: -501001,
    errMsg: 'errCode: -501001 | errMsg: [ResourceUnavailable.TransactionConflict] Transaction is conflict',
  },
  { errCode: -502001, errMsg: 'database transaction conflict' },
  new Error(
    '[ResourceUnavailable.TransactionConflict] Transaction is conflicted, maybe too many concurrent transactions',
  ),
];

function fakeDb(failures: unknown[]): { db: Database; calls: () => number } {
  let calls = 0;
  const db = {
    runTransaction: async (fn: (t: unknown) => Promise<unknown>, times?: number) => {
      expect(times).toBe(0); // one attempt: the shop never leaves retrying to the SDK
      calls++;
      const failure = failures.shift();
      if (failure) throw failure;
      return fn({});
    },
  } as unknown as Database;
  return { db, calls: () => calls };
}

test('recognises a conflict in every shape, and nothing else', () => {
  for (const shape of SHAPES) expect(isConflict(shape)).toBe(true);
  expect(isConflict({ errCode: -501001, errMsg: 'collection not exists' })).toBe(false);
  expect(isConflict(new Error('E11000 duplicate key'))).toBe(false);
  expect(isConflict(null)).toBe(false);
});

test('retries each shape of conflict and answers once the transaction goes through', async () => {
  const { db, calls } = fakeDb([...SHAPES]);
  await expect(transact(db, async () => 'done', 5)).resolves.toBe('done');
  expect(calls()).toBe(SHAPES.length + 1);
});

test('a conflict that outlasts the retries is system.busy; another error is not retried', async () => {
  const busy = fakeDb([SHAPES[0], SHAPES[1], SHAPES[2]]);
  await expect(transact(busy.db, async () => 'never', 3)).rejects.toEqual(new AppError('system.busy'));
  expect(busy.calls()).toBe(3);
  const broken = fakeDb([new Error('E11000 duplicate key'), SHAPES[0]]);
  await expect(transact(broken.db, async () => 'never', 5)).rejects.toThrow('E11000');
  expect(broken.calls()).toBe(1);
});

test('retries stop within the time budget, however many attempts are allowed', async () => {
  const conflicts = Array.from({ length: 10_000 }, () => SHAPES[0]);
  const busy = fakeDb(conflicts);
  await expect(transact(busy.db, async () => 'never', 10_000, 60)).rejects.toEqual(new AppError('system.busy'));
  // Backoff (up to 250 ms each, jittered) spends a 60 ms budget in a handful of attempts, never thousands.
  expect(busy.calls()).toBeGreaterThan(0);
  expect(busy.calls()).toBeLessThan(200);
});
