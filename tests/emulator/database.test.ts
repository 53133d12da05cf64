// Conformance: the real wx-server-sdk against the emulator's database actions.
import { startEmulator, sdkFor, get, type RunningEmulator } from './harness';

let emu: RunningEmulator;
let cloud: any;
let db: any;
let _: any;

beforeAll(async () => {
  emu = await startEmulator();
  cloud = sdkFor(emu);
  db = cloud.database();
  _ = db.command;
  for (const name of ['people', 'items', 'counters', 'big', 'stock']) await db.createCollection(name);
});

afterAll(async () => {
  await emu.stop();
});

const people = () => db.collection('people');

async function seedPeople() {
  await people()
    .where({ _id: _.exists(true) })
    .remove();
  const rows = [
    {
      _id: 'p1',
      name: 'Ann',
      age: 31,
      city: 'Shanghai',
      tags: ['a', 'b'],
      address: { zip: '200000', floor: 3 },
      orders: [
        { sku: 'x', qty: 1 },
        { sku: 'y', qty: 5 },
      ],
    },
    {
      _id: 'p2',
      name: 'Bo',
      age: 25,
      city: 'Beijing',
      tags: ['b'],
      address: { zip: '100000', floor: 9 },
      orders: [{ sku: 'x', qty: 2 }],
    },
    { _id: 'p3', name: 'Cai', age: 40, city: 'Shanghai', tags: [], address: { zip: '200001', floor: 1 }, orders: [] },
    {
      _id: 'p4',
      name: 'Dan',
      age: 25,
      city: 'Shenzhen',
      tags: ['c', 'a'],
      vip: true,
      address: { zip: '518000', floor: 20 },
      orders: [{ sku: 'z', qty: 9 }],
    },
  ];
  for (const data of rows) await people().add({ data });
}

const names = (res: { data: any }) => (res.data as Array<{ name: string }>).map((d) => d.name).sort();

