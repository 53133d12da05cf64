// Conformance: transactions through the real wx-server-sdk (db.startTransaction / db.runTransaction).
import { startEmulator, sdkFor, type RunningEmulator } from './harness';

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

// The code @cloudbase/database's runTransaction retries on.
const CONFLICT = { code: 'DATABASE_TRANSACTION_CONFLICT' };

test('write-write conflict: the first commit wins, the second gets the conflict code and changes nothing', async () => {
  const t1 = await db.startTransaction();
  const t2 = await db.startTransaction();
  await t1
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: 1 } });
  await t2
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: 2 } });
  await t2
    .collection('accounts')
    .doc('b')
    .update({ data: { balance: 2 } });
  await t1.commit();
  await expect(t2.commit()).rejects.toMatchObject(CONFLICT);
  expect(await balance('a')).toBe(1);
  expect(await balance('b')).toBe(0);
});

test('a document changed outside after the transaction started cannot be written by it', async () => {
  const t = await db.startTransaction();
  expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(100);
  await accounts()
    .doc('a')
    .update({ data: { balance: _.inc(1) } });
  await t
    .collection('accounts')
    .doc('a')
    .update({ data: { balance: 0 } });
  await expect(t.commit()).rejects.toMatchObject(CONFLICT);
  expect(await balance('a')).toBe(101);
});

test('where() queries inside a transaction are refused', async () => {
  const t = await db.startTransaction();
  await expect(t.collection('accounts').where({ balance: 100 }).get()).rejects.toMatchObject({ errCode: -502001 });
  await t.rollback();
});

test('concurrent read-modify-write transactions lose no update', async () => {
  const counters = db.collection('counters');
  await counters.doc('n').set({ data: { value: 0 } });
  const N = 40;
  let runs = 0;
  // runTransaction retries on DATABASE_TRANSACTION_CONFLICT by itself; past its retries the caller gets the error.
  const increment = () =>
    db
      .runTransaction(async (t: any) => {
        runs += 1;
        const { data } = await t.collection('counters').doc('n').get();
        await t
          .collection('counters')
          .doc('n')
          .update({ data: { value: data.value + 1 } });
      }, 50)
      .then(
        () => true,
        () => false,
      );
  const committed = (await Promise.all(Array.from({ length: N }, increment))).filter(Boolean).length;
  // Every committed increment is in the counter, and no failed one is.
  expect((await counters.doc('n').get()).data.value).toBe(committed);
  expect(committed).toBe(N);
  // Conflicts really happened and were retried: more callback runs than increments.
  expect(runs).toBeGreaterThan(N);
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
