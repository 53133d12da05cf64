// Conformance: queries, updates and their answers as production CloudBase gives them, through the real
// wx-server-sdk (and, where wx-server-sdk 4.0.2 does not expose a call, through the @cloudbase/database instance it
// wraps: `database()._db`, which sends the same wire requests through the same node-sdk requester).
// Each block names its source: the node-sdk's own tests (mirrored at TencentCloudBase/node-sdk, test/database/),
// the WeChat CloudBase reference, or MongoDB's documented semantics, which CloudBase's database follows.
import { get, post, sdkFor, startEmulator, type RunningEmulator } from './harness';

let emu: RunningEmulator;
let db: any;
let _: any;
/** The @cloudbase/database Db inside wx-server-sdk's database(): for updateAndReturn and ObjectId. */
let raw: any;

beforeAll(async () => {
  emu = await startEmulator();
  db = sdkFor(emu).database();
  _ = db.command;
  raw = db._db;
  for (const name of ['regex', 'dates', 'typed', 'agg', 'findmod', 'stats', 'arrays', 'oid', 'oid_lookup']) {
    await db.createCollection(name);
  }
});

afterAll(async () => {
  await emu.stop();
});

/** The error the SDK raises for a refused database request (DATABASE_REQUEST_FAILED is wx-server-sdk -502001). */
const refused = (text: RegExp) => ({ errCode: -502001, errMsg: expect.stringMatching(text) });

describe('regular expressions (node-sdk test/database/unit/regex-query.test.ts "Document - CRUD")', () => {
  const regex = () => db.collection('regex');
  const found = async (where: object) => (await regex().where(where).get()).data.map((d: any) => d._id).sort();

  beforeAll(async () => {
    await regex()
      .doc('r1')
      .set({ data: { name: 'AbCdEfxxxxxxxxxxxxxx1234结尾', name2: 'fffffffffffffffffff' } });
    await regex()
      .doc('r2')
      .set({ data: { name: 'line one\nline two', name2: 'a\nb' } });
  });

  test('a JavaScript regex literal matches, with its i flag', async () => {
    expect(await found({ name: /^abcdef.*\d+结尾$/i })).toEqual(['r1']);
    expect(await found({ name: /^abcdef/ })).toEqual([]);
  });

  test('db.RegExp and new db.RegExp match with options i', async () => {
    expect(await found({ name: db.RegExp({ regexp: '^abcdef.*\\d+结尾$', options: 'i' }) })).toEqual(['r1']);
    expect(await found({ name: new db.RegExp({ regexp: '^abcdef.*\\d+结尾$', options: 'i' }) })).toEqual(['r1']);
  });

  test('several fields, _.or of conditions and _.or of regexes on one field', async () => {
    const nameRe = () => db.RegExp({ regexp: '^abcdef.*\\d+结尾$', options: 'i' });
    expect(await found({ name: nameRe(), name2: /fff/ })).toEqual(['r1']);
    expect(await found(_.or({ name: nameRe() }, { name2: db.RegExp({ regexp: 'fffffff', options: 'i' }) }))).toEqual([
      'r1',
    ]);
    expect(await found({ name: _.or(nameRe(), db.RegExp({ regexp: '^fffffff$', options: 'i' })) })).toEqual(['r1']);
  });

  test('a regex condition selects the documents an update and a remove apply to', async () => {
    await regex()
      .doc('r3')
      .set({ data: { name: 'ABCDEFxxxx5678结尾', name2: '' } });
    const nameRe = db.RegExp({ regexp: '^abcdef.*5678结尾$', options: 'i' });
    const updated = await regex()
      .where({ name: nameRe })
      .update({ data: { touched: true } });
    expect(updated.stats.updated).toBe(1);
    expect((await regex().doc('r3').get()).data.touched).toBe(true);
    expect((await regex().where({ name: nameRe }).remove()).stats.removed).toBe(1);
    expect(await found({ name: /./ })).toEqual(['r1', 'r2']);
  });

  // WeChat reference, Database.RegExp: options i, m and s; s only through db.RegExp (JS literals know only i, m).
  test('option m lets ^ and $ match at line breaks', async () => {
    expect(await found({ name: db.RegExp({ regexp: '^line two$', options: 'm' }) })).toEqual(['r2']);
    expect(await found({ name: db.RegExp({ regexp: '^line two$', options: '' }) })).toEqual([]);
    expect(await found({ name: /^LINE TWO$/im })).toEqual(['r2']);
  });

  test('option s lets . match a line break', async () => {
    expect(await found({ name2: db.RegExp({ regexp: '^a.b$', options: 's' }) })).toEqual(['r2']);
    expect(await found({ name2: db.RegExp({ regexp: '^a.b$', options: '' }) })).toEqual([]);
  });

  test('a regex matches inside an aggregate $match too', async () => {
    const res = await regex()
      .aggregate()
      .match({ name: /^abcdef/i })
      .project({ _id: 1 })
      .end();
    expect(res.list).toEqual([{ _id: 'r1' }]);
  });

  // The SDK sends a JS regex's flags as they are (`/x/g` → options "g"). MongoDB knows no g flag and refuses the
  // query ("invalid flag in regex options: g"); CloudBase documents i, m and s. The emulator refuses it the same
  // way, so a query that cannot run in production does not quietly run here.
  test("flag g (or any flag CloudBase does not document) is refused with MongoDB's message", async () => {
    await expect(regex().where({ name: /abc/g }).get()).rejects.toMatchObject(
      refused(/invalid flag in regex options: g/),
    );
    await expect(
      regex()
        .where({ name: db.RegExp({ regexp: 'abc', options: 'iy' }) })
        .get(),
    ).rejects.toMatchObject(refused(/invalid flag in regex options: y/));
  });
});

