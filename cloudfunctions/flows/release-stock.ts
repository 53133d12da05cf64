// Releasing stock: an order whose goods never left (cancelled, or refunded while it waited to ship) gives its
// stock back exactly once. The order's `holdsStock` flag and the SKUs' stock change in one transaction; a conflict
// or a crash leaves the flag set, and the scheduler's next run releases it, so stock is never lost nor returned twice.
import { transact, type Database } from '../data/db';
import { txReturnStock } from '../data/stock';
import { txFindOrder, txUpdateOrder, type OrderRecord } from '../data/orders';
import { isFlashLine, txReleaseFlashLines } from './flash-sale';

/** Refunded in full before anything shipped: a late payment, a group that failed, a payment that found no slot. */
const UNSHIPPED = ['paid', 'grouping', 'pending_payment', 'cancelled'];

/** An order whose goods never left: cancelled, or refunded while it was still waiting to ship. */
export function releasable(order: Pick<OrderRecord, 'status' | 'refund'>): boolean {
  return (
    order.status === 'cancelled' ||
    (order.status === 'refunded' && UNSHIPPED.includes(order.refund?.fromStatus as string))
  );
}

/** Gives back the stock the order holds, if it holds any and may release it; false when there was nothing to do. */
export async function releaseStock(db: Database, orderId: string): Promise<boolean> {
  return transact(db, async (t) => {
    const order = await txFindOrder(t, orderId);
    if (!order?.holdsStock || !releasable(order)) return false;
    await txUpdateOrder(t, orderId, { holdsStock: false });
    // A cancel's flash lines go back to their sale (flows/flash-sale.ts); a refund's to the SKU like any line.
    const flash = order.status === 'cancelled' ? order.items.filter(isFlashLine) : [];
    if (flash.length > 0) await txReleaseFlashLines(t, db, order.buyerId, flash);
    const byProduct = new Map<string, OrderRecord['items']>();
    for (const line of order.items.filter((l) => !flash.includes(l)))
      byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
    for (const [productId, lines] of byProduct) await txReturnStock(t, db, productId, lines);
    return true;
  });
}

/** Releases now; a failure (a conflict, a crash) is left to the scheduler's sweep of stranded stock. */
export async function releaseStockSoon(db: Database, orderId: string): Promise<void> {
  try {
    await releaseStock(db, orderId);
  } catch (error) {
    console.error(`order ${orderId}: stock release deferred to the scheduler`, error);
  }
}
