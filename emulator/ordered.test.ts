// Sorted pages read in a declared index's order (order-plan.ts, sort-key.ts) against mingo's answer over every
// document (filter, sort, skip, limit), on random data: same documents in the same order, and a page reads about as
// many documents as it returns.
import { EJSON } from 'bson';
import { Query } from 'mingo';
import { databaseActions } from './database';
import { Store, type Doc } from './store';
import { documentKey, valueKey } from './sort-key';
import type { Collections } from './config';

type AnyObject = Record<string, unknown>;

const COLLECTIONS: Collections = {
  lines: {
    indexes: [
      { fields: ['sharerId', 'at'] },
      { fields: ['at'] },
      { fields: ['kind', 'sharerId', 'at'] },
      { fields: ['box.at'] },
    ],
  },
};

/** A seeded generator (mulberry32): a failing case can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

/** Sort values of every kind an index orders: mostly dates (with ties), and numbers, strings, booleans, null. */
function randomAt(rnd: () => number): unknown {
  const r = rnd();
  if (r < 0.6) return new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 40) * 60_000);
  if (r < 0.7) return pick(rnd, [-3.5, -1, 0, 2, 2.5, 1e12, -1e12, Number.MAX_VALUE, -Infinity, Infinity]);
  if (r < 0.8) return pick(rnd, ['', 'a', 'a\u0000', 'a\u0001', 'ab', 'B', '商品', 'é', 'z']);
  if (r < 0.85) return rnd() < 0.5;
  if (r < 0.9) return null;
  return undefined;
}

function randomDoc(rnd: () => number, i: number): Doc {
  const doc: Doc = { _id: `${pick(rnd, ['a', 'b', 'c'])}${i.toString(36)}`, n: i };
  if (rnd() < 0.95) doc.sharerId = pick(rnd, ['s1', 's2', 's3']);
  if (rnd() < 0.9) doc.kind = pick(rnd, ['money', 'visits']);
  const at = randomAt(rnd);
  if (at !== undefined) doc.at = at;
  return doc;
}

function setup(docs: Doc[]) {
  const store = new Store(':memory:', COLLECTIONS);
  store.atomic(() => {
    for (const doc of docs) store.write('lines', doc._id, doc, false);
  });
  const { actions } = databaseActions(store, () => Date.UTC(2026, 0, 2));
  const read = async (query: AnyObject, order: Record<string, 1 | -1>, limit: number, offset = 0) => {
    const before = store.stats.docsExamined;
    const result = await actions['database.getDocument']({
      action: 'database.getDocument',
      env: 'test',
      requestId: 'r',
      source: '',
      caller: null,
      params: {
        collectionName: 'lines',
        query: EJSON.stringify(query, { relaxed: false }),
        order: JSON.stringify(order),
        limit,
        offset,
      },
    });
    if (result.kind !== 'json') throw new Error('getDocument answers JSON');
    const { list: found } = result.body.data as { list: string[] };
    const list = found.map((text) => EJSON.parse(text, { relaxed: false }) as Doc);
    return { ids: list.map((d) => d._id), examined: store.stats.docsExamined - before };
  };
  return { store, read };
}

/** mingo over every document: the emulator's answer without a plan. */
function expected(docs: Doc[], query: AnyObject, order: Record<string, 1 | -1>, limit: number, offset = 0): string[] {
  const found = new Query(query).find(docs).sort(order).skip(offset).limit(limit).all() as Doc[];
  return found.map((d) => d._id);
}

describe('sort keys', () => {
  test('keys sort as mingo sorts values (types, signs, strings with 0x00 and 0x01, dates; null ties missing)', () => {
    const rnd = random(7);
    const docs = Array.from({ length: 400 }, (_, i) => ({ _id: `d${1000 - i}`, v: randomAt(rnd) }));
    const key = (d: Doc) => documentKey(d, ['v']) as Buffer;
    const byKey = [...docs].sort((a, b) => Buffer.compare(key(a), key(b)));
    const byMingo = new Query({}).find(docs).sort({ v: 1, _id: 1 }).all() as Doc[];
    expect(byKey.map((d) => d._id)).toEqual(byMingo.map((d) => d._id));
    expect(valueKey(null)).toEqual(valueKey(undefined));
  });

  test('values an index cannot order have no key', () => {
    expect(valueKey(Number.NaN)).toBeNull();
    expect(valueKey({ a: 1 })).toBeNull();
    expect(valueKey([1])).toBeNull();
    expect(valueKey('\uD800')).toBeNull();
  });
});

