import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexKey, valuesAt, Store } from './store';
import type { Collections } from './config';

const COLLECTIONS: Collections = { users: { indexes: [{ fields: ['openid'], unique: true }] } };

describe('valuesAt (multikey paths)', () => {
  const doc = { a: { b: 1 }, items: [{ sku: 'x' }, { sku: 'y' }, { other: 1 }], tags: ['p', 'q'] };
  test('a nested path', () => expect(valuesAt(doc, 'a.b')).toEqual([1]));
  test('through an array of objects', () => expect(valuesAt(doc, 'items.sku')).toEqual(['x', 'y']));
  test('an array field gives the array and its elements', () =>
    expect(valuesAt(doc, 'tags')).toEqual([['p', 'q'], 'p', 'q']));
  test('a missing path gives nothing', () => expect(valuesAt(doc, 'a.c.d')).toEqual([]));
});

describe('indexKey', () => {
  test('keys are typed, so "1" and 1 differ', () => {
    expect(indexKey('1')).not.toBe(indexKey(1));
    expect(indexKey(true)).not.toBe(indexKey(1));
  });
  test('dates key by time', () => expect(indexKey(new Date(5))).toBe(indexKey(new Date(5))));
  test('objects, null and NaN are not indexable', () => {
    expect(indexKey({ a: 1 })).toBeNull();
    expect(indexKey(null)).toBeNull();
    expect(indexKey(Number.NaN)).toBeNull();
  });
});

describe('Store', () => {
  test('index lookups follow updates and deletes', () => {
    const store = new Store(':memory:', COLLECTIONS);
    store.atomic(() => store.write('users', 'u1', { _id: 'u1', openid: 'o1' }, false));
    expect(store.lookup('users', 'openid', 'o1')).toEqual(['u1']);
    store.atomic(() => store.write('users', 'u1', { _id: 'u1', openid: 'o2' }, true));
    expect(store.lookup('users', 'openid', 'o1')).toEqual([]);
    expect(store.lookup('users', 'openid', 'o2')).toEqual(['u1']);
    store.atomic(() => store.write('users', 'u1', null, true));
    expect(store.lookup('users', 'openid', 'o2')).toEqual([]);
    expect(store.lookup('users', 'nickname', 'x')).toBeNull();
    store.close();
  });

  test('a failed unique write inside atomic leaves nothing behind', () => {
    const store = new Store(':memory:', COLLECTIONS);
    store.atomic(() => store.write('users', 'u1', { _id: 'u1', openid: 'same' }, false));
    expect(() =>
      store.atomic(() => {
        store.write('users', 'u2', { _id: 'u2', openid: 'other' }, false);
        store.write('users', 'u3', { _id: 'u3', openid: 'same' }, false);
      }),
    ).toThrow(/duplicate key/);
    expect(store.get('users', 'u2')).toBeNull();
    expect(store.lookup('users', 'openid', 'other')).toEqual([]);
    store.close();
  });
});

describe('Store group commit (grouped)', () => {
  let dir: string;
  let store: Store;
  /** A second connection to the same file: it sees only what is committed. */
  let reader: Database.Database;
  const committedIds = () =>
    reader.prepare("SELECT id FROM docs WHERE coll = 'users' ORDER BY id").pluck().all() as string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'youjian-store-'));
    store = new Store(join(dir, 'cloud.sqlite'), COLLECTIONS);
    reader = new Database(join(dir, 'cloud.sqlite'), { readonly: true });
  });

  afterEach(() => {
    reader.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const add = (id: string, openid: string) => () => store.write('users', id, { _id: id, openid }, false);

  test('writes queued in one turn share one commit, and each settles only once it is committed', async () => {
    const settled: string[] = [];
    const writes = ['a', 'b', 'c', 'd', 'e'].map((id) =>
      store.grouped(add(id, `o-${id}`)).then(() => settled.push(`${id}: ${committedIds().join(',')}`)),
    );
    expect(committedIds()).toEqual([]);
    await Promise.all(writes);
    // Every write was already durable (visible to another connection) when its promise settled.
    expect(settled).toEqual(['a', 'b', 'c', 'd', 'e'].map((id) => `${id}: a,b,c,d,e`));
    expect(store.stats).toMatchObject({ commits: 1, groupedWrites: 5 });
    await store.grouped(add('f', 'o-f'));
    expect(store.stats).toMatchObject({ commits: 2, groupedWrites: 6 });
    expect(committedIds()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  test('the writes of a group run in order, each seeing the ones before it', async () => {
    const seen = await Promise.all([
      store.grouped(add('a', 'o-a')),
      store.grouped(() => store.get('users', 'a')?.openid),
      store.grouped(() => store.write('users', 'a', { _id: 'a', openid: 'o-a2' }, true)),
      store.grouped(() => store.get('users', 'a')?.openid),
    ]);
    expect([seen[1], seen[3]]).toEqual(['o-a', 'o-a2']);
    expect(store.get('users', 'a')?.openid).toBe('o-a2');
  });

  test('a write that throws fails alone and leaves nothing of itself; the others commit', async () => {
    await store.grouped(add('a', 'taken'));
    const outcomes = await Promise.allSettled([
      store.grouped(add('b', 'o-b')),
      store.grouped(() => {
        add('c', 'o-c')();
        add('d', 'taken')(); // the unique index on openid refuses it
      }),
      store.grouped(add('e', 'o-e')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/duplicate key/);
    expect(committedIds()).toEqual(['a', 'b', 'e']);
    expect(store.lookup('users', 'openid', 'o-c')).toEqual([]);
  });

  test('a group that writes nothing commits nothing to disk and is not counted', async () => {
    expect(await Promise.all([store.grouped(() => 1), store.grouped(() => store.get('users', 'x'))])).toEqual([
      1,
      null,
    ]);
    expect(store.stats).toMatchObject({ commits: 0, groupedWrites: 2 });
  });
});
