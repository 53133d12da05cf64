// An order's points, moved along the side-state table (core/side-states.ts) like its commission: spent points go
// back when it is cancelled (all) or refunded (the refunded share); completion credits its earnings as a pending
// lot, which becomes spendable when the after-sale window closes, or loses the refunded share to a refund (the
// rest becomes spendable: the order is final). Each move is one transaction with the account and its ledger
// entries, so the change itself and the scheduler's sweep after a crash can both run it safely.
// An after-sale case's partial refund moves its share inside the transaction that records it (`txPointsForCase`,
// flows/after-sale.ts): spent points go back in steps (`casePointsBack` counts them), pending earnings shrink;
// what comes later (earning, settling, a full refund) counts only what is left.
import { goodsPaidOf } from '../core/after-sale';
import { earnedCancelledOf, earnedPoints, pointsBackOf, takesBetween } from '../core/points';
import type { ShopRules } from '../core/rules';
import { nextSideStep, type SideStates } from '../core/side-states';
import { transact, type Database, type Transaction } from '../data/db';
import { txFindOrder, txUpdateOrder, type OrderRecord } from '../data/orders';
import {
  openAccount,
  queueEarn,
  queueCutPending,
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

/**
 * What refunds take back of an order: its goods paid and the refunded part (a cancel or a refund in full: all of
 * it; otherwise what after-sale cases refunded so far).
 */
function refundShare(order: OrderRecord): { paidFen: number; refundFen: number } {
  // Points are spent on and earned by goods: the share is of the goods paid (shipping no part of it).
  const paidFen = goodsPaidOf(order);
  if (order.status === 'cancelled' || order.status === 'refunded') return { paidFen, refundFen: paidFen };
  return { paidFen, refundFen: order.refundedFen ?? 0 };
}

/**
 * An after-sale case's partial refund (the order's refunds now total `refundedFen`), inside the transaction that
 * records it: the spent points' share goes back to the lots the whole would go to, and pending earnings lose their
 * share, each once (keys `<orderId>:return:<caseId>`, `<orderId>:cut:<caseId>`). Earnings not credited yet are
 * credited later on what is kept; spendable ones cannot be here (they wait while a case is open). Returns the
 * order's fields to write with it.
 */
export async function txPointsForCase(
  t: Transaction,
  order: OrderRecord,
  caseId: string,
  refundedFen: number,
  now: Date,
  rules: ShopRules,
): Promise<{ casePointsBack?: number }> {
  const paidFen = goodsPaidOf(order);
  const before = order.refundedFen ?? 0;
  const backBefore = order.casePointsBack ?? 0;
  const backAfter = order.pointsBack ? backBefore : pointsBackOf(order.amounts.pointsUsed, paidFen, refundedFen);
  const lot = order.pointsEarn === 'pending';
  if (backAfter <= backBefore && !lot) return {};
  const account = await openAccount(t, order.buyerId, now);
  if (backAfter > backBefore) {
    const takes = takesBetween(order.points?.taken ?? [], backBefore, backAfter);
    queueGiveBack(account, order._id, takes, now, `${order._id}:return:${caseId}`);
  }
  if (lot) {
    const earned = fullEarnings(order, rules);
    const cut = earnedCancelledOf(earned, paidFen, refundedFen) - earnedCancelledOf(earned, paidFen, before);
    queueCutPending(account, order._id, cut, `${order._id}:cut:${caseId}`);
  }
  await saveAccount(t, account, now);
  return backAfter > backBefore ? { casePointsBack: backAfter } : {};
}

/** What the order earns with nothing refunded: points per yuan of goods paid, at the order's own rate. */
function fullEarnings(order: OrderRecord, rules: ShopRules): number {
  const paidGoods = order.amounts.goodsFen - (order.amounts.couponFen ?? 0) - order.amounts.pointsDiscountFen;
  return earnedPoints(paidGoods, order.pointsRules?.earnPerYuan ?? rules.pointsEarnPerYuan);
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
  // Earnings on the goods paid, less the share after-sale cases refunded before they were credited.
  const earned = () => {
    const full = fullEarnings(order, rules);
    const early = order.status === 'completed' ? (order.refundedFen ?? 0) : 0;
    return full - earnedCancelledOf(full, paidFen, early);
  };
  const expiry = { pointsExpiryDays: order.pointsRules?.expiryDays ?? rules.pointsExpiryDays };
  switch (step) {
    case 'returned': {
      // A cancel gives every spent point back; a refund its share, to the lots that expire last (less what
      // after-sale cases gave back already).
      const back =
        order.status === 'cancelled'
          ? order.amounts.pointsUsed
          : pointsBackOf(order.amounts.pointsUsed, paidFen, refundFen);
      const given = order.status === 'cancelled' ? 0 : (order.casePointsBack ?? 0);
      const key = order.status === 'cancelled' ? `${order._id}:return` : `${order._id}:return:refund`;
      if (back > given && !(await isRecorded(key)))
        queueGiveBack(account, order._id, takesBetween(order.points?.taken ?? [], given, back), now, key);
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
