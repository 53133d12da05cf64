// The catalogue. Products are listed by (sort, _id) for keyset paging. The owner's edits are transactions on the
// product document: one that raced a reservation conflicts and is retried on the fresh stock, so an edit never
// overwrites a unit an order took.
import { literalPattern, planSkus, type ProductRecord, type SkuRecord, type WantedSku } from '../core/product';
import type { PagePosition } from '../core/paging';
import { getOrNull, txGet, type Database, type Transaction, transact } from './db';
import { addEntry } from './stock-ledger';

const products = (db: Database) => db.collection<ProductRecord>('products');
/** Reads of the catalogue leave out the reservations' marks (data/stock.ts): only the scheduler reads them. */
const WITHOUT_MARKS = { holds: false };

export async function findProduct(db: Database, id: string): Promise<ProductRecord | null> {
  return getOrNull(products(db), id);
}

/**
 * Up to `limit` products on sale after `after` (exclusive), in catalogue order; with `categoryId`, only that
 * category's (the `categoryIds` index serves it).
 */
export async function listOnSale(
  db: Database,
  after: PagePosition | null,
  limit: number,
  q?: string,
  categoryId?: string,
): Promise<ProductRecord[]> {
  const _ = db.command;
  const parts: object[] = [categoryId ? { categoryIds: categoryId, status: 'on_sale' } : { status: 'on_sale' }];
  if (q) {
    // Case-insensitive, literal: the words escaped (core/product.ts), never a pattern from the input.
    const words = db.RegExp({ regexp: literalPattern(q), options: 'i' });
    parts.push(_.or([{ title: words }, { 'skus.spec': words }]));
  }
  if (after) parts.push(_.or([{ sort: _.gt(after.sort) }, { sort: after.sort, _id: _.gt(after.id) }]));
  const where = parts.length === 1 ? parts[0] : _.and(parts);
  const { data } = await products(db)
    .where(where as object)
    .field(WITHOUT_MARKS)
    .orderBy('sort', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data;
}

/** The products with these ids, by id (one request). */
export async function findProducts(db: Database, ids: readonly string[]): Promise<Map<string, ProductRecord>> {
  const unique = [...new Set(ids)];
  const { data } = await products(db)
    .where({ _id: db.command.in(unique) })
    .field(WITHOUT_MARKS)
    .limit(unique.length)
    .get();
  return new Map(data.map((p) => [p._id, p]));
}

/** How many products (on sale or not) name each category. */
export async function countByCategory(db: Database): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let skip = 0; ; skip += 100) {
    const { data } = await products(db)
      .where({ 'categoryIds.0': db.command.exists(true) })
      .field({ categoryIds: true })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(100)
      .get();
    for (const p of data) for (const id of p.categoryIds ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    if (data.length < 100) return counts;
  }
}

/** How many products (on sale or not) name this category. */
export async function countInCategory(db: Database, categoryId: string): Promise<number> {
  return (await products(db).where({ categoryIds: categoryId }).count()).total;
}

/**
 * Takes a removed category's id out of every product that names it, in one update (no product is written
 * otherwise). Readers ignore ids of categories that no longer exist, so a remove cut short here harms nothing.
 */
export async function leaveCategory(db: Database, categoryId: string, at: Date): Promise<void> {
  await products(db)
    .where({ categoryIds: categoryId })
    .update({ data: { categoryIds: db.command.pull(categoryId), updatedAt: at } });
}

