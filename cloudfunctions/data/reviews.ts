// Reviews: one per order line (`_id` = `<orderId>:<skuId>`), written by the buyer of a completed order. A product's
// visible reviews are counted in `product_stats/<productId>` in the same transaction as every review change, so
// the count and the average never drift from the list. Hidden reviews stay, marked, and leave both.
import { getOrNull, txGet, type Database, type Transaction, transact } from './db';
import { txFindOrder, txUpdateOrder } from './orders';

export interface ReviewRecord {
  _id: string;
  orderId: string;
  skuId: string;
  productId: string;
  spec: string;
  buyerId: string;
  nickname: string;
  rating: number;
  text: string;
  photos: string[];
  hasPhotos: boolean;
  createdAt: Date;
  /** False while visible (indexed: the public list asks for hidden = false). */
  hidden: boolean;
  hiddenAt?: Date;
  hiddenReason?: string;
  reply?: { text: string; at: Date };
}

export interface ProductStats {
  _id: string;
  reviewCount: number;
  ratingSum: number;
  withPhotos: number;
}

export const reviewId = (orderId: string, skuId: string) => `${orderId}:${skuId}`;
const reviews = (db: Database) => db.collection<ReviewRecord>('reviews');

async function bumpStats(t: Transaction, review: ReviewRecord, sign: 1 | -1): Promise<void> {
  const stats = await txGet<ProductStats>(t, 'product_stats', review.productId);
  const next = {
    reviewCount: (stats?.reviewCount ?? 0) + sign,
    ratingSum: (stats?.ratingSum ?? 0) + sign * review.rating,
    withPhotos: (stats?.withPhotos ?? 0) + (review.hasPhotos ? sign : 0),
  };
  if (stats) await t.collection('product_stats').doc(review.productId).update({ data: next });
  else await t.collection('product_stats').doc(review.productId).set({ data: next });
}

/**
 * Inserts the review, counts it and marks its line reviewed on the order (what the order page shows); `duplicate`
 * when the line was reviewed before (even concurrently).
 */
export async function insertReview(db: Database, review: ReviewRecord): Promise<'inserted' | 'duplicate'> {
  return transact(
    db,
    async (t) => {
      if (await txGet(t, 'reviews', review._id)) return 'duplicate';
      const order = await txFindOrder(t, review.orderId);
      await t.collection('reviews').add({ data: review });
      await bumpStats(t, review, 1);
      await txUpdateOrder(t, review.orderId, { reviewedSkus: [...(order?.reviewedSkus ?? []), review.skuId] });
      return 'inserted';
    },
    5,
  );
}

/** Hides or shows a review, its product's counters following; null when there is no such review. */
export async function setHidden(
  db: Database,
  id: string,
  hidden: boolean,
  reason: string | undefined,
  now: Date,
): Promise<ReviewRecord | null> {
  return transact(
    db,
    async (t) => {
      const review = await txGet<ReviewRecord>(t, 'reviews', id);
      if (!review) return null;
      if (review.hidden === hidden) return review;
      const patch = hidden ? { hidden: true, hiddenAt: now, hiddenReason: reason ?? '' } : { hidden: false };
      await t.collection('reviews').doc(id).update({ data: patch });
      await bumpStats(t, review, hidden ? -1 : 1);
      return { ...review, ...patch };
    },
    5,
  );
}

export async function setReply(db: Database, id: string, text: string, now: Date): Promise<ReviewRecord | null> {
  const { stats } = await reviews(db)
    .doc(id)
    .update({ data: { reply: { text, at: now } } });
  if (stats.updated === 0) return null;
  return findReview(db, id);
}

export async function findReview(db: Database, id: string): Promise<ReviewRecord | null> {
  return getOrNull(reviews(db), id);
}

export async function productStats(db: Database, productId: string): Promise<ProductStats | null> {
  return getOrNull(db.collection<ProductStats>('product_stats'), productId);
}

/** A product's visible reviews, newest first, keyset-paged on (createdAt, _id). */
export async function listVisible(
  db: Database,
  productId: string,
  photosOnly: boolean,
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<ReviewRecord[]> {
  const _ = db.command;
  const base = { productId, hidden: false, ...(photosOnly ? { hasPhotos: true } : {}) };
  const where = after
    ? _.and([base, _.or([{ createdAt: _.lt(after.at) }, { createdAt: after.at, _id: _.lt(after.id) }])])
    : base;
  const { data } = await reviews(db)
    .where(where as object)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}

/** The member's latest visible review of the product. */
export async function latestOwnReview(db: Database, buyerId: string, productId: string): Promise<ReviewRecord | null> {
  const { data } = await reviews(db)
    .where({ buyerId, productId, hidden: false })
    .orderBy('createdAt', 'desc')
    .limit(1)
    .get();
  return data[0] ?? null;
}

/** Products the member reviewed (visible reviews). */
export async function reviewedProducts(db: Database, buyerId: string): Promise<Set<string>> {
  const { data } = await reviews(db).where({ buyerId, hidden: false }).field({ productId: true }).limit(1000).get();
  return new Set(data.map((r) => r.productId));
}

/** Every review (or only hidden ones), newest first, keyset-paged on (createdAt, _id): the owner's list. */
export async function listAllReviews(
  db: Database,
  hiddenOnly: boolean,
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<ReviewRecord[]> {
  const _ = db.command;
  const base = hiddenOnly ? { hidden: true } : {};
  const older = after ? _.or([{ createdAt: _.lt(after.at) }, { createdAt: after.at, _id: _.lt(after.id) }]) : null;
  const where = older ? (hiddenOnly ? _.and([base, older]) : older) : base;
  const { data } = await reviews(db)
    .where(where as object)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}
