// Verified purchases: `purchases/<openid>:<productId>` counts a member's completed, unrefunded orders of a product
// (what the trust badge "TA 买过 N 次" says) and when the last one completed (how many members bought it lately).
// When a count is added or taken back is decided in flows/purchases.ts.
import { getOrNull, txGet, type Database, type Transaction } from './db';

export interface PurchaseRecord {
  _id: string;
  buyerId: string;
  productId: string;
  count: number;
  lastAt: Date;
}

export const purchaseId = (openid: string, productId: string) => `${openid}:${productId}`;
const purchases = (db: Database) => db.collection<PurchaseRecord>('purchases');

/** Adds `delta` to the member's count of each product of the order, inside the caller's transaction. */
export async function txCountPurchases(
  t: Transaction,
  buyerId: string,
  productIds: readonly string[],
  delta: 1 | -1,
  now: Date,
) {
  for (const productId of new Set(productIds)) {
    const id = purchaseId(buyerId, productId);
    const found = await txGet<PurchaseRecord>(t, 'purchases', id);
    if (found) {
      const data = { count: Math.max(0, found.count + delta), ...(delta > 0 ? { lastAt: now } : {}) };
      await t.collection('purchases').doc(id).update({ data });
    } else if (delta > 0) {
      await t
        .collection('purchases')
        .doc(id)
        .set({ data: { buyerId, productId, count: 1, lastAt: now } });
    }
  }
}

export async function verifiedPurchases(db: Database, openid: string, productId: string): Promise<number> {
  return (await getOrNull(purchases(db), purchaseId(openid, productId)))?.count ?? 0;
}

/** Members with a completed, unrefunded order of the product completed since `since`. */
export async function recentBuyers(db: Database, productId: string, since: Date): Promise<number> {
  const _ = db.command;
  const { total } = await purchases(db)
    .where({ productId, count: _.gt(0), lastAt: _.gte(since) })
    .count();
  return total;
}

/** The member's verified purchases by product (only products still counted). */
export async function purchasesOf(db: Database, openid: string): Promise<Map<string, number>> {
  const { data } = await purchases(db)
    .where({ buyerId: openid, count: db.command.gt(0) })
    .limit(1000)
    .get();
  return new Map(data.map((p) => [p.productId, p.count]));
}