describe('ordered pages against mingo on random data', () => {
  const SEEDS = [1, 2, 3, 4, 5];

  test.each(SEEDS)('seed %i: pinned sharer, newest first, pages by offset and by keyset', async (seed) => {
    const rnd = random(seed);
    const docs = Array.from({ length: 600 }, (_, i) => randomDoc(rnd, i));
    const { read, store } = setup(docs);
    for (let round = 0; round < 20; round++) {
      const sharerId = pick(rnd, ['s1', 's2', 's3', 'nobody']);
      const dir = rnd() < 0.5 ? -1 : 1;
      const order = { at: dir, _id: dir } as Record<string, 1 | -1>;
      const limit = 1 + Math.floor(rnd() * 30);
      const offset = Math.floor(rnd() * 20);
      const query = { sharerId };
      expect((await read(query, order, limit, offset)).ids).toEqual(expected(docs, query, order, limit, offset));
      // The keyset page after a random row of the list (data/db.ts olderThan; $gt for ascending).
      const all = expected(docs, query, order, 1000);
      if (all.length === 0) continue;
      const edgeId = pick(rnd, all);
      const edge = docs.find((d) => d._id === edgeId) as Doc;
      const op = dir === -1 ? '$lt' : '$gt';
      const keyset = {
        $and: [{ sharerId }, { $or: [{ at: { [op]: edge.at } }, { at: edge.at, _id: { [op]: edge._id } }] }],
      };
      if (edge.at === undefined || edge.at === null) continue; // no keyset cursor has a missing value
      const page = await read(keyset, order, limit);
      expect(page.ids).toEqual(expected(docs, keyset, order, limit));
      expect(page.examined).toBeLessThanOrEqual(limit + 50);
    }
    store.close();
  });

  test.each(SEEDS)('seed %i: every document by date, range bounds, a second pinned field', async (seed) => {
    const rnd = random(seed + 100);
    const docs = Array.from({ length: 500 }, (_, i) => randomDoc(rnd, i));
    const { read, store } = setup(docs);
    const cut = new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 40) * 60_000);
    const cases: Array<[AnyObject, Record<string, 1 | -1>]> = [
      [{}, { at: -1, _id: -1 }],
      [{}, { at: 1, _id: 1 }],
      [{ at: { $lt: cut } }, { at: -1, _id: -1 }],
      [{ at: { $lte: cut } }, { at: -1, _id: -1 }],
      [{ at: { $gt: cut } }, { at: 1, _id: 1 }],
      [
        { at: { $gte: cut }, sharerId: 's2' },
        { at: 1, _id: 1 },
      ],
      [{ at: { $gte: 2 } }, { at: -1, _id: -1 }],
      [{ at: { $lt: 'b' } }, { at: 1, _id: 1 }],
      [
        { kind: 'money', sharerId: { $in: ['s1'] } },
        { at: -1, _id: -1 },
      ],
      [{ $and: [{ kind: { $eq: 'visits' } }, { sharerId: 's3' }] }, { at: 1, _id: 1 }],
      [
        { sharerId: 's1', n: { $gt: 300 } },
        { at: -1, _id: -1 },
      ],
      [{ sharerId: 's1' }, { _id: -1 }],
    ];
    for (const [query, order] of cases) {
      for (const [limit, offset] of [
        [5, 0],
        [40, 7],
        [1000, 0],
      ]) {
        expect((await read(query, order, limit, offset)).ids).toEqual(expected(docs, query, order, limit, offset));
      }
    }
    // Planned: the newest five of every document are the five read.
    expect((await read({}, { at: -1, _id: -1 }, 5)).examined).toBe(5);
    store.close();
  });

  test.each(SEEDS)(
    'seed %i: after random updates, deletes and inserts the keys still answer as mingo',
    async (seed) => {
      const rnd = random(seed + 200);
      const docs = Array.from({ length: 400 }, (_, i) => randomDoc(rnd, i));
      const { read, store } = setup(docs);
      const live = new Map(docs.map((d) => [d._id, d]));
      store.atomic(() => {
        for (let step = 0; step < 600; step++) {
          const id = pick(rnd, [...live.keys()]);
          const r = rnd();
          if (r < 0.1) {
            store.write('lines', id, null, true);
            live.delete(id);
          } else if (r < 0.2) {
            const doc = randomDoc(rnd, 1000 + step);
            if (live.has(doc._id)) continue;
            store.write('lines', doc._id, doc, false);
            live.set(doc._id, doc);
          } else {
            // Half the time only a field no index holds changes: the keys stay as they are.
            const before = live.get(id) as Doc;
            const fresh = randomDoc(rnd, 0);
            const after =
              r < 0.5 ? { ...before, n: step } : r < 0.6 ? { ...before, at: [step] } : { ...fresh, _id: id };
            store.write('lines', id, after, true);
            live.set(id, after);
          }
        }
      });
      // An array makes the index unable to order (every document read); once the last one is gone it orders again.
      const arrays = [...live.values()].filter((d) => Array.isArray(d.at));
      expect(arrays.length).toBeGreaterThan(0);
      expect((await read({}, { at: -1, _id: -1 }, 5)).examined).toBe(live.size);
      store.atomic(() => {
        for (const doc of arrays) {
          const after = { ...doc, at: new Date(Date.UTC(2026, 0, 1) + (doc.n as number) * 1000) };
          store.write('lines', doc._id, after, true);
          live.set(doc._id, after);
        }
      });
      const now = [...live.values()];
      for (const [query, order] of [
        [{ sharerId: 's1' }, { at: -1, _id: -1 }],
        [{}, { at: 1, _id: 1 }],
        [
          { kind: 'money', sharerId: 's2' },
          { at: -1, _id: -1 },
        ],
      ] as Array<[AnyObject, Record<string, 1 | -1>]>) {
        expect((await read(query, order, 1000)).ids).toEqual(expected(now, query, order, 1000));
      }
      expect((await read({}, { at: -1, _id: -1 }, 5)).examined).toBe(5);
      store.close();
    },
  );

  test('a dot path: nested values order, a path through an array turns the plan off', async () => {
    const rnd = random(11);
    const docs: Doc[] = Array.from({ length: 200 }, (_, i) => {
      const r = rnd();
      const box = r < 0.7 ? { at: randomAt(rnd) } : r < 0.8 ? 'plain' : r < 0.9 ? {} : undefined;
      return box === undefined ? { _id: `n${i}` } : { _id: `n${i}`, box };
    });
    const order = { 'box.at': -1, _id: -1 } as Record<string, 1 | -1>;
    const { read, store } = setup(docs);
    expect((await read({}, order, 30)).ids).toEqual(expected(docs, {}, order, 30));
    expect((await read({}, order, 30)).examined).toBe(30);
    const through = [...docs, { _id: 'arr', box: [{ at: new Date(Date.UTC(2027, 0, 1)) }] }];
    store.atomic(() => store.write('lines', 'arr', through[through.length - 1], false));
    const page = await read({}, order, 30);
    expect(page.ids).toEqual(expected(through, {}, order, 30));
    expect(page.examined).toBe(through.length);
    store.close();
  });

  test('a document the index cannot order (an array) turns the plan off, and the answers stay the same', async () => {
    const rnd = random(9);
    const docs = Array.from({ length: 300 }, (_, i) => randomDoc(rnd, i));
    docs.push({ _id: 'multi', sharerId: 's1', at: [new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 5, 1))] });
    const { read, store } = setup(docs);
    const order = { at: -1, _id: -1 } as Record<string, 1 | -1>;
    const page = await read({ sharerId: 's1' }, order, 10);
    expect(page.ids).toEqual(expected(docs, { sharerId: 's1' }, order, 10));
    expect(page.examined).toBeGreaterThan(10); // every match read: mingo sorted them
    store.close();
  });
});

