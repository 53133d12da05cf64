// Conformance: transactions through the real wx-server-sdk (db.startTransaction / db.runTransaction).
import { get, post, startEmulator, sdkFor, type RunningEmulator } from './harness';

let emu: RunningEmulator;
let db: any;
let _: any;

beforeAll(async () => {
  emu = await startEmulator();
  db = sdkFor(emu).database();
  _ = db.command;
  await db.createCollection('accounts');
  await db.createCollection('counters');
});

afterAll(async () => {
  await emu.stop();
});

const accounts = () => db.collection('accounts');
const balance = async (id: string) => (await accounts().doc(id).get()).data.balance;

beforeEach(async () => {
  await accounts()
    .doc('a')
    .set({ data: { balance: 100 } });
  await accounts()
    .doc('b')
    .set({ data: { balance: 0 } });
});

test('commit applies every write at once', async () => {
  const t = await db.startTransaction();
  await t
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: _.inc(-30) } });
  await t
    .collection('accounts')
    .doc('b')
    .update({ data: { balance: _.inc(30) } });
  await t.collection('accounts').add({ data: { _id: 'log1', amount: 30 } });
  // Invisible outside the transaction until commit.
  expect(await balance('a')).toBe(100);
  await expect(accounts().doc('log1').get()).rejects.toBeTruthy();
  await t.commit();
  expect(await balance('a')).toBe(70);
  expect(await balance('b')).toBe(30);
  expect((await accounts().doc('log1').get()).data.amount).toBe(30);
});

test('reads inside a transaction see its own writes', async () => {
  const t = await db.startTransaction();
  await t
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: _.inc(-1) } });
  expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(99);
  await t.collection('accounts').doc('b').remove();
  await expect(t.collection('accounts').doc('b').get()).rejects.toMatchObject({
    errMsg: expect.stringContaining('does not exist'),
  });
  await t.rollback();
  expect(await balance('a')).toBe(100);
  expect(await balance('b')).toBe(0);
});

test('a transaction reads the snapshot taken at its start', async () => {
  const t = await db.startTransaction();
  await accounts()
    .doc('a')
    .update({ data: { balance: 555 } });
  await accounts().add({ data: { _id: 'late', balance: 1 } });
  expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(100);
  await expect(t.collection('accounts').doc('late').get()).rejects.toMatchObject({
    errMsg: expect.stringContaining('does not exist'),
  });
  await t.rollback();
});

test('runTransaction: rollback with a value rejects with that value and writes nothing', async () => {
  const outcome = db.runTransaction(async (t: any) => {
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: _.inc(-500) } });
    const { data } = await t.collection('accounts').doc('a').get();
    if (data.balance < 0) await t.rollback({ reason: 'insufficient', balance: data.balance });
    return 'unreachable';
  });
  await expect(outcome).rejects.toEqual({ reason: 'insufficient', balance: -400 });
  expect(await balance('a')).toBe(100);
});

test('runTransaction: an error thrown in the callback aborts', async () => {
  const outcome = db.runTransaction(async (t: any) => {
    await t
      .collection('accounts')
      .doc('b')
      .update({ data: { balance: _.inc(7) } });
    throw new Error('stop here');
  });
  await expect(outcome).rejects.toThrow('stop here');
  expect(await balance('b')).toBe(0);
});

test('runTransaction returns the callback value on commit', async () => {
  const value = await db.runTransaction(async (t: any) => {
    await t
      .collection('accounts')
      .doc('b')
      .update({ data: { balance: _.inc(5) } });
    return { moved: 5 };
  });
  expect(value).toEqual({ moved: 5 });
  expect(await balance('b')).toBe(5);
});

// CloudBase raises a conflict at the WRITE, with the service's text (TencentCloudBase/node-sdk
// test/database/unit/transaction.test.ts, 冲突检测 and 读偏). wx-server-sdk rewraps the error of a write
// (errCode -501001/-502001), keeping the text: that is what the shop's `transact` (data/db.ts) recognises.
const CONFLICT = { errMsg: expect.stringContaining('[ResourceUnavailable.TransactionConflict]') };
/** The error text of a rejected call: wx-server-sdk's rewrap (errMsg) or the raw SDK error (message). */
const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => 'resolved',
    (e: any) => String(e?.errMsg ?? e?.message),
  );

test('write-write conflict: a write to a document another open transaction wrote fails at once', async () => {
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: 1 } });
  await t2
    .collection('accounts')
    .doc('b')
    .update({ data: { balance: 2 } });
  const refused = t2
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: 2 } });
  await expect(refused).rejects.toMatchObject(CONFLICT);
  await expect(refused).rejects.toMatchObject({ errCode: expect.any(Number) });
  // The service dropped t2 with its writes; t1 goes on and commits.
  expect(await failureOf(t2.commit())).toContain('[ResourceUnavailable.TransactionNotExist]');
  await t1.commit();
  expect(await balance('a')).toBe(1);
  expect(await balance('b')).toBe(0);
});

test('a document changed outside after the transaction started cannot be written by it (读偏)', async () => {
  const t = await db.startTransaction();
  expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(100);
  // Reading takes no lock: the plain write goes through at once.
  await accounts()
    .doc('a')
    .update({ data: { balance: _.inc(1) } });
  await expect(
    t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 0 } }),
  ).rejects.toMatchObject(CONFLICT);
  expect(await balance('a')).toBe(101);
});

test('runTransaction runs the callback once on a conflict at the write: no retry by the SDK', async () => {
  const holder = await db.startTransaction();
  await holder
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: 7 } });
  let runs = 0;
  const outcome = db.runTransaction(async (t: any) => {
    runs += 1;
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: _.inc(1) } });
  }, 5);
  await expect(outcome).rejects.toMatchObject(CONFLICT);
  expect(runs).toBe(1);
  await holder.commit();
  expect(await balance('a')).toBe(7);
});

