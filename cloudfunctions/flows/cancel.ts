// Cancelling an unpaid order, the buyer's cancel and the unpaid timeout alike: the order is cancelled, its stock
// goes back and the points it spent are given back (the side state the cancel opens). An order holding a coupon is
// cancelled in one transaction with the coupon's return, so the two never part. A group order frees its slot and
// the activity's units (flows/group-holds.ts).
import type { Actor } from '../core/order-flow';
import type { ShopRules } from '../core/rules';
import { transact, type Database } from '../data/db';
import { txFindOrder, type OrderRecord } from '../data/orders';
import { txGiveCouponBack } from './coupons';
import { followUp } from './follow-up';
import { releaseGroupHoldsSoon } from './group-holds';
import { releaseStockSoon } from './release-stock';
import { moveOrder, moveOrderInTx, planMove } from './transition';

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
  const move = { patch: { cancelledAt: now }, event: { label: '已取消', detail } };
  let moved: unknown;
  if (order.coupon) {
    planMove(order, transition, by, now, rules); // the table's refusal, thrown before any transaction
    moved = await transact(db, async (t) => {
      const current = await txFindOrder(t, order._id);
      if (current?.status !== order.status) return null;
      const to = await moveOrderInTx(t, db, current, transition, by, now, rules, move);
      await txGiveCouponBack(t, current, now, 'cancel');
      return to;
    });
  } else {
    moved = await moveOrder(db, order, transition, by, now, rules, move);
  }
  if (!moved) return false;
  await releaseStockSoon(db, order._id);
  if (order.group) await releaseGroupHoldsSoon(db, order._id);
  if (order.amounts.pointsUsed > 0) await followUp(db, order._id, now, rules);
  return true;
}
