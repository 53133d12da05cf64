// Flash sales (`flash_sales/<id>`) and the stock they hold. Units move between a product's SKUs and a sale only in
// transactions that write both documents, addressed by doc(id) (save, end or stop, an order's cancel after the
// end), so both moves happen or neither. An order takes units from the sale like data/stock.ts takes them from a
// product: one conditional update of the sale document (enough left, the member within `perMember`, not ended),
// atomic on its own, that leaves a mark (token, order, SKU, qty, member) in the same update, so a crash strands
// nothing (flows/flash-sale.ts reclaims marks no order took over). For every SKU, at any moment:
// SKU stock + the units of sales not yet returned (`left`) + what orders and untaken marks hold = what it was;
// and for every SKU of a sale: units set aside (`stock`) = `left` + `sold` (taken by orders, not cancelled) +
// `returned` (back to the SKU at the end, or by a cancel after it).
import type { TimePosition } from '../core/paging';
import type { ProductRecord } from '../core/product';
import type { FlashMark, FlashPointer, FlashSaleRecord, WithFlash } from '../core/flash-sale';
import { getOrNull, olderThan, txGet, type Database, type Transaction } from './db';

const sales = (db: Database) => db.collection<FlashSaleRecord>('flash_sales');
/** What a buyer's page reads of a sale: not the members' counts nor the marks. */
const PUBLIC_FIELDS = { bought: false, holds: false };

export async function findSale(db: Database, id: string): Promise<FlashSaleRecord | null> {
  return getOrNull(sales(db), id);
}

/** A sale without its members' counts and marks (product pages), or null. */
export async function findSalePublic(db: Database, id: string): Promise<FlashSaleRecord | null> {
  const { data } = await sales(db).where({ _id: id }).field(PUBLIC_FIELDS).limit(1).get();
  return data[0] ?? null;
}

/** A sale as an order sees it: its SKUs and window, and of the members' counts only `buyer`'s. */
export async function findSaleFor(db: Database, id: string, buyer: string): Promise<FlashSaleRecord | null> {
  const fields = ['skus', 'startAt', 'endAt', 'perMember', 'stopped', 'returned', 'productId', `bought.${buyer}`];
  const { data } = await sales(db)
    .where({ _id: id })
    .field(Object.fromEntries(fields.map((f) => [f, true])))
    .limit(1)
    .get();
  return data[0] ?? null;
}

export function txFindSale(t: Transaction, id: string): Promise<FlashSaleRecord | null> {
  return txGet<FlashSaleRecord>(t, 'flash_sales', id);
}

export function txFindProduct(t: Transaction, id: string): Promise<WithFlash | null> {
  return txGet<WithFlash>(t, 'products', id);
}

/** Writes the whole sale (new, or the owner's edit before its start, read in the same transaction). */
export async function txWriteSale(t: Transaction, sale: FlashSaleRecord): Promise<void> {
  const { _id, ...data } = sale;
  await t.collection('flash_sales').doc(_id).set({ data });
}

/**
 * In the caller's transaction: each SKU's stock changes by its delta (found by id: the owner may have edited the
 * SKUs), and the product's pointer to its sale becomes `pointer` (null: removed; undefined: unchanged).
 */
export async function txMoveStock(
  t: Transaction,
  db: Database,
  product: Pick<ProductRecord, '_id' | 'skus'>,
  moves: ReadonlyMap<string, number>,
  pointer: FlashPointer | null | undefined,
): Promise<void> {
  const data: Record<string, unknown> = {};
  for (const [skuId, delta] of moves) {
    const index = product.skus.findIndex((s) => s.id === skuId);
    if (index >= 0 && delta !== 0) data[`skus.${index}.stock`] = db.command.inc(delta);
  }
  if (pointer === null) data.flashSale = db.command.remove();
  else if (pointer) data.flashSale = db.command.set(pointer);
  if (Object.keys(data).length > 0) await t.collection('products').doc(product._id).update({ data });
}

/**
 * In the caller's transaction: the sale's units still left go back to the product's SKUs, it is marked returned
 * (nothing is taken from it any more) and the product no longer points to it. `stop`: the owner ended it now.
 */
export async function txReturnSale(
  t: Transaction,
  db: Database,
  sale: FlashSaleRecord,
  product: WithFlash | null,
  now: Date,
  stop: boolean,
): Promise<FlashSaleRecord> {
  const moves = new Map(sale.skus.map((s) => [s.skuId, s.left]));
  const pointer = product?.flashSale?.id === sale._id ? null : undefined;
  if (product) await txMoveStock(t, db, product, moves, pointer);
  const skus = sale.skus.map((s) => ({ ...s, left: 0, returned: s.returned + s.left }));
  const patch = {
    skus,
    returned: true,
    returnedAt: now,
    updatedAt: now,
    ...(stop ? { stopped: true, stoppedAt: now } : {}),
  };
  await t
    .collection('flash_sales')
    .doc(sale._id)
    .update({ data: { ...patch, skus: db.command.set(skus) } });
  return { ...sale, ...patch };
}

/** A take of units of one sale for one order: by SKU, with their positions in the sale's `skus`. */
export interface FlashTake {
  saleId: string;
  lines: Array<{ skuId: string; index: number; qty: number }>;
}

