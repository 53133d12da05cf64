// A product page: the product; whose recommendation brought the visitor (never the visitor themself), with what the
// shop knows of them: their note, how many times they bought it (completed, unrefunded orders), their review and
// their track record in the shop (flows/track-record.ts);
// and for everyone the reviews' summary, the latest reviews and how many members bought it in the last 30 days;
// whether the caller keeps it in their favourites, and its categories (those that still exist).
import { AppError } from '../contracts/errors';
import type { ProductDetail, Review, ShopInput } from '../contracts/shop';
import { activeSkus, lowestPrice } from '../core/product';
import { DAY_MS } from '../core/rules';
import { displayUrls, PHOTO } from '../data/files';
import type { CallContext } from '../platform/handler';
import { liveCategoryIds } from '../data/categories';
import { isFavorite } from '../data/favorites';
import { findNote } from '../data/notes';
import { findProduct } from '../data/products';
import { recentBuyers, verifiedPurchases } from '../data/purchases';
import { latestOwnReview, listVisible, productStats, type ReviewRecord } from '../data/reviews';
import { isMuted } from '../data/sharer-marks';
import { findUserByShareCode } from '../data/users';
import { trackRecordOf } from '../flows/track-record';
import { productFlashSale } from './product-flash-sale';
import { summaryOf, viewReviews } from './reviews';

/** The product page shows this many reviews; the rest are on the reviews list. */
const LATEST = 3;
const RECENT_DAYS = 30;

export async function getProduct(input: ShopInput<'getProduct'>, ctx: CallContext): Promise<ProductDetail> {
  const [product, sharer, myNote, favorited, muted] = await Promise.all([
    findProduct(ctx.db, input.id),
    input.s ? findUserByShareCode(ctx.db, input.s) : Promise.resolve(null),
    findNote(ctx.db, ctx.openid, input.id),
    isFavorite(ctx.db, ctx.openid, input.id),
    isMuted(ctx.db, ctx.openid, input.s ?? ''),
  ]);
  if (!product) throw new AppError('product.not_found');
  // A sharer the caller muted (commission.muteSharer) recommends nothing to them: no banner, no note.
  const recommends = sharer !== null && sharer.openid !== ctx.openid && !muted;
  // One round for everything the page shows besides the product (the latest reviews with and without photos both,
  // rather than a third round when too few have photos).
  const [urls, note, bought, sharerReview, stats, withPhotos, newest, buyers, categoryIds, flashSale, trusted] =
    await Promise.all([
      displayUrls(ctx.cloud, product.images, PHOTO),
      recommends ? findNote(ctx.db, sharer.openid, product._id) : Promise.resolve(''),
      recommends ? verifiedPurchases(ctx.db, sharer.openid, product._id) : Promise.resolve(0),
      recommends ? latestOwnReview(ctx.db, sharer.openid, product._id) : Promise.resolve(null),
      productStats(ctx.db, product._id),
      listVisible(ctx.db, product._id, true, null, LATEST),
      listVisible(ctx.db, product._id, false, null, LATEST),
      recentBuyers(ctx.db, product._id, new Date(ctx.now.getTime() - RECENT_DAYS * DAY_MS)),
      liveCategoryIds(ctx.db, product.categoryIds ?? []),
      productFlashSale(ctx.db, product, ctx.now),
      // The sharer's track record (issue 21): one document while fresh (flows/track-record.ts).
      recommends ? trackRecordOf(ctx.db, sharer, ctx.now) : Promise.resolve(null),
    ]);
  // Those with photos first; without enough of them, the latest others fill the rest.
  const latest: ReviewRecord[] = [...withPhotos];
  for (const r of newest) if (latest.length < LATEST && !latest.some((l) => l._id === r._id)) latest.push(r);
  const shown = await viewReviews(ctx, sharerReview ? [...latest, sharerReview] : latest);
  const ownReview: Review | undefined = sharerReview ? shown[shown.length - 1] : undefined;
  return {
    product: {
      id: product._id,
      title: product.title,
      description: product.description,
      images: product.images.map((id) => urls.get(id)).filter((u): u is string => Boolean(u)),
      priceFen: lowestPrice(product),
      skus: activeSkus(product).map(({ id, spec, priceFen, stock }) => ({
        id,
        spec,
        priceFen,
        stock: Math.max(0, stock),
      })),
      ...(product.commissionRateBp === undefined ? {} : { commissionRateBp: product.commissionRateBp }),
      status: product.status,
      categoryIds,
    },
    trust: trusted
      ? {
          sharer: trusted,
          ...(note ? { note } : {}),
          sharerVerifiedPurchases: bought,
          ...(ownReview ? { sharerReview: ownReview } : {}),
        }
      : {},
    reviews: { ...summaryOf(stats), latest: shown.slice(0, latest.length), boughtLast30Days: buyers },
    ...(myNote ? { myNote } : {}),
    favorited,
    ...(flashSale ? { flashSale } : {}),
  };
}
