// Verified purchases ("TA 买过 N 次"): a completed order counts once for each of its products; a refund takes the
// count back. The order's `purchase` side state moves along the side-state table in one transaction with the counts,
// repeated safely by the change itself and the scheduler's sweep.
import type { ShopRules } from '../core/rules';
import { nextSideStep } from '../core/side-states';
import { transact, type Database } from '../data/db';
import { txFindOrder, txUpdateOrder } from '../data/orders';
import { txCountPurchases } from '../data/purchases';
import { sideFactsOf } from './side-facts';

export type PurchaseOutcome = 'nothing' | 'counted' | 'skipped' | 'uncounted';

export async function countPurchases(
  db: Database,
  orderId: string,
  now: Date,
  rules: ShopRules,
): Promise<PurchaseOutcome> {
  return transact(db, async (t) => {
    const order = await txFindOrder(t, orderId);
    if (!order) return 'nothing';
    const step = nextSideStep('purchase', sideFactsOf(order), now, rules.afterSaleDays);
    if (!step) return 'nothing';
    const products = order.items.map((l) => l.productId);
    if (step.step === 'counted') await txCountPurchases(t, order.buyerId, products, 1, now);
    if (step.step === 'uncounted') await txCountPurchases(t, order.buyerId, products, -1, now);
    await txUpdateOrder(t, orderId, { purchase: step.to });
    return step.step;
  });
}
