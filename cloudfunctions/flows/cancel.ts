// Cancelling an unpaid order, the buyer's cancel and the unpaid timeout alike: the order is cancelled, its stock
// goes back and the points it spent are given back (the side state the cancel opens).
import type { Actor } from '../core/order-flow';
import type { ShopRules } from '../core/rules';
import type { Database } from '../data/db';
import type { OrderRecord } from '../data/orders';
import { followUp } from './follow-up';
import { releaseStockSoon } from './release-stock';
import { moveOrder } from './transition';

const HOW = {
  buyer: { transition: 'cancel', detail: '买家取消' },
  system: { transition: 'expire', detail: '超时未付款，自动取消' },
} as const;

/** True when this call cancelled the order; false when another change got there first. */
export async function cancelOrder(
  db: Database,
  order: OrderRecord,
  by: Extract<Actor, 'buyer' | 'system'>,
  now: Date,
  rules: ShopRules,
) {
  const { transition, detail } = HOW[by];
  const moved = await moveOrder(db, order, transition, by, now, rules, {
    patch: { cancelledAt: now },
    event: { label: '已取消', detail },
  });
  if (!moved) return false;
  await releaseStockSoon(db, order._id);
  if (order.amounts.pointsUsed > 0) await followUp(db, order._id, now, rules);
  return true;
}
