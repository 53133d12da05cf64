// Stock that a cancel or a refund could not give back at once (a conflict, a crash) goes back now.
import { listStranded } from '../../data/orders';
import { releasable, releaseStock } from '../../flows/release-stock';
import { BATCH, drain, type JobContext } from '../job';

export async function releaseStranded(ctx: JobContext) {
  const released = await drain(
    ctx,
    'stranded stock of order',
    () => listStranded(ctx.db, BATCH),
    async (order) => releasable(order) && releaseStock(ctx.db, order._id),
    (order) => order._id,
  );
  return { released };
}
