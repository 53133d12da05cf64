// Flash sales past their end: their unsold units go back to the SKUs (flows/flash-sale.ts endSale).
import { listDueToReturn } from '../../data/flash-sales';
import { endSale } from '../../flows/flash-sale';
import { BATCH, drain, type JobContext } from '../job';

export async function endFlashSales(ctx: JobContext) {
  const ended = await drain(
    ctx,
    'flash sale',
    (now) => listDueToReturn(ctx.db, now, BATCH),
    async (sale, now) => (await endSale(ctx.db, sale._id, now, false))?.returned === true,
    (sale) => sale._id,
  );
  return { ended };
}