describe('db.serverDate() in conditions (WeChat reference Database.serverDate: 可用于查询条件)', () => {
  const dates = () => db.collection('dates');
  const DAY = 86_400_000;

  test('resolves to the emulator clock, which the dev clock moves, with its offset', async () => {
    const start = (await get(emu, '/__dev/clock')).json.now as number;
    await dates()
      .doc('soon')
      .set({ data: { at: new Date(start + 5 * DAY) } });
    await dates()
      .doc('later')
      .set({ data: { at: new Date(start + 20 * DAY) } });
    const due = async (where: object) =>
      (await dates().where(where).get()).data.map((d: any) => d._id as string).sort();

    expect(await due({ at: _.lt(db.serverDate()) })).toEqual([]);
    expect(await due({ at: _.lt(db.serverDate({ offset: 10 * DAY })) })).toEqual(['soon']);

    expect((await post(emu, '/__dev/clock', { advanceMs: 10 * DAY })).status).toBe(200);
    expect(await due({ at: _.lt(db.serverDate()) })).toEqual(['soon']);
    expect(await due({ at: _.gte(db.serverDate({ offset: -1 * DAY })).and(_.lt(db.serverDate())) })).toEqual([]);
    expect(await due({ at: _.lt(db.serverDate({ offset: 11 * DAY })) })).toEqual(['later', 'soon']);
    expect(
      (
        await dates()
          .where({ at: _.lt(db.serverDate()) })
          .count()
      ).total,
    ).toBe(1);
  });
});

