// The transition table governs: nothing but flows/transition.ts can write an order's status. Statically, only it
// imports the status writers and only data/ names a collection; at run time, every other order write refuses a
// `status` and a new order can only start in the table's initial state.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { INITIAL_STATUS } from '../core/order-flow';
import type { Database, Transaction } from '../data/db';
import { insertOrder, txInsertOrder, txUpdateOrder, updateOrder, type OrderRecord } from '../data/orders';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sources(ROOT).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

test('only flows/transition.ts imports the status writers', () => {
  const importers = files.filter((f) => /\b(writeStatus|txWriteStatus)\b/.test(f.text) && f.path !== 'data/orders.ts');
  expect(importers.map((f) => f.path)).toEqual(['flows/transition.ts']);
});

test('only data/ names a collection, so every order write goes through data/orders.ts', () => {
  const outside = files.filter((f) => !f.path.startsWith('data/') && /\.collection\s*(<[^>]*>)?\s*\(/.test(f.text));
  expect(outside.map((f) => f.path)).toEqual([]);
  const orderWriters = files.filter(
    (f) => f.path.startsWith('data/') && /collection(<[^>]*>)?\('orders'\)/.test(f.text),
  );
  expect(orderWriters.map((f) => f.path)).toEqual(['data/orders.ts']);
});

test('the detector sees a status write smuggled elsewhere (it is not vacuous)', () => {
  const smuggled = "await db.collection('orders').doc(id).update({ data: { status: 'paid' } });";
  expect(/\.collection\s*(<[^>]*>)?\s*\(/.test(smuggled)).toBe(true);
  expect(/\b(writeStatus|txWriteStatus)\b/.test('import { writeStatus } from "../data/orders";')).toBe(true);
});

describe('at run time', () => {
  const writes: object[] = [];
  const chain = {
    where: () => chain,
    doc: () => chain,
    update: async (o: object) => {
      writes.push(o);
      return { stats: { updated: 1 } };
    },
    add: async (o: object) => writes.push(o),
    set: async (o: object) => writes.push(o),
  };
  const db = { collection: () => chain, command: { push: (x: unknown) => x } } as unknown as Database;
  const t = { collection: () => chain } as unknown as Transaction;
  const order = { _id: 'YJ0000000000000001', status: 'paid' } as OrderRecord;

  beforeEach(() => writes.splice(0));

  it('refuses a status in any other order write, and writes nothing', async () => {
    // Nor does it compile: the @ts-expect-error lines fail the typecheck if a status ever type-checks there.
    // @ts-expect-error a status is not a field these writers take
    await expect(updateOrder(db, { _id: order._id }, { status: 'paid' })).rejects.toThrow(/status/);
    // @ts-expect-error a status is not a field these writers take
    await expect(txUpdateOrder(t, order._id, { status: 'refunded' })).rejects.toThrow(/status/);
    expect(writes).toEqual([]);
    await expect(updateOrder(db, { _id: order._id }, { note: 'x' })).resolves.toBe(true);
    expect(writes).toHaveLength(1);
  });

  it('inserts a new order only in the initial state', async () => {
    await expect(insertOrder(db, order)).rejects.toThrow(INITIAL_STATUS);
    await expect(txInsertOrder(t, order)).rejects.toThrow(INITIAL_STATUS);
    expect(writes).toEqual([]);
    await insertOrder(db, { ...order, status: INITIAL_STATUS });
    expect(writes).toHaveLength(1);
  });
});
