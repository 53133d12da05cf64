// Orders shipped longer ago than the auto-confirm days complete, exactly as the buyer's confirm (flows/complete.ts).
import { listDue } from '../../data/orders';
import { completeOrder } from '../../flows/complete';
import { BATCH, drain, type JobContext } from '../job';

export async function autoConfirm(ctx: JobContext) {
  const confirmed = await drain(
    ctx,
    'shipped order',
    (now) => listDue(ctx.db, 'shipped', 'autoConfirmAt', now, BATCH),
    (order, now) => completeOrder(ctx.db, order, 'system', now, ctx.rules),
    (order) => order._id,
  );
  return { confirmed };
}