describe('type-invalid updates are refused as MongoDB refuses them, and change nothing', () => {
  const typed = () => db.collection('typed');
  const start = { n: 10, s: 'text', tags: ['a'], nested: { x: 1 }, list: [{ v: 1 }] };
  beforeEach(async () => {
    await typed().doc('t').set({ data: start });
  });
  const unchanged = async () => expect((await typed().doc('t').get()).data).toEqual({ _id: 't', ...start });
  const update = (data: object) => typed().doc('t').update({ data });

  // MongoDB $inc / $mul: "the operation fails" on a field holding a non-numeric value.
  test.each([
    ['_.inc on a string', () => ({ s: _.inc(1) }), /Cannot apply \$inc to a value of non-numeric type/],
    ['_.mul on a string', () => ({ s: _.mul(2) }), /Cannot apply \$mul to a value of non-numeric type/],
    ['_.inc on an array', () => ({ tags: _.inc(1) }), /Cannot apply \$inc to a value of non-numeric type/],
    ['_.inc by a string', () => ({ n: _.inc('1') }), /Cannot increment with non-numeric argument/],
    ['_.mul by a string', () => ({ n: _.mul('2') }), /Cannot multiply with non-numeric argument/],
    // MongoDB $push / $addToSet: "If the field is not an array, the operation will fail."
    ['_.push on a string', () => ({ s: _.push(['x']) }), /The field 's' must be an array but is of type string/],
    ['_.push on a number', () => ({ n: _.push('x') }), /The field 'n' must be an array but is of type/],
    ['_.unshift on an object', () => ({ nested: _.unshift(['x']) }), /must be an array but is of type object/],
    ['_.addToSet on a number', () => ({ n: _.addToSet('x') }), /The field 'n' must be an array/],
    ['_.pull on a string', () => ({ s: _.pull('t') }), /Cannot apply \$pull to a non-array value/],
    ['_.pullAll on a number', () => ({ n: _.pullAll([1]) }), /Cannot apply \$pull to a non-array value/],
    ['_.pop on a string', () => ({ s: _.pop() }), /Path 's' contains an element of non-array type 'string'/],
    ['_.shift on a number', () => ({ n: _.shift() }), /Path 'n' contains an element of non-array type/],
    // A path through a value that is not a document cannot be created (MongoDB PathNotViable).
    ['a field inside a number', () => ({ 'n.deep': 1 }), /Cannot create field 'deep' in element \{n: 10\}/],
    ['_.inc inside a string', () => ({ 's.len': _.inc(1) }), /Cannot create field 'len' in element/],
    ['a named field inside an array', () => ({ 'tags.first': 'x' }), /Cannot create field 'first' in element/],
    // Two operators on one path, or on a path and its parent (MongoDB ConflictingUpdateOperators).
    [
      '_.set and _.inc on a parent and its field',
      () => ({ nested: _.set({ x: 5 }), 'nested.x': _.inc(1) }),
      /conflict/,
    ],
    ['_.remove on a parent and _.inc on its field', () => ({ nested: _.remove(), 'nested.x': _.inc(1) }), /conflict/],
    ['_.rename onto itself', () => ({ n: _.rename('n') }), /The source and target field for \$rename must differ/],
  ])('%s', async (_label, data, message) => {
    await expect(update(data())).rejects.toMatchObject(refused(message));
    await unchanged();
  });

  test('the same operators on the right types still apply (and a missing field is created)', async () => {
    await update({ n: _.inc(1), tags: _.push(['b']), fresh: _.inc(2), more: _.push(['m']), 'nested.y': 2 });
    expect((await typed().doc('t').get()).data).toMatchObject({
      n: 11,
      tags: ['a', 'b'],
      fresh: 2,
      more: ['m'],
      nested: { x: 1, y: 2 },
    });
  });

  test('$set and $inc on one path, sent raw, are refused as conflicting', async () => {
    const res = await post(emu, '/tcb', {
      action: 'database.modifyDocument',
      collectionName: 'typed',
      queryType: 'DOC',
      query: '{"_id":"t"}',
      data: '{"$set":{"n":5},"$inc":{"n":1}}',
      merge: true,
    });
    expect(res.json).toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringMatching(/Updating the path 'n' would create a conflict at 'n'/),
    });
    await unchanged();
  });

  test('a where().update() over several documents applies to none when one of them refuses', async () => {
    await typed()
      .doc('u')
      .set({ data: { group: 'g', n: 1 } });
    await typed()
      .doc('v')
      .set({ data: { group: 'g', n: 'one' } });
    await expect(
      typed()
        .where({ group: 'g' })
        .update({ data: { n: _.inc(1) } }),
    ).rejects.toMatchObject(refused(/non-numeric/));
    expect((await typed().doc('u').get()).data.n).toBe(1);
  });

  test('inside a transaction the write is refused too, and the transaction writes nothing', async () => {
    await expect(
      db.runTransaction(async (t: any) => {
        await t
          .collection('typed')
          .doc('t')
          .update({ data: { n: _.inc(5) } });
        await t
          .collection('typed')
          .doc('t')
          .update({ data: { s: _.inc(1) } });
      }, 1),
    ).rejects.toBeTruthy();
    await unchanged();
  });
});

// No CloudBase document states a default for aggregate; only community reports do (e.g. 微信开放社区
// "云函数端Aggregate聚合操作limit默认20条限制", 2020). The emulator follows the documentation: Aggregate.end()
// returns the whole pipeline's output unless the pipeline has its own $limit.
describe('aggregate without .limit() (documented: no default cap)', () => {
  test('returns every row the pipeline produces', async () => {
    const batch = Array.from({ length: 30 }, (_v, i) => JSON.stringify({ i }));
    await post(emu, '/tcb', { action: 'database.insertDocument', collectionName: 'agg', data: batch });
    const all = await db
      .collection('agg')
      .aggregate()
      .match({ i: _.gte(0) })
      .end();
    expect(all.list).toHaveLength(30);
    const limited = await db
      .collection('agg')
      .aggregate()
      .match({ i: _.gte(0) })
      .limit(20)
      .end();
    expect(limited.list).toHaveLength(20);
  });
});