describe('CRUD and return shapes', () => {
  test('add without _id gets a generated id; doc().get() returns the document', async () => {
    const added = await db
      .collection('items')
      .add({ data: { title: '苹果', priceFen: 1290, at: new Date('2026-01-02T03:04:05Z') } });
    expect(added._id).toMatch(/^[0-9a-f]{32}$/);
    const got = await db
      .collection('items')
      .doc(added._id as string)
      .get();
    expect(got.data).toMatchObject({ _id: added._id, title: '苹果', priceFen: 1290 });
    expect((got.data as any).at).toBeInstanceOf(Date);
    expect(((got.data as any).at as Date).toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  test('doc(id).get() on a missing id rejects as the SDK reports a missing document', async () => {
    await expect(db.collection('items').doc('nope').get()).rejects.toMatchObject({
      errMsg: expect.stringContaining('does not exist'),
    });
  });

  test('add with an existing _id is refused and changes nothing', async () => {
    await db.collection('items').add({ data: { _id: 'fixed', v: 1 } });
    await expect(db.collection('items').add({ data: { _id: 'fixed', v: 2 } })).rejects.toMatchObject({
      errCode: -502001,
    });
    expect((await db.collection('items').doc('fixed').get()).data).toMatchObject({ v: 1 });
  });

  test('set replaces the whole document or creates it (upsert)', async () => {
    const created = await db
      .collection('items')
      .doc('s1')
      .set({ data: { a: 1, nested: { b: 2 } } });
    expect(created.stats).toEqual({ updated: 0, created: 1 });
    const replaced = await db
      .collection('items')
      .doc('s1')
      .set({ data: { c: 3 } });
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    expect((await db.collection('items').doc('s1').get()).data).toEqual({ _id: 's1', c: 3 });
  });

  test('update merges: nested objects set by path, other fields kept', async () => {
    await db
      .collection('items')
      .doc('m1')
      .set({ data: { a: 1, nested: { b: 2, keep: true } } });
    const res = await db
      .collection('items')
      .doc('m1')
      .update({ data: { nested: { b: 5 } } });
    expect(res.stats.updated).toBe(1);
    expect((await db.collection('items').doc('m1').get()).data).toEqual({
      _id: 'm1',
      a: 1,
      nested: { b: 5, keep: true },
    });
  });

  test('update on a missing document updates nothing', async () => {
    const res = await db
      .collection('items')
      .doc('ghost')
      .update({ data: { a: 1 } });
    expect(res.stats.updated).toBe(0);
    await expect(db.collection('items').doc('ghost').get()).rejects.toBeTruthy();
  });

  test('an update with empty data fails', async () => {
    await db
      .collection('items')
      .doc('e1')
      .set({ data: { a: 1 } });
    await expect(db.collection('items').doc('e1').update({ data: {} })).rejects.toBeTruthy();
    // Past the SDK's own check, the emulator refuses an empty update on the wire as well.
    const res = await fetch(emu.tcbUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'database.modifyDocument',
        collectionName: 'items',
        queryType: 'DOC',
        query: '{"_id":"e1"}',
        data: '{"$set":{}}',
        merge: true,
      }),
    });
    expect(await res.json()).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect((await db.collection('items').doc('e1').get()).data).toEqual({ _id: 'e1', a: 1 });
  });

  test('remove by doc and by where', async () => {
    await db
      .collection('items')
      .doc('r1')
      .set({ data: { kind: 'tmp' } });
    await db
      .collection('items')
      .doc('r2')
      .set({ data: { kind: 'tmp' } });
    await db
      .collection('items')
      .doc('r3')
      .set({ data: { kind: 'tmp' } });
    expect((await db.collection('items').doc('r1').remove()).stats.removed).toBe(1);
    expect((await db.collection('items').where({ kind: 'tmp' }).remove()).stats.removed).toBe(2);
    expect((await db.collection('items').where({ kind: 'tmp' }).count()).total).toBe(0);
  });

  test('serverDate() is the emulator time', async () => {
    const before = Date.now();
    const { _id } = await db.collection('items').add({ data: { at: db.serverDate() } });
    const at = (
      await db
        .collection('items')
        .doc(_id as string)
        .get()
    ).data.at as Date;
    expect(at).toBeInstanceOf(Date);
    expect(at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('a collection that was never created is an error, not an empty result', async () => {
    await expect(db.collection('never_made').get()).rejects.toMatchObject({ errCode: -502005 });
    await expect(db.collection('never_made').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 });
  });
});

describe('query operators', () => {
  beforeAll(seedPeople);

  test.each([
    ['eq', () => ({ age: _.eq(25) }), ['Bo', 'Dan']],
    ['plain equality', () => ({ city: 'Shanghai' }), ['Ann', 'Cai']],
    ['neq', () => ({ age: _.neq(25) }), ['Ann', 'Cai']],
    ['gt', () => ({ age: _.gt(31) }), ['Cai']],
    ['gte', () => ({ age: _.gte(31) }), ['Ann', 'Cai']],
    ['lt', () => ({ age: _.lt(31) }), ['Bo', 'Dan']],
    ['lte', () => ({ age: _.lte(31) }), ['Ann', 'Bo', 'Dan']],
    ['in', () => ({ city: _.in(['Beijing', 'Shenzhen']) }), ['Bo', 'Dan']],
    ['nin', () => ({ city: _.nin(['Beijing', 'Shenzhen']) }), ['Ann', 'Cai']],
    ['and', () => _.and([{ age: _.gte(25) }, { city: 'Shanghai' }]), ['Ann', 'Cai']],
    ['field and', () => ({ age: _.gt(20).and(_.lt(30)) }), ['Bo', 'Dan']],
    ['or', () => _.or([{ city: 'Beijing' }, { age: 40 }]), ['Bo', 'Cai']],
    ['exists', () => ({ vip: _.exists(true) }), ['Dan']],
    ['not exists', () => ({ vip: _.exists(false) }), ['Ann', 'Bo', 'Cai']],
    ['array element match', () => ({ tags: 'a' }), ['Ann', 'Dan']],
    ['elemMatch', () => ({ orders: _.elemMatch({ sku: 'x', qty: _.gte(2) }) }), ['Bo']],
    ['dot path into array of objects', () => ({ 'orders.sku': 'z' }), ['Dan']],
    ['dot path', () => ({ 'address.floor': _.gt(5) }), ['Bo', 'Dan']],
    ['nested object path', () => ({ address: { zip: '200001' } }), ['Cai']],
  ])('%s', async (_label, query, expected) => {
    expect(names(await people().where(query()).get())).toEqual(expected);
  });

  test('orderBy, skip, limit, field and count', async () => {
    const res = await people()
      .where({ age: _.gte(0) })
      .orderBy('age', 'desc')
      .orderBy('name', 'asc')
      .skip(1)
      .limit(2)
      .field({ name: true, age: true })
      .get();
    expect(res.data).toEqual([
      { _id: 'p1', name: 'Ann', age: 31 },
      { _id: 'p2', name: 'Bo', age: 25 },
    ]);
    expect((await people().where({ city: 'Shanghai' }).count()).total).toBe(2);
  });
});

describe('update operators', () => {
  const counters = () => db.collection('counters');
  beforeEach(async () => {
    await counters()
      .doc('c')
      .set({ data: { n: 10, price: 3, tags: ['a', 'b'], gone: 1, nested: { x: 1, y: 2 } } });
  });
  const doc = async () => (await counters().doc('c').get()).data;

  test('inc and mul', async () => {
    await counters()
      .doc('c')
      .update({ data: { n: _.inc(-3), price: _.mul(4) } });
    expect(await doc()).toMatchObject({ n: 7, price: 12 });
  });
  test('set replaces a nested object; plain object merges', async () => {
    await counters()
      .doc('c')
      .update({ data: { nested: _.set({ z: 9 }) } });
    expect((await doc()).nested).toEqual({ z: 9 });
  });
  test('remove', async () => {
    await counters()
      .doc('c')
      .update({ data: { gone: _.remove() } });
    expect(await doc()).not.toHaveProperty('gone');
  });
  test('push, pull and addToSet', async () => {
    await counters()
      .doc('c')
      .update({ data: { tags: _.push(['c']) } });
    expect((await doc()).tags).toEqual(['a', 'b', 'c']);
    await counters()
      .doc('c')
      .update({ data: { tags: _.pull('a') } });
    expect((await doc()).tags).toEqual(['b', 'c']);
    await counters()
      .doc('c')
      .update({ data: { tags: _.addToSet('b') } });
    await counters()
      .doc('c')
      .update({ data: { tags: _.addToSet('d') } });
    expect((await doc()).tags).toEqual(['b', 'c', 'd']);
  });
  test('where().update() updates every match and reports the count', async () => {
    await counters()
      .doc('d')
      .set({ data: { n: 1, group: 'g' } });
    await counters()
      .doc('e')
      .set({ data: { n: 2, group: 'g' } });
    const res = await counters()
      .where({ group: 'g' })
      .update({ data: { n: _.inc(100) } });
    expect(res.stats.updated).toBe(2);
    expect((await counters().where({ group: 'g' }).orderBy('n', 'asc').get()).data.map((d: any) => d.n)).toEqual([
      101, 102,
    ]);
  });
  test('_id cannot be changed by an update', async () => {
    await expect(
      counters()
        .doc('c')
        .update({ data: { _id: 'other' } }),
    ).rejects.toBeTruthy();
  });
});

describe('limits (CloudBase: 100 by default, at most 1000)', () => {
  beforeAll(async () => {
    const big = db.collection('big');
    const batch = Array.from({ length: 1100 }, (_v, i) => ({ i }));
    // The SDK adds one document per call; the wire accepts many, which keeps the setup quick.
    const res = await fetch(emu.tcbUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'database.insertDocument',
        collectionName: 'big',
        data: batch.map((d) => JSON.stringify(d)),
      }),
    });
    expect((await res.json()).data.insertedIds).toHaveLength(1100);
    expect((await big.count()).total).toBe(1100);
  });
  test('get() without limit returns 100', async () => {
    expect((await db.collection('big').get()).data).toHaveLength(100);
  });
  test('limit above 1000 returns 1000', async () => {
    expect((await db.collection('big').limit(5000).get()).data).toHaveLength(1000);
  });
});

