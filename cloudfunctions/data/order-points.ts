// An order's points, moved forward from whatever state the order is in (like its commission): spent points go back
// when it is cancelled or refunded; completion credits its earnings as a pending lot; the lot becomes spendable
// when the after-sale window closes, or is cancelled by a refund before then. The order's `pointsBack` and
// `pointsEarn` say what is still owed; each step is one transaction with the account and its ledger entry, so the
// callers (the change itself, then the scheduler's sweep after a crash) can repeat it safely.
import { earnedPoints } from '../core/points';
import { DAY_MS, type ShopRules } from '../core/rules';
import { txGet, type Database } from './db';
import type { OrderRecord } from './orders';
import { openAccount, queueEarn, queueGiveBack, queueSettle, recorded, saveAccount } from './points';

export type PointsOutcome = 'nothing' | 'returned' | 'earned' | 'spendable' | 'cancelled';

export async function reconcilePoints(db: Database, orderId: string, now: Date, rules: ShopRules): Promise<PointsOutcome> {
  return db.runTransaction(async (t) => {
    const order = await txGet<OrderRecord>(t, 'orders', orderId);
    if (!order || (order.pointsBack !== 'owed' && (order.pointsEarn === undefined || order.pointsEarn === 'closed'))) return 'nothing';
    const account = await openAccount(t, order.buyerId, now);
    const patch: Partial<Pick<OrderRecord, 'pointsBack' | 'pointsEarn'>> = {};
    let outcome: PointsOutcome = 'nothing';

    if (order.pointsBack === 'owed' && (order.status === 'cancelled' || order.status === 'refunded')) {
      if (!(await recorded(t, `${orderId}:return`))) queueGiveBack(account, orderId, order.points?.taken ?? [], now);
      patch.pointsBack = 'done';
      outcome = 'returned';
    }

    if (order.pointsEarn === 'owed') {
      if (order.status === 'completed') {
        const paidGoods = order.amounts.goodsFen - order.amounts.pointsDiscountFen;
        const points = earnedPoints(paidGoods, order.pointsRules?.earnPerYuan ?? rules.pointsEarnPerYuan);
        if (points > 0 && !(await recorded(t, `${orderId}:earn`))) {
          queueEarn(account, orderId, points, now, { pointsExpiryDays: order.pointsRules?.expiryDays ?? rules.pointsExpiryDays });
        }
        patch.pointsEarn = points > 0 ? 'pending' : 'closed';
        outcome = 'earned';
      } else if (order.status === 'refunded') {
        patch.pointsEarn = 'closed';
      }
    } else if (order.pointsEarn === 'pending') {
      if (order.status === 'refunded') {
        queueSettle(account, orderId, 'cancelled');
        patch.pointsEarn = 'closed';
        outcome = 'cancelled';
      } else if (order.status === 'completed' && order.completedAt && new Date(order.completedAt).getTime() + rules.afterSaleDays * DAY_MS <= now.getTime()) {
        queueSettle(account, orderId, 'available');
        patch.pointsEarn = 'closed';
        outcome = 'spendable';
      }
    }

    if (Object.keys(patch).length === 0) return 'nothing';
    await saveAccount(t, account, now);
    await t.collection('orders').doc(orderId).update({ data: patch });
    return outcome;
  }, 5);
}

/** Moves the order's points on now; if that fails (a conflict, a crash), the scheduler's sweep does it later. */
export async function catchUpPoints(db: Database, orderId: string, now: Date, rules: ShopRules): Promise<void> {
  try {
    await reconcilePoints(db, orderId, now, rules);
  } catch (error) {
    console.error(`order ${orderId}: points deferred to the scheduler`, error);
  }
}
