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
