// Review photos whose content check never started (a technical failure) or never got a verdict are asked about
// again, a bounded number of times (flows/photo-checks.ts): meanwhile they stay hidden from others.
import { listPhotoChecksDue } from '../../data/reviews';
import { askPhotoChecks } from '../../flows/photo-checks';
import { BATCH, drain, type JobContext } from '../job';

export async function recheckPhotos(ctx: JobContext) {
  let asked = 0;
  const reviews = await drain(
    ctx,
    'photo checks of review',
    (now) => listPhotoChecksDue(ctx.db, now, BATCH),
    async (review, now) => {
      const started = await askPhotoChecks(ctx, review, now);
      asked += started;
      return started > 0;
    },
    (review) => review._id,
  );
  return { reviews, asked };
}
