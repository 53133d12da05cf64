// SKU stock lives in its product document (products/<id>.skus[i].stock). Every change is one conditional
// update of that document, atomic on its own: a reservation applies only while enough stock is left, so stock
// never goes below zero under any concurrency, without a transaction to conflict on.
import type { PricedLine } from '../core/pricing';
import type { ProductRecord } from '../core/product';
import type { Database } from './db';

type Held = Pick<PricedLine, 'productId' | 'skuId' | 'skuIndex' | 'qty'>;

const products = (db: Database) => db.collection<ProductRecord>('products');

/** Takes `qty` of one SKU if that much is left; false when it is not. */
async function take(db: Database, line: Held): Promise<boolean> {
  const _ = db.command;
  const path = `skus.${line.skuIndex}`;
  const { stats } = await products(db)
    .where({ _id: line.productId, [`${path}.id`]: line.skuId, [`${path}.stock`]: _.gte(line.qty) })
    .update({ data: { [`${path}.stock`]: _.inc(-line.qty) } });
  return stats.updated === 1;
}

/** Gives `qty` of one SKU back. */
async function give(db: Database, line: Held): Promise<void> {
  const _ = db.command;
  const path = `skus.${line.skuIndex}`;
  await products(db)
    .where({ _id: line.productId, [`${path}.id`]: line.skuId })
    .update({ data: { [`${path}.stock`]: _.inc(line.qty) } });
}

/**
 * Reserves every line or none: lines are taken in order and, at the first that lacks stock, the ones already
 * taken are given back. Returns the line that could not be reserved, or null when all were.
 */
export async function reserveAll(db: Database, lines: readonly Held[]): Promise<Held | null> {
  const taken: Held[] = [];
  for (const line of lines) {
    if (await take(db, line)) {
      taken.push(line);
      continue;
    }
    await releaseAll(db, taken);
    return line;
  }
  return null;
}

export async function releaseAll(db: Database, lines: readonly Held[]): Promise<void> {
  await Promise.all(lines.map((line) => give(db, line)));
}