describe('a page costs what it returns', () => {
  test('first and keyset pages of 10,000 lines read about a page each; updates and deletes move the keys', async () => {
    const docs: Doc[] = Array.from({ length: 10_000 }, (_, i) => ({
      _id: `line${String(i).padStart(5, '0')}`,
      sharerId: i % 10 === 0 ? 'other' : 'me',
      at: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 1000),
    }));
    const { read, store } = setup(docs);
    const order = { at: -1, _id: -1 } as Record<string, 1 | -1>;
    const first = await read({ sharerId: 'me' }, order, 21);
    expect(first.ids).toEqual(expected(docs, { sharerId: 'me' }, order, 21));
    expect(first.examined).toBe(21);
    const edge = docs.find((d) => d._id === first.ids[19]) as Doc;
    const after = {
      $and: [{ sharerId: 'me' }, { $or: [{ at: { $lt: edge.at } }, { at: edge.at, _id: { $lt: edge._id } }] }],
    };
    const second = await read(after, order, 21);
    expect(second.ids).toEqual(expected(docs, after, order, 21));
    expect(second.examined).toBe(21);
    // The newest line moves to another sharer, and the second newest is deleted: the next first page skips both.
    store.atomic(() => {
      store.write('lines', first.ids[0], { ...(docs.find((d) => d._id === first.ids[0]) as Doc), sharerId: 'x' }, true);
      store.write('lines', first.ids[1], null, true);
    });
    expect((await read({ sharerId: 'me' }, order, 3)).ids).toEqual(first.ids.slice(2, 5));
    store.close();
  });

  test('an index declared after its documents were written is built when the store opens', () => {
    const dir = `${require('node:os').tmpdir()}/ordered-${process.pid}-${Date.now()}.db`;
    const before = new Store(dir, { lines: { indexes: [] } });
    before.atomic(() => before.write('lines', 'l1', { _id: 'l1', sharerId: 'me', at: new Date(5) }, false));
    before.close();
    const after = new Store(dir, COLLECTIONS);
    const found = [...after.ordered('lines', 'sharerId_at', Buffer.alloc(0), Buffer.from([0xff]), true)];
    expect(found.map((d) => d._id)).toEqual(['l1']);
    after.close();
    require('node:fs').rmSync(dir, { force: true });
  });
});
