// Shipping info that did not reach WeChat (a failed upload, or one cut off between the ship and the upload) is
// uploaded again, a bounded number of times (flows/upload-shipping.ts); 48001 and 'off' are never retried.
import { listShippingSyncDue } from '../../data/orders';
import { uploadShipping as upload } from '../../flows/upload-shipping';
import { BATCH, drain, type JobContext } from '../job';

export async function uploadShipping(ctx: JobContext) {
  const outcomes = { synced: 0, failed: 0, not_joined: 0, off: 0 };
  const tried = await drain(
    ctx,
    'shipping info of order',
    (now) => listShippingSyncDue(ctx.db, now, BATCH),
    async (order, now) => {
      const next = await upload(ctx, order, ctx.settings, now);
      if (next && next.status !== 'pending') outcomes[next.status]++;
      return next !== null;
    },
    (order) => order._id,
  );
  return { tried, ...outcomes };
}
