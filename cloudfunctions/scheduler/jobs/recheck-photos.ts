// Photos whose content check never started (a technical failure) or never got a verdict are asked about again, a
// bounded number of times (flows/photo-checks.ts): reviews' and after-sale cases' alike. Meanwhile they stay hidden
// from others.
import {
  askPhotoChecks,
  CASE_PHOTOS,
  REVIEW_PHOTOS,
  type PhotoStore,
  type PhotoSubject,
} from '../../flows/photo-checks';
import { BATCH, drain, type JobContext } from '../job';

export async function recheckPhotos(ctx: JobContext) {
  let asked = 0;
  const recheck = <T extends PhotoSubject>(store: PhotoStore<T>) =>
    drain(
      ctx,
      `photo checks of ${store.what}`,
      (now) => store.listDue(ctx.db, now, BATCH),
      async (subject, now) => {
        const started = await askPhotoChecks(ctx, store, subject, now);
        asked += started;
        return started > 0;
      },
      (subject) => subject._id,
    );
  const reviews = await recheck(REVIEW_PHOTOS);
  const cases = await recheck(CASE_PHOTOS);
  return { reviews, cases, asked };
}