test('a plain write to a document a transaction holds waits for the commit, then applies on top of it', async () => {
  const t = await db.startTransaction();
  await t
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: _.inc(-30) } });
  await post(emu, '/__dev/stats/reset', {});
  let done = false;
  const plain = accounts()
    .doc('a')
    .update({ data: { balance: _.inc(5) } })
    .then((r: any) => {
      done = true;
      return r;
    });
  // The write is parked on the lock (the emulator counts it): nothing of it shows yet.
  while ((await get(emu, '/__dev/stats')).json.transactions.lockWaits === 0);
  expect(await balance('a')).toBe(100);
  expect(done).toBe(false);
  await t.commit();
  expect((await plain).stats.updated).toBe(1);
  expect(await balance('a')).toBe(75);
});

test('many plain writes parked on one lock all apply after the commit: none is lost', async () => {
  const t = await db.startTransaction();
  await t
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: _.inc(100) } });
  await post(emu, '/__dev/stats/reset', {});
  const N = 25;
  // Conditional decrements, as stock reservations are: each applies only while enough is left.
  const parked = Array.from({ length: N }, () =>
    accounts()
      .where({ _id: 'a', balance: _.gte(1) })
      .update({ data: { balance: _.inc(-1) } }),
  );
  while ((await get(emu, '/__dev/stats')).json.transactions.lockWaits < N);
  await t.commit();
  const updated = (await Promise.all(parked)).map((r: any) => r.stats.updated);
  expect(updated).toEqual(Array(N).fill(1));
  // Woken together, each chose and wrote in one step: 100 + 100 − 25.
  expect(await balance('a')).toBe(175);
});

test('a plain write waits for an abort too, and a query-shaped write waits for every locked match', async () => {
  const t = await db.startTransaction();
  await t
    .collection('accounts')
    .doc('b')
    .update({ data: { balance: 50 } });
  const plain = accounts()
    .where({ _id: _.in(['a', 'b']) })
    .update({ data: { touched: true } });
  await t.rollback();
  expect((await plain).stats.updated).toBe(2);
  expect((await accounts().doc('b').get()).data).toMatchObject({ balance: 0, touched: true });
});

test('where() queries inside a transaction are refused', async () => {
  const t = await db.startTransaction();
  await expect(t.collection('accounts').where({ balance: 100 }).get()).rejects.toMatchObject({ errCode: -502001 });
  await t.rollback();
});

test('concurrent read-modify-write transactions: each loser fails at its write, no update is lost', async () => {
  const counters = db.collection('counters');
  await counters.doc('n').set({ data: { value: 0 } });
  const N = 40;
  const increment = () =>
    db
      .runTransaction(async (t: any) => {
        const { data } = await t.collection('counters').doc('n').get();
        await t
          .collection('counters')
          .doc('n')
          .update({ data: { value: data.value + 1 } });
      })
      .then(
        () => 'ok',
        (e: any) => (String(e?.errMsg).includes('TransactionConflict') ? 'conflict' : `other: ${e?.errMsg}`),
      );
  const outcomes = await Promise.all(Array.from({ length: N }, increment));
  const committed = outcomes.filter((o) => o === 'ok').length;
  expect(outcomes.filter((o) => o !== 'ok' && o !== 'conflict')).toEqual([]);
  // Every committed increment is in the counter, and no failed one is; some really did conflict.
  expect((await counters.doc('n').get()).data.value).toBe(committed);
  expect(committed).toBeGreaterThan(0);
  expect(committed).toBeLessThan(N);
});

describe('older transaction API actions (getInTransaction, updateDocInTransaction, deleteDocInTransaction)', () => {
  const wire = async (body: Record<string, unknown>) =>
    (
      await fetch(emu.tcbUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json();

  test('read, update with upsert, delete, commit', async () => {
    const { transactionId } = await wire({ action: 'database.startTransaction' });
    const got = await wire({
      action: 'database.getInTransaction',
      transactionId,
      collectionName: 'accounts',
      _id: 'a',
    });
    expect(JSON.parse(got.data)).toMatchObject({ _id: 'a', balance: { $numberInt: '100' } });
    const updated = await wire({
      action: 'database.updateDocInTransaction',
      transactionId,
      collectionName: 'accounts',
      _id: 'a',
      data: JSON.stringify({ $set: { balance: { $numberInt: '60' } } }),
    });
    expect(updated.updated).toBe('{"$numberInt":"1"}');
    const upserted = await wire({
      action: 'database.updateDocInTransaction',
      transactionId,
      collectionName: 'accounts',
      _id: 'c',
      data: JSON.stringify({ balance: { $numberInt: '40' } }),
      upsert: true,
    });
    expect(JSON.parse(upserted.upserted)).toEqual([{ _id: 'c' }]);
    const deleted = await wire({
      action: 'database.deleteDocInTransaction',
      transactionId,
      collectionName: 'accounts',
      _id: 'b',
    });
    expect(deleted.deleted).toBe('{"$numberInt":"1"}');
    expect(await balance('a')).toBe(100);
    expect((await wire({ action: 'database.commitTransaction', transactionId })).code).toBeUndefined();
    expect(await balance('a')).toBe(60);
    expect(await balance('c')).toBe(40);
    await expect(accounts().doc('b').get()).rejects.toBeTruthy();
    // A finished transaction cannot be used again.
    expect((await wire({ action: 'database.commitTransaction', transactionId })).code).toBe(
      'DATABASE_TRANSACTION_FAIL',
    );
  });
});
