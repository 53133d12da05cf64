// The queries content security's photo checks make of any collection whose documents carry `photoChecks` and
// `photoCheckDue` (reviews, after-sale cases): flows/photo-checks.ts serves both through them.
import type { Database } from './db';

type PhotoCollection = 'reviews' | 'after_sales';

/** The document whose photo check carries this trace id (the verdict event names only the trace id). */
export async function findByPhotoTrace<T>(
  db: Database,
  collection: PhotoCollection,
  traceId: string,
): Promise<T | null> {
  const { data } = await db.collection<T>(collection).where({ 'photoChecks.traceId': traceId }).limit(1).get();
  return data[0] ?? null;
}

/** Documents with a photo check to ask (again) by now, the longest due first: the scheduler's. */
export async function listPhotoChecksDueIn<T>(
  db: Database,
  collection: PhotoCollection,
  now: Date,
  limit: number,
): Promise<T[]> {
  const { data } = await db
    .collection<T>(collection)
    .where({ photoCheckDue: db.command.lte(now) })
    .orderBy('photoCheckDue', 'asc')
    .limit(limit)
    .get();
  return data;
}
