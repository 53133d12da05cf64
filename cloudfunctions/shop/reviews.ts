// Reviews by verified buyers: one per line of a completed, unrefunded order of the caller's own; the public list
// (newest first, or only those with photos) with the product's summary; the buyer's own review of a line, marked
// when a refund withdrew it; the owner's reply and hiding. Content security: the text is checked before the review
// is stored, and its photos are public only once their check passed (flows/photo-checks.ts).
import { AppError } from '../contracts/errors';
import { MEMBER_UPLOAD_FOLDERS } from '../contracts/limits';
import type { Review, ReviewSummary, ShopInput, ShopResults } from '../contracts/shop';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import { displayUrls, PHOTO, requireOwnPhotos } from '../data/files';
import type { CallContext } from '../platform/handler';
import { findOrder } from '../data/orders';
import {
  findReview,
  insertReview,
  listAllReviews,
  listVisible,
  productStats,
  reviewId,
  setHidden,
  setReply,
  type ProductStats,
  type ReviewRecord,
} from '../data/reviews';
import { findProducts } from '../data/products';
import type { ProductRecord } from '../core/product';
import { ensureMember } from './get-session';
import { checkText } from '../platform/content-security';
import { askPhotoChecks, pendingPhotos, REVIEW_PHOTOS } from '../flows/photo-checks';

export async function writeReview(input: ShopInput<'review'>, ctx: CallContext): Promise<ShopResults['review']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const order = await findOrder(ctx.db, input.orderId);
  // Someone else's order is no order of the caller's: the same answer as one that does not exist.
  if (!order || order.buyerId !== ctx.openid) throw new AppError('order.not_found');
  if (order.status === 'refunded') throw new AppError('review.order_refunded');
  if (order.status !== 'completed') throw new AppError('review.not_allowed');
  const line = order.items.find((l) => l.skuId === input.skuId);
  if (!line) throw new AppError('review.not_allowed', '这个订单里没有这件商品');
  const photos = input.photos ?? [];
  await requireOwnReviewPhotos(ctx, photos);
  // A buyer who never opened the shop's session has no member record yet: the review needs their nickname.
  const user = await ensureMember(ctx);
  // Before anything is stored: a risky text (or a check that could not run) stores no review.
  await checkText(ctx.cloud, { openid: ctx.openid, scene: 'comment', content: input.text });
  const record: ReviewRecord = {
    _id: reviewId(order._id, line.skuId),
    orderId: order._id,
    skuId: line.skuId,
    productId: line.productId,
    spec: line.spec,
    buyerId: ctx.openid,
    nickname: user.nickname,
    rating: input.rating,
    text: input.text,
    photos,
    ...pendingPhotos(photos, ctx.now),
    createdAt: ctx.now,
    hidden: false,
  };
  const inserted = await insertReview(ctx.db, record);
  if (inserted === 'duplicate') throw new AppError('review.duplicate');
  // A refund (or a refund request) reached the order since it was read above.
  if (inserted === 'order_moved') throw new AppError('review.not_allowed');
  await checkPhotos(ctx, record);
  return { review: (await viewReviews(ctx, [record], 'author'))[0] };
}

/**
 * Asks for the new review's photo checks; on any failure the scheduler asks instead (the review is stored). Asking
 * changes no photo's state (each stays pending until its verdict), so the author's view needs no second read.
 */
async function checkPhotos(ctx: CallContext, record: ReviewRecord): Promise<void> {
  if (record.photos.length === 0) return;
  try {
    await askPhotoChecks(ctx, REVIEW_PHOTOS, record, ctx.now);
  } catch (error) {
    console.error(`review ${record._id}: photo checks left to the scheduler`, error);
  }
}

/** A review shows only photos its author uploaded (data/files.ts `requireOwnPhotos`). */
function requireOwnReviewPhotos(ctx: CallContext, photos: readonly string[]): Promise<void> {
  return requireOwnPhotos(
    ctx.cloud,
    { env: ctx.env, openid: ctx.openid, folder: MEMBER_UPLOAD_FOLDERS.review },
    photos,
  );
}

export async function myReview(input: ShopInput<'myReview'>, ctx: CallContext): Promise<ShopResults['myReview']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const record = await findReview(ctx.db, reviewId(input.orderId, input.skuId));
  // Someone else's review is no review of the caller's: the same answer as none.
  if (!record || record.buyerId !== ctx.openid) return { review: null };
  return { review: (await viewReviews(ctx, [record], 'author'))[0] };
}

const DEFAULT_LIMIT = 10;

export async function listReviews(
  input: ShopInput<'listReviews'>,
  ctx: CallContext,
): Promise<ShopResults['listReviews']> {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const [rows, stats] = await Promise.all([
    listVisible(ctx.db, input.productId, input.photos === true, decodeTimeCursor(input.cursor), limit + 1),
    productStats(ctx.db, input.productId),
  ]);
  const page = splitTimePage(rows, limit, (r) => new Date(r.createdAt));
  return { items: await viewReviews(ctx, page.rows), nextCursor: page.nextCursor, summary: summaryOf(stats) };
}