describe('aggregate', () => {
  beforeAll(seedPeople);
  test('match, group, sort, project, limit', async () => {
    const $ = db.command.aggregate;
    const res = await people()
      .aggregate()
      .match({ age: _.gte(25) })
      .group({ _id: '$city', count: $.sum(1), avgAge: $.avg('$age') })
      .sort({ count: -1, _id: 1 })
      .project({ _id: 0, city: '$_id', count: 1, avgAge: 1 })
      .limit(2)
      .end();
    expect(res.list).toEqual([
      { city: 'Shanghai', count: 2, avgAge: 35.5 },
      { city: 'Beijing', count: 1, avgAge: 25 },
    ]);
  });
});

describe('concurrency', () => {
  test('200 concurrent conditional decrements on a stock of 50: exactly 50 succeed, stock ends at 0', async () => {
    const stock = db.collection('stock');
    await stock.doc('sku1').set({ data: { stock: 50 } });
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        stock.where({ _id: 'sku1', stock: _.gte(1) }).update({ data: { stock: _.inc(-1) } }),
      ),
    );
    expect(results.filter((r) => r.stats.updated === 1)).toHaveLength(50);
    expect(results.filter((r) => r.stats.updated === 0)).toHaveLength(150);
    expect((await stock.doc('sku1').get()).data.stock).toBe(0);
  });
});

