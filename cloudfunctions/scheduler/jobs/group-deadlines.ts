// Group buying's clock and its loose ends: groups whose time ran out are closed (failed, or succeeded when their
// last payment came just in time) and their orders follow (flows/group-settle.ts); closed groups whose orders did not
// all follow are settled again; orders that ended still holding their slot and units give them back; reservations
// of creates that crashed before their order are given back (flows/group-holds.ts).
import { listGroupHoldsStranded } from '../../data/orders';
import { listEnded, listUnsettled } from '../../data/groups';
import { reclaimGroupHolds, releaseGroupHolds } from '../../flows/group-holds';
import { settleGroup } from '../../flows/group-settle';
import { BATCH, drain, type JobContext } from '../job';

export async function groupDeadlines(ctx: JobContext) {
  const settle = (group: { _id: string }, now: Date) => settleGroup(ctx.cloud, ctx.db, group._id, now, ctx.settings);
  const ended = await drain(
    ctx,
    'ended group',
    (now) => listEnded(ctx.db, now, BATCH),
    settle,
    (g) => g._id,
  );
  const settled = await drain(
    ctx,
    'unsettled group',
    () => listUnsettled(ctx.db, BATCH),
    settle,
    (g) => g._id,
  );
  const released = await drain(
    ctx,
    'ended group order holding its slot',
    () => listGroupHoldsStranded(ctx.db, BATCH),
    (order) => releaseGroupHolds(ctx.db, order._id),
    (order) => order._id,
  );
  return { ended, settled, released, ...(await reclaimGroupHolds(ctx.db, ctx.now(), BATCH)) };
}
