// The catalogue. Products are listed by (sort, _id) for keyset paging.
import type { ProductRecord } from '../core/product';
import type { PagePosition } from '../core/paging';
import { getOrNull, type Database } from './db';

const products = (db: Database) => db.collection<ProductRecord>('products');

export async function findProduct(db: Database, id: string): Promise<ProductRecord | null> {
  return getOrNull(products(db), id);
}

/** Up to `limit` products on sale after `after` (exclusive), in catalogue order. */
export async function listOnSale(db: Database, after: PagePosition | null, limit: number): Promise<ProductRecord[]> {
  const _ = db.command;
  const where = after
    ? _.and([{ status: 'on_sale' }, _.or([{ sort: _.gt(after.sort) }, { sort: after.sort, _id: _.gt(after.id) }])])
    : { status: 'on_sale' };
  const { data } = await products(db).where(where as object).orderBy('sort', 'asc').orderBy('_id', 'asc').limit(limit).get();
  return data;
}

/** The products with these ids, by id (one request). */
export async function findProducts(db: Database, ids: readonly string[]): Promise<Map<string, ProductRecord>> {
  const unique = [...new Set(ids)];
  const { data } = await products(db).where({ _id: db.command.in(unique) }).limit(unique.length).get();
  return new Map(data.map((p) => [p._id, p]));
}

/** The whole catalogue, on sale or not, in catalogue order (the owner's pages). */
export async function listAllProducts(db: Database): Promise<ProductRecord[]> {
  const out: ProductRecord[] = [];
  for (let skip = 0; ; skip += 100) {
    const { data } = await products(db).orderBy('sort', 'asc').orderBy('_id', 'asc').skip(skip).limit(100).get();
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