describe('indexes', () => {
  test('equality on _id and on a declared index field reads only the matching documents', async () => {
    const users = db.collection('users');
    const rows = Array.from({ length: 500 }, (_v, i) =>
      JSON.stringify({ _id: `u${i}`, openid: `o${i}`, shareCode: `S${i}` }),
    );
    await fetch(emu.tcbUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.insertDocument', collectionName: 'users', data: rows }),
    });
    const examined = async (run: () => Promise<unknown>) => {
      const before = (await get(emu, '/__dev/stats')).json.docsExamined;
      await run();
      return (await get(emu, '/__dev/stats')).json.docsExamined - before;
    };
    expect(
      await examined(async () => expect((await users.where({ openid: 'o321' }).get()).data[0]._id).toBe('u321')),
    ).toBe(1);
    expect(await examined(async () => expect((await users.doc('u42').get()).data.openid).toBe('o42'))).toBe(1);
    expect(await examined(() => users.where({ openid: _.in(['o1', 'o2']) }).get())).toBe(2);
    // A field without an index is a scan: the counter shows the difference is real.
    expect(await examined(() => users.where({ nickname: 'x' }).get())).toBe(500);
  });

  test('a unique index refuses a duplicate and keeps the first document', async () => {
    const users = db.collection('users');
    await users.add({ data: { _id: 'dupA', openid: 'same-openid' } });
    await expect(users.add({ data: { _id: 'dupB', openid: 'same-openid' } })).rejects.toMatchObject({
      errCode: -502001,
    });
    await expect(users.doc('dupB').get()).rejects.toBeTruthy();
    await expect(users.doc('dupA').update({ data: { shareCode: 'S7' } })).rejects.toBeTruthy();
    expect((await users.doc('dupA').get()).data).not.toHaveProperty('shareCode');
  });
});
