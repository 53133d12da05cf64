// An order's points, moved along the side-state table (core/side-states.ts) like its commission: spent points go
// back when it is cancelled (all) or refunded (the refunded share); completion credits its earnings as a pending
// lot, which becomes spendable when the after-sale window closes, or loses the refunded share to a refund (the
// rest becomes spendable: the order is final). Each move is one transaction with the account and its ledger
// entries, so the change itself and the scheduler's sweep after a crash can both run it safely.
import { earnedCancelledOf, earnedPoints, pointsBackOf, takesFor } from '../core/points';
import type { ShopRules } from '../core/rules';
import { nextSideStep, type SideStates } from '../core/side-states';
import { transact, type Database } from '../data/db';
import { txFindOrder, txUpdateOrder, type OrderRecord } from '../data/orders';
import {
  openAccount,
  queueEarn,
  queueGiveBack,
  queueSettle,
  recorded,
  saveAccount,
  type OpenAccount,
} from '../data/points';
import { sideFactsOf } from './side-facts';

export type PointsOutcome = 'nothing' | 'returned' | 'earned' | 'earnedRefunded' | 'spendable' | 'cancelled';

export async function movePoints(db: Database, orderId: string, now: Date, rules: ShopRules): Promise<PointsOutcome> {
  return transact(db, async (t) => {
    const order = await txFindOrder(t, orderId);
    if (!order) return 'nothing';
    const facts = sideFactsOf(order);
    let outcome: PointsOutcome = 'nothing';
    let account: OpenAccount | null = null;
    const patch: SideStates = {};
    for (const side of ['pointsBack', 'pointsEarn'] as const) {
      for (let step = nextSideStep(side, facts, now, rules.afterSaleDays); step; ) {
        account ??= await openAccount(t, order.buyerId, now);
        await apply(step.step, order, account, now, rules, async (key) => recorded(t, key));
        outcome = step.step;
        facts[step.side] = step.to as never;
        patch[step.side] = step.to as never;
        step = nextSideStep(side, facts, now, rules.afterSaleDays);
      }
    }
    if (!account) return 'nothing';
    await saveAccount(t, account, now);
    await txUpdateOrder(t, orderId, { ...patch });
    return outcome;
  });
}

/** What refunds take back of an order: its paid amount and the refunded part (the whole of it unless refunded). */
function refundShare(order: OrderRecord): { paidFen: number; refundFen: number } {
  const paidFen = order.paidFen ?? order.amounts.payableFen;
  return { paidFen, refundFen: order.status === 'refunded' ? (order.refund?.refundFen ?? paidFen) : paidFen };
}

async function apply(
  step: Exclude<PointsOutcome, 'nothing'>,
  order: OrderRecord,
  account: OpenAccount,
  now: Date,
  rules: ShopRules,
  isRecorded: (key: string) => Promise<boolean>,
): Promise<void> {
  const { paidFen, refundFen } = refundShare(order);
  const earned = () => {
    const paidGoods = order.amounts.goodsFen - order.amounts.pointsDiscountFen;
    return earnedPoints(paidGoods, order.pointsRules?.earnPerYuan ?? rules.pointsEarnPerYuan);
  };
  const expiry = { pointsExpiryDays: order.pointsRules?.expiryDays ?? rules.pointsExpiryDays };
  switch (step) {
    case 'returned': {
      // A cancel gives every spent point back; a refund its share, to the lots that expire last.
      const back =
        order.status === 'cancelled'
          ? order.amounts.pointsUsed
          : pointsBackOf(order.amounts.pointsUsed, paidFen, refundFen);
      const key = order.status === 'cancelled' ? `${order._id}:return` : `${order._id}:return:refund`;
      if (back > 0 && !(await isRecorded(key)))
        queueGiveBack(account, order._id, takesFor(order.points?.taken ?? [], back), now, key);
      return;
    }
    case 'earned': {
      const points = earned();
      if (points > 0 && !(await isRecorded(`${order._id}:earn`))) queueEarn(account, order._id, points, now, expiry);
      return;
    }
    case 'earnedRefunded': {
      // Refunded before its earnings were credited: the kept share is credited and spendable at once.
      const points = earned();
      const kept = points - earnedCancelledOf(points, paidFen, refundFen);
      if (kept > 0 && !(await isRecorded(`${order._id}:earn`))) {
        queueEarn(account, order._id, kept, now, expiry);
        queueSettle(account, order._id, 0);
      }
      return;
    }
    case 'spendable':
      queueSettle(account, order._id, 0);
      return;
    case 'cancelled': {
      const lot = account.lots.find((l) => l.orderId === order._id && l.state === 'pending');
      queueSettle(account, order._id, lot ? earnedCancelledOf(lot.left, paidFen, refundFen) : 0);
      return;
    }
  }
}
