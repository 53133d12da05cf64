// Verified purchases: `purchases/<openid>:<productId>` counts a member's completed, unrefunded orders of a product
// (what the trust badge "TA 买过 N 次" says) and when the last one completed (how many members bought it lately).
// The order's `purchase` flag (owed when it completes → counted → closed when a refund takes it back) makes every
// count happen once: each step is one transaction with the order, repeated safely by the change and the scheduler.
import { getOrNull, txGet, type Database } from './db';
import type { OrderRecord } from './orders';

export interface PurchaseRecord {
  _id: string;
  buyerId: string;
  productId: string;
  count: number;
  lastAt: Date;
}

export const purchaseId = (openid: string, productId: string) => `${openid}:${productId}`;
const purchases = (db: Database) => db.collection<PurchaseRecord>('purchases');

export type PurchaseOutcome = 'nothing' | 'counted' | 'uncounted' | 'closed';

export async function reconcilePurchase(db: Database, orderId: string, now: Date): Promise<PurchaseOutcome> {
  return db.runTransaction(async (t) => {
    const order = await txGet<OrderRecord>(t, 'orders', orderId);
    if (!order) return 'nothing';
    let delta: 1 | -1;
    if (order.purchase === 'owed' && order.status === 'completed') delta = 1;
    else if (order.purchase === 'owed' && order.status === 'refunded') {
      await t.collection('orders').doc(orderId).update({ data: { purchase: 'closed' } });
      return 'closed';
    } else if (order.purchase === 'counted' && order.status === 'refunded') delta = -1;
    else return 'nothing';
    for (const productId of new Set(order.items.map((l) => l.productId))) {
      const id = purchaseId(order.buyerId, productId);
      const found = await txGet<PurchaseRecord>(t, 'purchases', id);
      if (found) {
        await t.collection('purchases').doc(id).update({ data: { count: Math.max(0, found.count + delta), ...(delta > 0 ? { lastAt: now } : {}) } });
      } else if (delta > 0) {
        await t.collection('purchases').doc(id).set({ data: { buyerId: order.buyerId, productId, count: 1, lastAt: now } });
      }
    }
    await t.collection('orders').doc(orderId).update({ data: { purchase: delta > 0 ? 'counted' : 'closed' } });
    return delta > 0 ? 'counted' : 'uncounted';
  }, 5);
}

/** Moves the order's purchase count on now; if that fails, the scheduler's sweep does it later. */
export async function catchUpPurchase(db: Database, orderId: string, now: Date): Promise<void> {
  try {
    await reconcilePurchase(db, orderId, now);
  } catch (error) {
    console.error(`order ${orderId}: purchase count deferred to the scheduler`, error);
  }
}

export async function verifiedPurchases(db: Database, openid: string, productId: string): Promise<number> {
  return (await getOrNull(purchases(db), purchaseId(openid, productId)))?.count ?? 0;
}

/** Members with a completed, unrefunded order of the product completed since `since`. */
export async function recentBuyers(db: Database, productId: string, since: Date): Promise<number> {
  const _ = db.command;
  const { total } = await purchases(db).where({ productId, count: _.gt(0), lastAt: _.gte(since) }).count();
  return total;
}

/** The member's verified purchases by product (only products still counted). */
export async function purchasesOf(db: Database, openid: string): Promise<Map<string, number>> {
  const { data } = await purchases(db).where({ buyerId: openid, count: db.command.gt(0) }).limit(1000).get();
  return new Map(data.map((p) => [p.productId, p.count]));
}
