// After a status change: the side states it opened are moved on at once (commission, points, purchase counts,
// reviews).
// The order is read once to see which sides the side-state table lets move now; each of those is its own
// transaction, and one that fails (a conflict, a crash) is left to the scheduler's sweep of the same table row, so
// the change that caused it never fails for it.
import type { ShopRules } from '../core/rules';
import { nextSideStep, type Side } from '../core/side-states';
import type { Database } from '../data/db';
import { findOrder } from '../data/orders';
import { moveCommission } from './commission';
import { movePoints } from './points';
import { countPurchases } from './purchases';
import { withdrawReviews } from './reviews';
import { sideFactsOf } from './side-facts';

type Mover = (db: Database, orderId: string, now: Date, rules: ShopRules) => Promise<string>;

/** The flow that moves each side state (its outcome 'nothing' when the table allows no step now). */
export const SIDE_MOVERS: Record<Side, Mover> = {
  commission: moveCommission,
  pointsBack: movePoints,
  pointsEarn: movePoints,
  purchase: countPurchases,
  reviews: withdrawReviews,
};

export async function followUp(db: Database, orderId: string, now: Date, rules: ShopRules): Promise<void> {
  const order = await findOrder(db, orderId);
  if (!order) return;
  const facts = sideFactsOf(order);
  const sides = (Object.keys(SIDE_MOVERS) as Side[]).filter((side) =>
    nextSideStep(side, facts, now, rules.afterSaleDays),
  );
  // One call per flow, though it may move two sides (points: what was spent and what was earned).
  const due = new Set(sides.map((side) => SIDE_MOVERS[side]));
  await Promise.all(
    [...due].map(async (move) => {
      try {
        await move(db, orderId, now, rules);
      } catch (error) {
        console.error(`order ${orderId}: ${move.name} deferred to the scheduler`, error);
      }
    }),
  );
}