/**
 * Takes the units in one conditional update of the sale: only while it is not returned and not past its end, every
 * SKU has enough left and the member's units stay within `perMember`; the marks go in with them. False when the
 * update did not apply (the caller reads the sale to say why).
 */
export async function takeUnits(
  db: Database,
  take: FlashTake,
  mark: Omit<FlashMark, 'sku' | 'qty'>,
  perMember: number,
  now: Date,
): Promise<boolean> {
  const _ = db.command;
  const total = take.lines.reduce((n, l) => n + l.qty, 0);
  if (total > perMember) return false;
  const bought = `bought.${mark.buyer}`;
  const where: Record<string, unknown> = { _id: take.saleId, returned: false, endAt: _.gt(now) };
  const data: Record<string, unknown> = {
    [bought]: _.inc(total),
    holds: _.push(take.lines.map((l) => ({ ...mark, sku: l.skuId, qty: l.qty }))),
  };
  for (const l of take.lines) {
    where[`skus.${l.index}.skuId`] = l.skuId;
    where[`skus.${l.index}.left`] = _.gte(l.qty);
    data[`skus.${l.index}.left`] = _.inc(-l.qty);
    data[`skus.${l.index}.sold`] = _.inc(l.qty);
  }
  // A member with no units yet has no count: "absent or at most perMember - total".
  const within = _.or([{ [bought]: _.exists(false) }, { [bought]: _.lte(perMember - total) }]);
  const { stats } = await sales(db)
    .where(_.and([where, within]) as object)
    .update({ data });
  return stats.updated === 1;
}

/**
 * In the caller's transaction: `lines` of a member's order no longer held (a cancel, a reservation given back):
 * they leave the sale's `sold` and the member's count, and their units go back to the sale while it is not
 * returned, else to the product's SKUs. `token`: the reservation's marks to remove with them (one not taken over).
 */
export async function txGiveBack(
  t: Transaction,
  db: Database,
  sale: FlashSaleRecord,
  buyer: string,
  lines: ReadonlyArray<{ skuId: string; qty: number }>,
  token?: string,
): Promise<void> {
  const _ = db.command;
  const data: Record<string, unknown> = {};
  let total = 0;
  for (const l of lines) {
    const index = sale.skus.findIndex((s) => s.skuId === l.skuId);
    if (index < 0) continue;
    total += l.qty;
    data[`skus.${index}.sold`] = _.inc(-l.qty);
    data[`skus.${index}.${sale.returned ? 'returned' : 'left'}`] = _.inc(l.qty);
  }
  if (total === 0) return;
  data[`bought.${buyer}`] = _.inc(-total);
  if (token) data.holds = _.pull({ token });
  await t.collection('flash_sales').doc(sale._id).update({ data });
  if (!sale.returned) {
    // Units are back in the sale: the product's pointer no longer says sold out (flows/flash-sale.ts markSoldOut).
    await t
      .collection('products')
      .doc(sale.productId)
      .update({ data: { 'flashSale.soldOut': _.remove() } });
    return;
  }
  const product = await txFindProduct(t, sale.productId);
  if (product) await txMoveStock(t, db, product, new Map(lines.map((l) => [l.skuId, l.qty])), undefined);
}

/**
 * In the caller's transaction, which read `sale` and the product: the product's pointer names `skus` as having no
 * unit left, and the sale is written too, so that a give-back (which writes the sale) and this cannot both commit
 * on what they read.
 */
export async function txMarkSoldOut(
  t: Transaction,
  db: Database,
  sale: FlashSaleRecord,
  skus: readonly string[],
  now: Date,
): Promise<void> {
  await t
    .collection('flash_sales')
    .doc(sale._id)
    .update({ data: { soldOutAt: now } });
  await t
    .collection('products')
    .doc(sale.productId)
    .update({ data: { 'flashSale.soldOut': db.command.set([...skus]) } });
}

/** Removes reservations' marks once their order has taken them over (their units are now the order's). */
export async function clearSaleMarks(db: Database, saleId: string, tokens: readonly string[]): Promise<void> {
  const _ = db.command;
  await sales(db)
    .where({ _id: saleId })
    .update({ data: { holds: _.pull({ token: _.in([...tokens]) }) } });
}

/** Sales carrying marks taken before `before`. */
export async function listMarkedSales(
  db: Database,
  before: Date,
  limit: number,
): Promise<Array<{ _id: string; holds: FlashMark[] }>> {
  const { data } = await sales(db)
    .where({ 'holds.at': db.command.lte(before) })
    .field({ holds: true })
    .limit(limit)
    .get();
  return data.map((s) => ({ _id: s._id, holds: (s.holds ?? []).map((h) => ({ ...h, at: new Date(h.at) })) }));
}

/** Sales past their end whose units have not gone back yet (the scheduler returns them). */
export async function listDueToReturn(db: Database, now: Date, limit: number): Promise<FlashSaleRecord[]> {
  const { data } = await sales(db)
    .where({ returned: false, endAt: db.command.lte(now) })
    .field(PUBLIC_FIELDS)
    .limit(limit)
    .get();
  return data;
}

/** Sales newest first, keyset-paged on (createdAt, _id). */
export async function listSales(db: Database, after: TimePosition | null, limit: number): Promise<FlashSaleRecord[]> {
  const { data } = await sales(db)
    .where(after ? olderThan(db, 'createdAt', after) : {})
    .field(PUBLIC_FIELDS)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}
