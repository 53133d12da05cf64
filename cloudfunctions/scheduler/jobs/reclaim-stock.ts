// Stock taken by a reservation that no order took over (a crash inside order.create or a late payment) goes back.
import { reclaimStock as reclaim } from '../../flows/reclaim-stock';
import { BATCH, type JobContext } from '../job';

export async function reclaimStock(ctx: JobContext) {
  return reclaim(ctx.db, ctx.now(), BATCH);
}
