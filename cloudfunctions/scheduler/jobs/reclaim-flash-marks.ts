// Flash-sale units taken by a reservation that no order took over go back (flows/flash-sale.ts reclaimFlashMarks).
import { reclaimFlashMarks as reclaim } from '../../flows/flash-sale';
import { BATCH, type JobContext } from '../job';

export async function reclaimFlashMarks(ctx: JobContext) {
  return reclaim(ctx.db, ctx.now(), BATCH);
}
