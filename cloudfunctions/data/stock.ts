// SKU stock lives in its product document (products/<id>.skus[i].stock). Taking stock is one conditional update
// of that document, atomic on its own: it applies only while enough is left, so stock never goes below zero under
// any concurrency, without a transaction to conflict on. The same update leaves a mark in the product's `holds`
// (the reservation's token, the order, the SKU, the quantity, when), so stock is never taken without a record of
// who took it: a crash between taking the stock and recording the order leaves the mark, and the scheduler gives
// marked stock back when no order took the reservation over (flows/reclaim-stock.ts), and removes the marks of
// those an order did take over. Giving a mark's stock back removes the mark in the same update, so it happens once.
import type { PricedLine } from '../core/pricing';
import type { ProductRecord } from '../core/product';
import { txGet, type Database, type Transaction } from './db';

type Line = Pick<PricedLine, 'productId' | 'skuId' | 'skuIndex' | 'qty'>;

/** A reservation's mark on a product: `qty` of SKU `sku` taken for order `order` by reservation `token`. */
export interface HoldMark {
  token: string;
  order: string;
  sku: string;
  qty: number;
  at: Date;
}

const products = (db: Database) => db.collection<ProductRecord & { holds?: HoldMark[] }>('products');

/** Takes `qty` of one SKU, marked with the reservation, if that much is left; false when it is not. */
async function take(db: Database, mark: HoldMark, line: Line): Promise<boolean> {
  const _ = db.command;
  const path = `skus.${line.skuIndex}`;
  const { stats } = await products(db)
    .where({ _id: line.productId, [`${path}.id`]: line.skuId, [`${path}.stock`]: _.gte(line.qty) })
    .update({ data: { [`${path}.stock`]: _.inc(-line.qty), holds: _.push([mark]) } });
  return stats.updated === 1;
}

/**
 * Gives one mark's stock back and removes the mark, in one update that applies only while the mark is there.
 * The SKU is found by id (the owner may have edited the SKUs since). False when the mark was already gone.
 */
export async function giveBackMark(
  db: Database,
  productId: string,
  mark: Pick<HoldMark, 'token' | 'sku' | 'qty'>,
): Promise<boolean> {
  const _ = db.command;
  const product = (await products(db).where({ _id: productId }).field({ skus: true }).get()).data[0];
  const index = product?.skus.findIndex((s) => s.id === mark.sku) ?? -1;
  const data: Record<string, unknown> = { holds: _.pull({ token: mark.token, sku: mark.sku }) };
  if (index >= 0) data[`skus.${index}.stock`] = _.inc(mark.qty);
  const { stats } = await products(db)
    .where({ _id: productId, holds: _.elemMatch({ token: mark.token, sku: mark.sku }) })
    .update({ data });
  return stats.updated === 1;
}

/**
 * Reserves every line for `order` or none: lines are taken in order, each marked with `token`; at the first that
 * lacks stock the ones already taken are given back. Returns the line that could not be reserved, or null.
 */
export async function reserveAll(
  db: Database,
  token: string,
  order: string,
  lines: readonly Line[],
  now: Date,
): Promise<Line | null> {
  const taken: Line[] = [];
  for (const line of lines) {
    if (await take(db, { token, order, sku: line.skuId, qty: line.qty, at: now }, line)) {
      taken.push(line);
      continue;
    }
    await cancelReservation(db, token, taken);
    return line;
  }
  return null;
}

/** Gives a reservation's stock back (an order that was not placed after all). */
export async function cancelReservation(db: Database, token: string, lines: readonly Line[]): Promise<void> {
  await Promise.all(lines.map((l) => giveBackMark(db, l.productId, { token, sku: l.skuId, qty: l.qty })));
}

/** Removes reservations' marks once an order has taken them over (their stock is now the order's). */
export async function clearMarks(
  db: Database,
  tokens: readonly string[],
  productIds: readonly string[],
): Promise<void> {
  const _ = db.command;
  const data = { holds: _.pull({ token: _.in([...tokens]) }) };
  await Promise.all([...new Set(productIds)].map((id) => products(db).where({ _id: id }).update({ data })));
}

/** Products carrying marks taken before `before`. */
export async function listMarked(
  db: Database,
  before: Date,
  limit: number,
): Promise<Array<{ _id: string; holds: HoldMark[] }>> {
  const { data } = await products(db)
    .where({ 'holds.at': db.command.lte(before) })
    .field({ holds: true })
    .limit(limit)
    .get();
  return data.map((p) => ({ _id: p._id, holds: (p.holds ?? []).map((h) => ({ ...h, at: new Date(h.at) })) }));
}

/** Gives `lines` back to their product's SKUs (found by id), inside the caller's transaction. */
export async function txReturnStock(
  t: Transaction,
  db: Database,
  productId: string,
  lines: readonly Pick<Line, 'skuId' | 'qty'>[],
) {
  const product = await txGet<ProductRecord>(t, 'products', productId);
  if (!product) return;
  const data: Record<string, unknown> = {};
  for (const line of lines) {
    // Found by id, not by the position it had when ordered: the owner may have edited the SKUs since.
    const index = product.skus.findIndex((s) => s.id === line.skuId);
    if (index >= 0) data[`skus.${index}.stock`] = db.command.inc(line.qty);
  }
  if (Object.keys(data).length > 0) await t.collection('products').doc(productId).update({ data });
}
