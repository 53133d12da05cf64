// After a status change: the side states it opened are moved on at once (commission, points, purchase counts).
// Each is its own transaction; one that fails (a conflict, a crash) is left to the scheduler's sweep of the same
// table row, so the change that caused it never fails for it.
import type { ShopRules } from '../core/rules';
import type { Database } from '../data/db';
import { moveCommission } from './commission';
import { movePoints } from './points';
import { countPurchases } from './purchases';

const STEPS = { commission: moveCommission, points: movePoints, purchases: countPurchases } as const;

export async function followUp(db: Database, orderId: string, now: Date, rules: ShopRules): Promise<void> {
  await Promise.all(
    Object.entries(STEPS).map(async ([what, step]) => {
      try {
        await step(db, orderId, now, rules);
      } catch (error) {
        console.error(`order ${orderId}: ${what} deferred to the scheduler`, error);
      }
    }),
  );
}