export async function ownerReviews(
  input: ShopInput<'ownerReviews'>,
  ctx: CallContext,
): Promise<ShopResults['ownerReviews']> {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const rows = await listAllReviews(ctx.db, input.view === 'hidden', decodeTimeCursor(input.cursor), limit + 1);
  const page = splitTimePage(rows, limit, (r) => new Date(r.createdAt));
  return { items: await viewReviews(ctx, page.rows, 'owner'), nextCursor: page.nextCursor };
}

export async function replyReview(
  input: ShopInput<'replyReview'>,
  ctx: CallContext,
): Promise<ShopResults['replyReview']> {
  const review = await setReply(ctx.db, input.reviewId, input.reply, ctx.now);
  if (!review) throw new AppError('review.not_found');
  return { review: (await viewReviews(ctx, [review], 'owner'))[0] };
}

export async function hideReview(input: ShopInput<'hideReview'>, ctx: CallContext): Promise<ShopResults['hideReview']> {
  const review = await setHidden(ctx.db, input.reviewId, input.hidden, input.reason, ctx.now);
  if (!review) throw new AppError('review.not_found');
  return { review: (await viewReviews(ctx, [review], 'owner'))[0] };
}

export function summaryOf(stats: ProductStats | null): ReviewSummary {
  const count = stats?.reviewCount ?? 0;
  return {
    count,
    avgRating: count > 0 ? Math.round(((stats?.ratingSum ?? 0) / count) * 10) / 10 : null,
    withPhotos: stats?.withPhotos ?? 0,
  };
}

/**
 * Reviews as shown, photos as display URLs (one request for all), to the public, to their author or to the owner:
 * the owner also sees the product and whether one is hidden; the author and the owner see a withdrawal.
 */
export async function viewReviews(
  ctx: CallContext,
  records: readonly ReviewRecord[],
  viewer: 'public' | 'author' | 'owner' = 'public',
): Promise<Review[]> {
  const forOwner = viewer === 'owner';
  const shown = records.map((r) => shownPhotos(r, viewer));
  const [urls, products] = await Promise.all([
    displayUrls(
      ctx.cloud,
      shown.flatMap((s) => s.photos),
      PHOTO,
    ),
    forOwner
      ? findProducts(
          ctx.db,
          records.map((r) => r.productId),
        )
      : Promise.resolve(new Map<string, ProductRecord>()),
  ]);
  return records.map((r, i) => ({
    ...(forOwner ? { productTitle: products.get(r.productId)?.title ?? r.productId } : {}),
    id: r._id,
    productId: r.productId,
    spec: r.spec,
    nickname: r.nickname,
    rating: r.rating,
    text: r.text,
    photos: shown[i].photos.map((p) => urls.get(p)).filter((u): u is string => Boolean(u)),
    ...photoMarks(shown[i], urls),
    createdAt: new Date(r.createdAt).toISOString(),
    ...(r.reply ? { reply: { text: r.reply.text, at: new Date(r.reply.at).toISOString() } } : {}),
    ...(forOwner && r.hidden
      ? {
          hidden: {
            at: new Date(r.hiddenAt ?? r.createdAt).toISOString(),
            ...(r.hiddenReason ? { reason: r.hiddenReason } : {}),
          },
        }
      : {}),
    ...(viewer !== 'public' && r.withdrawn
      ? {
          withdrawn: {
            at: new Date(r.withdrawnAt ?? r.createdAt).toISOString(),
            reason: r.withdrawnReason ?? 'refunded',
          },
        }
      : {}),
  }));
}

/**
 * The photos a viewer sees: the public and the owner only those content security passed; the author also those
 * still pending (marked), and is told how many did not pass (hidden from everyone).
 */
function shownPhotos(
  r: ReviewRecord,
  viewer: 'public' | 'author' | 'owner',
): { photos: string[]; pending: string[]; rejected: number } {
  const checks = r.photoChecks;
  if (!checks) return { photos: r.photos, pending: [], rejected: 0 };
  const pending = viewer === 'author' ? checks.filter((c) => c.state === 'pending').map((c) => c.fileId) : [];
  const visible = new Set([...checks.filter((c) => c.state === 'pass').map((c) => c.fileId), ...pending]);
  return {
    photos: r.photos.filter((p) => visible.has(p)),
    pending,
    rejected: viewer === 'author' ? checks.filter((c) => c.state === 'risky').length : 0,
  };
}

function photoMarks(
  shown: { pending: string[]; rejected: number },
  urls: Map<string, string>,
): Pick<Review, 'pendingPhotos' | 'rejectedPhotos'> {
  const pending = shown.pending.map((p) => urls.get(p)).filter((u): u is string => Boolean(u));
  return {
    ...(pending.length > 0 ? { pendingPhotos: pending } : {}),
    ...(shown.rejected > 0 ? { rejectedPhotos: shown.rejected } : {}),
  };
}
