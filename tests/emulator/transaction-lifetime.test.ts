// Conformance: a transaction lives a bounded time. CloudBase drops one after 30 s ("transaction must be commit or
// abort in 30 seconds", TencentCloudBase/node-sdk test/database/unit/transaction.test.ts); this emulator is started
// with a 1 s lifetime (--transaction-lifetime) so the test need not wait 30 s. A plain write parked on the dropped
// transaction's lock then goes through, and the transaction's own writes never land.
import { get, startEmulator, sdkFor, type RunningEmulator } from './harness';
import { TRANSACTION_LIFETIME_MS } from '../../emulator/transactions';

let emu: RunningEmulator;
let db: any;

beforeAll(async () => {
  emu = await startEmulator({ args: ['--transaction-lifetime', '1000'] });
  db = sdkFor(emu).database();
  await db.createCollection('accounts');
});

afterAll(async () => {
  await emu.stop();
});

test('the default lifetime is CloudBase’s 30 s', () => {
  expect(TRANSACTION_LIFETIME_MS).toBe(30_000);
});

test('an abandoned transaction is dropped at its lifetime: its lock goes, its writes never land', async () => {
  const accounts = db.collection('accounts');
  await accounts.doc('a').set({ data: { balance: 100 } });
  const t = await db.startTransaction();
  await t
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: 0 } });
  // Parked on the lock until the transaction is dropped, then applied.
  const plain = await accounts.doc('a').update({ data: { balance: db.command.inc(1) } });
  expect(plain.stats.updated).toBe(1);
  expect((await accounts.doc('a').get()).data.balance).toBe(101);
  const failure = await t.commit().then(
    () => 'committed',
    (e: any) => String(e?.errMsg ?? e?.message),
  );
  expect(failure).toContain('[ResourceUnavailable.TransactionNotExist]');
  expect((await accounts.doc('a').get()).data.balance).toBe(101);
  const stats = (await get(emu, '/__dev/stats')).json.transactions;
  expect(stats).toMatchObject({ started: 1, committed: 0, aborted: 1, lockWaits: 1 });
});
