// The stock ledger: every change of a SKU's stock that is not an order's reservation — a new SKU's initial stock
// and the owner's adjustments — with who, when, how much, why and what was left. Each entry is written in the same
// transaction as the stock it changes, keyed by its idempotency key (`_id` = key), so a replay writes nothing twice.
// For every SKU: stock = Σ ledger deltas − units held by orders (tests check this under concurrency).
import type { ProductRecord, SkuRecord } from '../core/product';
import type { TimePosition } from '../core/paging';
import { type Database, pageAfter, transact, type Transaction, txGet } from './db';

export interface StockLedgerRecord {
  _id: string;
  key: string;
  productId: string;
  skuId: string;
  spec: string;
  delta: number;
  stockAfter: number;
  reason: string;
  /** The owner's openid. */
  by: string;
  at: Date;
  /** A fingerprint of the request, so a replay with other content is told apart. */
  requestHash: string;
}

const ledger = (db: Database) => db.collection<StockLedgerRecord>('stock_ledger');

/** Writes one entry inside the caller's transaction. */
export async function addEntry(t: Transaction, entry: StockLedgerRecord): Promise<void> {
  await t.collection('stock_ledger').add({ data: entry });
}

export type Adjustment = {
  productId: string;
  skuId: string;
  delta: number;
  reason: string;
  by: string;
  at: Date;
  key: string;
  requestHash: string;
};
export type AdjustOutcome =
  | { refused: 'product.not_found' | 'product.sku_unknown' | 'stock.below_zero' | 'product.request_conflict' }
  | { entry: StockLedgerRecord; sku: SkuRecord };

/**
 * Adds or removes units of one SKU in one transaction with its ledger entry. The transaction conflicts with any
 * reservation that changed the product meanwhile and is retried on the fresh stock, so an adjustment never takes
 * stock below zero nor overwrites a unit an order took. A replayed key answers the entry it wrote.
 */
export async function adjustStock(db: Database, a: Adjustment): Promise<AdjustOutcome> {
  return transact(db, async (t) => {
    const [prior, product] = await Promise.all([
      txGet<StockLedgerRecord>(t, 'stock_ledger', a.key),
      txGet<ProductRecord>(t, 'products', a.productId),
    ]);
    if (!product) return { refused: 'product.not_found' as const };
    const index = product.skus.findIndex((s) => s.id === a.skuId && !s.retired);
    if (prior) {
      if (prior.requestHash !== a.requestHash) return { refused: 'product.request_conflict' as const };
      return { entry: prior, sku: product.skus[index] ?? product.skus.find((s) => s.id === a.skuId)! };
    }
    if (index < 0) return { refused: 'product.sku_unknown' as const };
    const sku = product.skus[index];
    const stockAfter = sku.stock + a.delta;
    if (stockAfter < 0) return { refused: 'stock.below_zero' as const };
    await t
      .collection('products')
      .doc(a.productId)
      .update({ data: { [`skus.${index}.stock`]: stockAfter } });
    const entry: StockLedgerRecord = {
      _id: a.key,
      key: a.key,
      productId: a.productId,
      skuId: a.skuId,
      spec: sku.spec,
      delta: a.delta,
      stockAfter,
      reason: a.reason,
      by: a.by,
      at: a.at,
      requestHash: a.requestHash,
    };
    await addEntry(t, entry);
    return { entry, sku: { ...sku, stock: stockAfter } };
  });
}

/** A product's entries, newest first, after `after` (exclusive). */
export async function listLedger(
  db: Database,
  productId: string,
  after: TimePosition | null,
  limit: number,
): Promise<StockLedgerRecord[]> {
  const where = pageAfter(db, { productId }, 'at', after);
  const { data } = await ledger(db)
    .where(where as object)
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}