// node-sdk test/database/index.test.ts: 验证findAndModify, 验证findAndModify 更新相同值, 验证findAndModify 更新失败.
// wx-server-sdk 4.0.2 does not wrap updateAndReturn; the @cloudbase/database Query it wraps sends
// `database.modifyAndReturnDoc` and answers `{ updated, doc }`.
describe('updateAndReturn (database.modifyAndReturnDoc)', () => {
  const coll = () => raw.collection('findmod');
  beforeEach(async () => {
    await db
      .collection('findmod')
      .where({ _id: _.exists(true) })
      .remove();
    await db.collection('findmod').add({ data: { _id: 'f1', a: 1, n: 0 } });
    await db.collection('findmod').add({ data: { _id: 'f2', a: 1, n: 0 } });
  });

  test('updates one matching document and returns it as updated', async () => {
    const res = await coll()
      .where({ a: 1 })
      .updateAndReturn({ a: 2, n: _.inc(5), at: db.serverDate() });
    expect(res.updated).toBe(1);
    expect(res.doc).toMatchObject({ _id: 'f1', a: 2, n: 5 });
    expect(res.doc.at).toBeInstanceOf(Date);
    const rows = (await db.collection('findmod').orderBy('_id', 'asc').get()).data;
    expect(rows.map((d: any) => d.a)).toEqual([2, 1]);
  });

  test('the same value counts as updated (1)', async () => {
    const res = await coll().where({ _id: 'f2' }).updateAndReturn({ a: 1 });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: 'f2', a: 1, n: 0 });
  });

  test('no match: updated 0 and doc null', async () => {
    const res = await coll().where({ a: -1 }).updateAndReturn({ a: 1 });
    expect(res.updated).toBe(0);
    expect(res.doc).toBeNull();
  });

  test('a type-invalid update is refused and changes nothing', async () => {
    await expect(
      coll()
        .where({ _id: 'f1' })
        .updateAndReturn({ a: _.push(['x']) }),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    });
    expect((await db.collection('findmod').doc('f1').get()).data.a).toBe(1);
  });
});

