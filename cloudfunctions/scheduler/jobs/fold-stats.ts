// The rollups catch up: orders whose payment or refund was recorded but not folded (a conflict or a crash after the
// change), then, once, every order paid before the rollups existed (flows/stats.ts folds each on its own days).
import { listStatsDue } from '../../data/orders';
import { listUnfolded } from '../../data/stats';
import { foldOrderStats } from '../../flows/stats';
import { BATCH, drain, type JobContext } from '../job';

export async function foldStats(ctx: JobContext) {
  const fold = async (order: { _id: string }) =>
    (await foldOrderStats(ctx.db, order._id, ctx.rules, ctx.now())) === 'folded';
  const idOf = (order: { _id: string }) => order._id;
  return {
    due: await drain(ctx, 'stats of order', () => listStatsDue(ctx.db, BATCH), fold, idOf),
    backfilled: await drain(ctx, 'stats of old order', () => listUnfolded(ctx.db, BATCH, ctx.now()), fold, idOf),
  };
}
