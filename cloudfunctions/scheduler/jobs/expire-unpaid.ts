// Orders left unpaid past their deadline are cancelled, exactly as the buyer's cancel (flows/cancel.ts).
import { listDue } from '../../data/orders';
import { cancelOrder } from '../../flows/cancel';
import { BATCH, drain, type JobContext } from '../job';

export async function expireUnpaid(ctx: JobContext) {
  const expired = await drain(
    ctx,
    'unpaid order',
    (now) => listDue(ctx.db, 'pending_payment', 'payBefore', now, BATCH),
    (order, now) => cancelOrder(ctx.db, order, 'system', now, ctx.rules),
    (order) => order._id,
  );
  return { expired };
}