// node-sdk test/database/unit/geo.test.ts "GEO Point - CRUD": doc(id).set(initialData) right after
// add(initialData) asserts `updated === 1`; test/database/index.test.ts "验证findAndModify 更新相同值" asserts 1
// for an update that writes the same value. CloudBase counts matched documents, not modified ones.
describe('stats.updated counts the documents matched', () => {
  const stats = () => db.collection('stats');
  beforeEach(async () => {
    await stats()
      .doc('s')
      .set({ data: { a: 1, group: 'g' } });
  });

  test('set with the same content: 1', async () => {
    expect(
      (
        await stats()
          .doc('s')
          .set({ data: { a: 1, group: 'g' } })
      ).stats,
    ).toEqual({ updated: 1, created: 0 });
  });

  test('doc().update() and where().update() with the same values: 1 per matched document', async () => {
    expect(
      (
        await stats()
          .doc('s')
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(1);
    await stats()
      .doc('s2')
      .set({ data: { a: 1, group: 'g' } });
    expect(
      (
        await stats()
          .where({ group: 'g' })
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(2);
    expect(
      (
        await stats()
          .where({ group: 'none' })
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(0);
  });
});

// node-sdk test/database/unit/advanced-operator.test.ts, describe('elemMatch') and describe('exists'): with
// `tags: [1..9]` stored before `tags: [{value:1},{value:7}]`, `_.elemMatch({ value: _.gt(0) })` returns the
// embedded-documents row first and `_.elemMatch({ value: _.exists(true) })` exactly one row. MongoDB: $elemMatch
// with field conditions looks only at elements that are documents; with operators only, at every element.
describe('_.elemMatch over arrays of plain values', () => {
  const arrays = () => db.collection('arrays');
  beforeAll(async () => {
    await arrays()
      .doc('numbers')
      .set({ data: { tags: [1, 2, 3, 4, 5, 6, 7, 8, 9] } });
    await arrays()
      .doc('embedded')
      .set({ data: { tags: [{ value: 1 }, { value: 7 }] } });
    await arrays()
      .doc('words')
      .set({ data: { tags: ['Go', 'C#'] } });
  });
  const ids = async (where: object) => (await arrays().where(where).get()).data.map((d: any) => d._id).sort();

  test('field conditions never match plain values', async () => {
    expect(await ids({ tags: _.elemMatch({ value: _.gt(0) }) })).toEqual(['embedded']);
    expect(await ids({ tags: _.elemMatch({ value: _.exists(true) }) })).toEqual(['embedded']);
    expect(await ids({ tags: _.elemMatch({ length: 2 }) })).toEqual([]);
    expect(await ids({ tags: _.elemMatch({ value: _.in([7, 3]) }) })).toEqual(['embedded']);
  });

  test('operator conditions apply to plain values', async () => {
    expect(await ids({ tags: _.elemMatch(_.gt(8)) })).toEqual(['numbers']);
    expect(await ids({ tags: _.elemMatch(_.eq('Go')) })).toEqual(['words']);
  });

  // MongoDB $pull: a condition with fields is a query on each element, which only documents can satisfy.
  test('_.pull with field conditions removes matching documents and keeps plain values', async () => {
    await arrays()
      .doc('mixed')
      .set({ data: { tags: [1, 2, { value: 3 }, { value: -1 }, 'x'] } });
    await arrays()
      .doc('mixed')
      .update({ data: { tags: _.pull({ value: _.gt(0) }) } });
    expect((await arrays().doc('mixed').get()).data.tags).toEqual([1, 2, { value: -1 }, 'x']);
    await arrays()
      .doc('mixed')
      .update({ data: { tags: _.pull(_.in([1, 'x'])) } });
    expect((await arrays().doc('mixed').get()).data.tags).toEqual([2, { value: -1 }]);
    await arrays().doc('mixed').remove();
  });

  test('the same in an aggregate $match', async () => {
    const res = await arrays()
      .aggregate()
      .match({ tags: _.elemMatch({ value: _.gt(0) }) })
      .project({ _id: 1 })
      .end();
    expect(res.list).toEqual([{ _id: 'embedded' }]);
  });
});

// node-sdk test/database/unit/oid.test.ts: an ObjectId `_id` is accepted and `add()` answers its hex string; a
// field holding an ObjectId is found by db.ObjectId and read back as that string; $lookup joins on them.
describe('ObjectId values (db.ObjectId, sent as {"$oid": …})', () => {
  const hex = (n: number) => n.toString(16).padStart(24, '0');

  test('an ObjectId _id is accepted, answered as its hex string and found by it', async () => {
    const id = hex(1);
    const added = await raw.collection('oid').add({ _id: raw.ObjectId({ id }), name: 'one' });
    expect(added.id).toBe(id);
    expect((await db.collection('oid').doc(id).get()).data).toEqual({ _id: id, name: 'one' });
    const byOid = await raw
      .collection('oid')
      .where({ _id: raw.ObjectId({ id }) })
      .get();
    expect(byOid.data).toEqual([{ _id: id, name: 'one' }]);
  });

  test('an ObjectId field is found by db.ObjectId and read back as its hex string, not corrupted', async () => {
    const a = hex(2);
    await raw.collection('oid').add({ _id: 'with-field', a: raw.ObjectId({ id: a }), list: [raw.ObjectId({ id: a })] });
    const res = await raw
      .collection('oid')
      .where({ a: raw.ObjectId({ id: a }) })
      .get();
    expect(res.data).toEqual([{ _id: 'with-field', a, list: [a] }]);
    await db
      .collection('oid')
      .doc('with-field')
      .update({ data: { b: raw.ObjectId({ id: a }) } });
    expect((await db.collection('oid').doc('with-field').get()).data.b).toBe(a);
  });

  test('$lookup joins an ObjectId field to an ObjectId _id', async () => {
    const user = hex(3);
    const inviter = hex(4);
    await raw.collection('oid').add({ _id: raw.ObjectId({ id: user }), inviter: raw.ObjectId({ id: inviter }) });
    await raw.collection('oid_lookup').add({ _id: raw.ObjectId({ id: inviter }), name: 'inviter' });
    const res = await db
      .collection('oid')
      .aggregate()
      .match({ _id: user })
      .lookup({ from: 'oid_lookup', localField: 'inviter', foreignField: '_id', as: 'who' })
      .end();
    expect(res.list).toEqual([{ _id: user, inviter, who: [{ _id: inviter, name: 'inviter' }] }]);
  });

  test('an ObjectId that is not 24 hex characters is refused', async () => {
    await expect(raw.collection('oid').add({ _id: raw.ObjectId({ id: 'nope' }) })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
  });
});
