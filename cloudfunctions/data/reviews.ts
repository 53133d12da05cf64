// Reviews: one per order line (`_id` = `<orderId>:<skuId>`), written by the buyer of a completed order. A product's
// visible reviews are counted in `product_stats/<productId>` in the same transaction as every review change, so
// the count and the average never drift from the list. Hidden reviews (the owner's) and withdrawn ones (their order
// refunded) stay, marked, and leave both; one that is both counts out once.
import type { PhotoCheck, PhotoChecksChange } from '../core/photos';
import { type Database, getOrNull, olderThan, pageAfter, transact, type Transaction, txGet } from './db';
import { txFindOrder, txUpdateOrder } from './orders';
import { findByPhotoTrace, listPhotoChecksDueIn } from './photo-checks';

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
  /** Has a photo the public sees (one that passed content security): the photo-only list and the counters. */
  hasPhotos: boolean;
  /**
   * Content security of each photo, in the order of `photos` (reviews written before checks existed have none and
   * show every photo). Only 'pass' photos are public; the author also sees 'pending' ones, marked.
   */
  photoChecks?: PhotoCheck[];
  /** When the scheduler should (re)ask for a pending photo's check; absent when nothing is left to ask. */
  photoCheckDue?: Date;
  createdAt: Date;
  /** False while visible (indexed: the public list asks for hidden = false). */
  hidden: boolean;
  hiddenAt?: Date;
  hiddenReason?: string;
  /** Set when its order was refunded in full: out of every public figure; its buyer still sees it, marked. */
  withdrawn?: true;
  withdrawnAt?: Date;
  withdrawnReason?: WithdrawnReason;
  reply?: { text: string; at: Date };
}

export type WithdrawnReason = 'refunded';

export type { PhotoCheck, PhotoChecksChange, PhotoCheckState } from '../core/photos';

export interface ProductStats {
  _id: string;
  reviewCount: number;
  ratingSum: number;
  withPhotos: number;
}

export const reviewId = (orderId: string, skuId: string) => `${orderId}:${skuId}`;
const reviews = (db: Database) => db.collection<ReviewRecord>('reviews');

/** In the product's counters and public lists: neither hidden by the owner nor withdrawn. */
const counted = (review: Pick<ReviewRecord, 'hidden' | 'withdrawn'>) => !review.hidden && !review.withdrawn;

/** Public queries: not hidden, and not withdrawn (reviews written before withdrawals existed have no such field). */
const publicOnly = (db: Database) => ({ hidden: false, withdrawn: db.command.neq(true) });

type StatsDelta = Omit<ProductStats, '_id'>;
const deltaOf = (review: ReviewRecord, sign: 1 | -1): StatsDelta => ({
  reviewCount: sign,
  ratingSum: sign * review.rating,
  withPhotos: review.hasPhotos ? sign : 0,
});

/** One read and one write of the product's counters (a transaction's reads need not see its own writes). */
async function bumpStats(t: Transaction, productId: string, delta: StatsDelta): Promise<void> {
  const stats = await txGet<ProductStats>(t, 'product_stats', productId);
  const next = {
    reviewCount: (stats?.reviewCount ?? 0) + delta.reviewCount,
    ratingSum: (stats?.ratingSum ?? 0) + delta.ratingSum,
    withPhotos: (stats?.withPhotos ?? 0) + delta.withPhotos,
  };
  if (stats) await t.collection('product_stats').doc(productId).update({ data: next });
  else await t.collection('product_stats').doc(productId).set({ data: next });
}

/**
 * Inserts the review, counts it and marks its line reviewed on the order (what the order page shows); `duplicate`
 * when the line was reviewed before (even concurrently); `order_moved` when the order is no longer completed (a
 * refund got there since the caller read it: the order is written here, so a withdrawal of its reviews committed
 * in between makes this transaction conflict and read it again).
 */
export async function insertReview(
  db: Database,
  review: ReviewRecord,
): Promise<'inserted' | 'duplicate' | 'order_moved'> {
  return transact(db, async (t) => {
    if (await txGet(t, 'reviews', review._id)) return 'duplicate';
    const order = await txFindOrder(t, review.orderId);
    if (order?.status !== 'completed') return 'order_moved';
    await t.collection('reviews').add({ data: review });
    if (counted(review)) await bumpStats(t, review.productId, deltaOf(review, 1));
    await txUpdateOrder(t, review.orderId, { reviewedSkus: [...(order.reviewedSkus ?? []), review.skuId] });
    return 'inserted';
  });
}

/**
 * Inside the caller's transaction: withdraws these reviews (those that exist and are not withdrawn yet) from the
 * public figures, their products' counters following once for each review that was counted. Returns how many.
 */
