// Every row of the side-state table (core/side-states.ts) is swept: orders whose commission, points or purchase
// count can take a step now (one a crash or a conflict interrupted, or one the after-sale window was waiting for).
import { SIDE_STEPS, type Side } from '../../core/side-states';
import { listSideDue } from '../../data/orders';
import { moveCommission } from '../../flows/commission';
import { movePoints } from '../../flows/points';
import { countPurchases } from '../../flows/purchases';
import { BATCH, drain, type JobContext } from '../job';

const MOVERS = {
  commission: moveCommission,
  pointsBack: movePoints,
  pointsEarn: movePoints,
  purchase: countPurchases,
} satisfies Record<Side, unknown>;

export async function moveSideStates(ctx: JobContext) {
  const counts: Record<string, number> = {};
  for (const row of SIDE_STEPS) {
    const move = MOVERS[row.side];
    counts[`${row.side}.${row.step}`] = await drain(
      ctx,
      `${row.side} of order`,
      (now) => listSideDue(ctx.db, row, now, ctx.rules.afterSaleDays, BATCH),
      async (order, now) => (await move(ctx.db, order._id, now, ctx.rules)) !== 'nothing',
      (order) => order._id,
    );
  }
  return counts;
}
