// The `scheduler` cloud function (timer trigger, every minute): cancels orders left unpaid past their deadline
// (their stock goes back), confirms receipt of orders shipped longer ago than the auto-confirm days, and finishes
// any stock release that an earlier change could not complete; and moves commission on: credits paid orders whose
// crediting could not finish, settles it when the after-sale window closes, reverses it for refunds; and moves
// points on the same way (returns, earnings, spendable after the window, cancelled by refunds), then expires lots.
import cloud from 'wx-server-sdk';
import { databaseOf } from '../data/db';
import { cancelPending, completion, releasable, releaseHeld } from '../data/order-changes';
import { catchUpPoints, reconcilePoints, type PointsOutcome } from '../data/order-points';
import { expireAccount, listExpiring } from '../data/points';
import { catchUpPurchase, reconcilePurchase } from '../data/purchases';
import { listByFlags, listDue, listStranded, updateIfStatus } from '../data/orders';
import { reconcileCommission } from '../data/commissions';
import { loadSettings } from '../data/settings';
import { DAY_MS, type ShopRules } from '../core/rules';
import type { Database } from '../data/db';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const BATCH = 100;
/** Stop starting new batches after this long, well inside the function's timeout; the next run goes on. */
const BUDGET_MS = 40_000;

export async function main() {
  // Only its timer runs it: a client calling the function (a user's callFunction) changes nothing.
  const { SOURCE } = cloud.getWXContext() as { SOURCE?: string };
  if (SOURCE !== 'wx_trigger') return { refused: 'the scheduler runs only from its timer trigger' };
  const db = databaseOf(cloud);
  const started = Date.now();
  const { rules } = await loadSettings(db);
  let expired = 0;
  let confirmed = 0;
  for (;;) {
    const now = new Date();
    const due = await listDue(db, 'pending_payment', 'payBefore', now, BATCH);
    for (const order of due) if (await cancelPending(db, order, now, '超时未付款，自动取消', rules)) expired++;
    if (due.length < BATCH || Date.now() - started > BUDGET_MS) break;
  }
  for (;;) {
    const now = new Date();
    const due = await listDue(db, 'shipped', 'autoConfirmAt', now, BATCH);
    for (const order of due) {
      if (await updateIfStatus(db, order._id, 'shipped', completion(now), { at: now, label: '已收货', detail: '发货后自动确认收货' })) {
        confirmed++;
        await Promise.all([catchUpPoints(db, order._id, now, rules), catchUpPurchase(db, order._id, now)]);
      }
    }
    if (due.length < BATCH || Date.now() - started > BUDGET_MS) break;
  }
  let released = 0;
  for (const order of await listStranded(db, BATCH)) if (releasable(order) && (await releaseHeld(db, order._id))) released++;
  const commission = await moveCommission(db, new Date(), started, rules);
  const points = await movePoints(db, new Date(), started, rules);
  const purchases = await movePurchases(db, new Date(), started);
  return { expired, confirmed, released, ...commission, points, purchases };
}

/**
 * One sweep over orders that still owe a step (`where`, the order's flag and status): each is moved on by
 * `reconcile`, and its outcome counted. A batch in which nothing moved ends the sweep (the rest waits for the next
 * run), as does the run's time budget.
 */
async function sweep<O extends string>(
  db: Database,
  where: Record<string, unknown>,
  reconcile: (orderId: string) => Promise<O | 'nothing'>,
  counts: Record<O, number>,
  what: string,
  started: number,
): Promise<void> {
  for (;;) {
    const due = await listByFlags(db, where, BATCH);
    let moved = 0;
    for (const order of due) {
      try {
        const outcome = await reconcile(order._id);
        if (outcome !== 'nothing') {
          counts[outcome]++;
          moved++;
        }
      } catch (error) {
        console.error(`order ${order._id}: ${what} not moved this run`, error);
      }
    }
    if (due.length < BATCH || moved === 0 || Date.now() - started > BUDGET_MS) return;
  }
}

async function moveCommission(db: Database, now: Date, started: number, rules: ShopRules) {
  const _ = db.command;
  const counts = { credited: 0, settled: 0, reversed: 0 };
  const windowStart = new Date(now.getTime() - rules.afterSaleDays * DAY_MS);
  for (const where of [
    { commissionState: 'owed', status: _.in(['paid', 'shipped', 'completed', 'refunding', 'refunded']) },
    { commissionState: 'credited', status: 'completed', completedAt: _.lte(windowStart) },
    { commissionState: 'credited', status: 'refunded' },
  ]) {
    await sweep(db, where, (id) => reconcileCommission(db, id, now, rules), counts, 'commission', started);
  }
  return counts;
}

async function movePoints(db: Database, now: Date, started: number, rules: ShopRules) {
  const _ = db.command;
  const counts: Record<Exclude<PointsOutcome, 'nothing'>, number> = { returned: 0, earned: 0, spendable: 0, cancelled: 0 };
  const windowStart = new Date(now.getTime() - rules.afterSaleDays * DAY_MS);
  for (const where of [
    { pointsBack: 'owed', status: _.in(['cancelled', 'refunded']) },
    { pointsEarn: 'owed', status: _.in(['completed', 'refunded']) },
    { pointsEarn: 'pending', status: 'completed', completedAt: _.lte(windowStart) },
    { pointsEarn: 'pending', status: 'refunded' },
  ]) {
    await sweep(db, where, (id) => reconcilePoints(db, id, now, rules), counts, 'points', started);
  }
  let expired = 0;
  for (;;) {
    const due = await listExpiring(db, now, BATCH);
    for (const openid of due) {
      try {
        expired += await expireAccount(db, openid, now);
      } catch (error) {
        console.error(`points of ${openid}: not expired this run`, error);
      }
    }
    if (due.length < BATCH || Date.now() - started > BUDGET_MS) break;
  }
  return { ...counts, expired };
}

/** Verified purchase counts a completion or a refund could not finish. */
async function movePurchases(db: Database, now: Date, started: number) {
  const counts = { counted: 0, uncounted: 0, closed: 0 };
  for (const where of [{ purchase: 'owed', status: db.command.in(['completed', 'refunded']) }, { purchase: 'counted', status: 'refunded' }]) {
    await sweep(db, where, (id) => reconcilePurchase(db, id, now), counts, 'purchase count', started);
  }
  return counts;
}