export async function txWithdrawReviews(
  t: Transaction,
  ids: readonly string[],
  reason: WithdrawnReason,
  now: Date,
): Promise<number> {
  const fresh: ReviewRecord[] = [];
  for (const id of ids) {
    const review = await txGet<ReviewRecord>(t, 'reviews', id);
    if (review && !review.withdrawn) fresh.push(review);
  }
  const deltas = new Map<string, StatsDelta>();
  for (const review of fresh) {
    await t
      .collection('reviews')
      .doc(review._id)
      .update({ data: { withdrawn: true, withdrawnAt: now, withdrawnReason: reason } });
    if (!counted(review)) continue; // hidden by the owner: already out of the counters
    const sum = deltas.get(review.productId) ?? { reviewCount: 0, ratingSum: 0, withPhotos: 0 };
    const less = deltaOf(review, -1);
    deltas.set(review.productId, {
      reviewCount: sum.reviewCount + less.reviewCount,
      ratingSum: sum.ratingSum + less.ratingSum,
      withPhotos: sum.withPhotos + less.withPhotos,
    });
  }
  for (const [productId, delta] of deltas) await bumpStats(t, productId, delta);
  return fresh.length;
}

/** Hides or shows a review, its product's counters following; null when there is no such review. */
export async function setHidden(
  db: Database,
  id: string,
  hidden: boolean,
  reason: string | undefined,
  now: Date,
): Promise<ReviewRecord | null> {
  return transact(db, async (t) => {
    const review = await txGet<ReviewRecord>(t, 'reviews', id);
    if (!review) return null;
    if (review.hidden === hidden) return review;
    const patch = hidden ? { hidden: true, hiddenAt: now, hiddenReason: reason ?? '' } : { hidden: false };
    await t.collection('reviews').doc(id).update({ data: patch });
    // A withdrawn review is out of the counters either way: hiding or showing it changes no number.
    if (!review.withdrawn) await bumpStats(t, review.productId, deltaOf(review, hidden ? -1 : 1));
    return { ...review, ...patch };
  });
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
  const base = { productId, ...publicOnly(db), ...(photosOnly ? { hasPhotos: true } : {}) };
  const where = pageAfter(db, base, 'createdAt', after);
  const { data } = await reviews(db)
    .where(where as object)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}

/** The member's visible reviews, counted (the sharer's track record). */
export async function countVisibleBy(db: Database, buyerId: string): Promise<number> {
  return (
    await reviews(db)
      .where({ buyerId, ...publicOnly(db) })
      .count()
  ).total;
}

/** The member's latest visible review of the product. */
export async function latestOwnReview(db: Database, buyerId: string, productId: string): Promise<ReviewRecord | null> {
  const { data } = await reviews(db)
    .where({ buyerId, productId, ...publicOnly(db) })
    .orderBy('createdAt', 'desc')
    .limit(1)
    .get();
  return data[0] ?? null;
}

/** The member's visible reviews of the product, newest first (one per order line they bought it on). */
export async function ownVisibleReviews(db: Database, buyerId: string, productId: string): Promise<ReviewRecord[]> {
  const { data } = await reviews(db)
    .where({ buyerId, productId, ...publicOnly(db) })
    .orderBy('createdAt', 'desc')
    .limit(20)
    .get();
  return data;
}

/** Products the member reviewed (visible reviews). */
export async function reviewedProducts(db: Database, buyerId: string): Promise<Set<string>> {
  const { data } = await reviews(db)
    .where({ buyerId, ...publicOnly(db) })
    .field({ productId: true })
    .limit(1000)
    .get();
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
  const older = after ? olderThan(db, 'createdAt', after) : null;
  const where = older ? (hiddenOnly ? _.and([base, older]) : older) : base;
  const { data } = await reviews(db)
    .where(where as object)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}

/** The review whose photo check carries this trace id (the verdict event names only the trace id). */
export function findReviewByTrace(db: Database, traceId: string): Promise<ReviewRecord | null> {
  return findByPhotoTrace<ReviewRecord>(db, 'reviews', traceId);
}

/** Reviews with a photo check to ask (again) by now: the scheduler's. */
export function listPhotoChecksDue(db: Database, now: Date, limit: number): Promise<ReviewRecord[]> {
  return listPhotoChecksDueIn<ReviewRecord>(db, 'reviews', now, limit);
}

/**
 * Changes a review's photo checks in one transaction: `change` decides from the stored review (null: nothing to
 * change). Whether a photo is public follows (`hasPhotos`), and the product's counter of reviews with photos with it
 * when the review is counted. Returns the review as written, or null when it does not exist or nothing changed.
 */
export async function updatePhotoChecks(
  db: Database,
  id: string,
  change: (review: ReviewRecord) => PhotoChecksChange | null,
): Promise<ReviewRecord | null> {
  return transact(db, async (t) => {
    const review = await txGet<ReviewRecord>(t, 'reviews', id);
    if (!review) return null;
    const next = change(review);
    if (!next) return null;
    const hasPhotos = next.photoChecks.some((c) => c.state === 'pass');
    const _ = db.command;
    await t
      .collection('reviews')
      .doc(id)
      .update({
        data: { photoChecks: next.photoChecks, hasPhotos, photoCheckDue: next.due ?? _.remove() },
      });
    if (hasPhotos !== review.hasPhotos && counted(review)) {
      await bumpStats(t, review.productId, { reviewCount: 0, ratingSum: 0, withPhotos: hasPhotos ? 1 : -1 });
    }
    const written: ReviewRecord = { ...review, photoChecks: next.photoChecks, hasPhotos };
    if (next.due) written.photoCheckDue = next.due;
    else delete written.photoCheckDue;
    return written;
  });
}
