// Completing a shipped order, the buyer's confirmation and the automatic one alike: its after-sale window starts,
// and its earnings and its verified purchase count are owed (the side states completion opens).
import type { Actor } from '../core/order-flow';
import type { ShopRules } from '../core/rules';
import type { Database } from '../data/db';
import type { OrderRecord } from '../data/orders';
import { followUp } from './follow-up';
import { moveOrder } from './transition';

const HOW = {
  buyer: { transition: 'confirmReceipt', detail: '买家确认收货' },
  system: { transition: 'autoConfirm', detail: '发货后自动确认收货' },
} as const;

/** True when this call completed the order; false when another change got there first. */
export async function completeOrder(
  db: Database,
  order: OrderRecord,
  by: Extract<Actor, 'buyer' | 'system'>,
  now: Date,
  rules: ShopRules,
) {
  const { transition, detail } = HOW[by];
  const moved = await moveOrder(db, order, transition, by, now, rules, {
    patch: { completedAt: now },
    event: { label: '已收货', detail },
  });
  if (!moved) return false;
  await followUp(db, order._id, now, rules);
  return true;
}
