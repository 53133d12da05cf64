// Every row of the side-state table (core/side-states.ts) is swept: orders whose commission, points or purchase
// count can take a step now (one a crash or a conflict interrupted, or one the after-sale window was waiting for).
import { SIDE_STEPS } from '../../core/side-states';
import { listSideDue } from '../../data/orders';
import { SIDE_MOVERS } from '../../flows/follow-up';
import { BATCH, drain, type JobContext } from '../job';

export async function moveSideStates(ctx: JobContext) {
  const counts: Record<string, number> = {};
  for (const row of SIDE_STEPS) {
    const move = SIDE_MOVERS[row.side];
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