/** The whole catalogue, on sale or not, in catalogue order (the owner's pages). */
export async function listAllProducts(db: Database): Promise<ProductRecord[]> {
  const out: ProductRecord[] = [];
  for (let skip = 0; ; skip += 100) {
    const { data } = await products(db)
      .field(WITHOUT_MARKS)
      .orderBy('sort', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(100)
      .get();
    out.push(...data);
    if (data.length < 100) return out;
  }
}

/** A product's own commission rate, or none (the shop default applies). */
export async function setProductRate(db: Database, id: string, rateBp: number | null): Promise<void> {
  await products(db)
    .doc(id)
    .update({ data: { commissionRateBp: rateBp === null ? db.command.remove() : rateBp } });
}

export interface ProductFields {
  title: string;
  description: string;
  images: string[];
  commissionRateBp: number | null;
  /** Absent: unchanged (an edit) or none (a new product). */
  categoryIds?: string[];
}

/** Who makes a change and with which request: new SKUs' ledger entries are keyed and fingerprinted by it. */
export interface Change {
  by: string;
  at: Date;
  requestHash: string;
  /** The id of the listed SKU at this position when it is new. */
  newSkuId: (position: number) => string;
}

type SaveOutcome =
  | {
      refused:
        | Exclude<ReturnType<typeof planSkus>, { skus: unknown }>['refused']
        | 'product.not_found'
        | 'product.request_conflict';
    }
  | { product: ProductRecord };

/** The initial stock of new SKUs, as ledger entries (none for a SKU that starts empty). */
async function recordInitialStock(
  t: Transaction,
  productId: string,
  created: readonly SkuRecord[],
  change: Change,
): Promise<void> {
  for (const sku of created) {
    if (sku.stock === 0) continue;
    const key = `${productId}:${sku.id}:initial`;
    await addEntry(t, {
      _id: key,
      key,
      productId,
      skuId: sku.id,
      spec: sku.spec,
      delta: sku.stock,
      stockAfter: sku.stock,
      reason: '新建规格',
      by: change.by,
      at: change.at,
      requestHash: change.requestHash,
    });
  }
}

/** Creates a product with its SKUs' initial stock in the ledger; a replay (same id) answers what the first wrote. */
export async function createProduct(
  db: Database,
  id: string,
  fields: ProductFields,
  skus: readonly WantedSku[],
  status: ProductRecord['status'],
  sort: number,
  change: Change,
): Promise<SaveOutcome> {
  return transact(db, async (t) => {
    const prior = await txGet<ProductRecord & { requestHash: string }>(t, 'products', id);
    if (prior)
      return prior.requestHash === change.requestHash
        ? { product: prior }
        : { refused: 'product.request_conflict' as const };
    const plan = planSkus([], skus, change.newSkuId);
    if ('refused' in plan) return plan;
    const { commissionRateBp, categoryIds = [], ...rest } = fields;
    const product: ProductRecord = {
      _id: id,
      ...rest,
      categoryIds,
      skus: plan.skus,
      status,
      sort,
      ...(commissionRateBp === null ? {} : { commissionRateBp }),
    };
    // `holds`: stock reservations' marks (data/stock.ts), present from the start so taking none changes nothing.
    const data = {
      ...product,
      holds: [],
      requestHash: change.requestHash,
      createdAt: change.at,
      updatedAt: change.at,
    };
    await t.collection('products').add({ data });
    await recordInitialStock(t, id, plan.created, change);
    return { product };
  });
}

/** Edits a product: its fields and its SKUs as core/product planSkus says, new SKUs' initial stock in the ledger. */
export async function editProduct(
  db: Database,
  id: string,
  fields: ProductFields,
  skus: readonly WantedSku[],
  change: Change,
): Promise<SaveOutcome> {
  return transact(db, async (t) => {
    const found = await txGet<ProductRecord>(t, 'products', id);
    if (!found) return { refused: 'product.not_found' as const };
    const plan = planSkus(found.skus, skus, change.newSkuId);
    if ('refused' in plan) return plan;
    const _ = db.command;
    const { commissionRateBp, categoryIds, ...rest } = fields;
    await t
      .collection('products')
      .doc(id)
      .update({
        data: {
          ...rest,
          ...(categoryIds ? { categoryIds: _.set(categoryIds) } : {}),
          skus: _.set(plan.skus),
          commissionRateBp: commissionRateBp === null ? _.remove() : commissionRateBp,
          updatedAt: change.at,
        },
      });
    await recordInitialStock(t, id, plan.created, change);
    const product: ProductRecord = { ...found, ...rest, skus: plan.skus, ...(categoryIds ? { categoryIds } : {}) };
    if (commissionRateBp === null) delete product.commissionRateBp;
    else product.commissionRateBp = commissionRateBp;
    return { product };
  });
}

/** Puts a product on sale or takes it off; false when there is no such product. */
export async function setStatus(db: Database, id: string, status: ProductRecord['status'], at: Date): Promise<boolean> {
  const { stats } = await products(db)
    .where({ _id: id })
    .update({ data: { status, updatedAt: at } });
  return stats.updated === 1 || (await findProduct(db, id)) !== null;
}

/** The catalogue's first position: a new product goes before it, so the newest shows first. */
export async function firstSort(db: Database): Promise<number> {
  const { data } = await products(db).orderBy('sort', 'asc').limit(1).field({ sort: true }).get();
  return data[0]?.sort ?? 0;
}
