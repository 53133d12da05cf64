// The caller's kit to post a product in Moments (一键发圈): the owner's words and pictures (without material: the
// title with its price line and the product's pictures), the caller's own review photos that everyone may see, their
// note as their words, and their poster (its code's scene `p=<productId>&s=<their shareCode>`).
import type { CommissionInput, KitImage, MaterialKit } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import { formatYuan } from '../core/money';
import { publicPhotos } from '../core/photos';
import { displayUrls, PHOTO } from '../data/files';
import { findMaterial } from '../data/materials';
import { findProduct } from '../data/products';
import { ownVisibleReviews } from '../data/reviews';
import type { CallContext } from '../platform/handler';
import { makePoster } from './make-poster';

export async function material(input: CommissionInput<'material'>, ctx: CallContext): Promise<MaterialKit> {
  if (!ctx.openid) throw new AppError('auth.required');
  const [product, record, reviews] = await Promise.all([
    findProduct(ctx.db, input.productId),
    findMaterial(ctx.db, input.productId),
    ownVisibleReviews(ctx.db, ctx.openid, input.productId),
  ]);
  if (!product) throw new AppError('product.not_found');
  const poster = await makePoster(input, ctx);
  // Words without pictures of the owner's own go with the product's pictures.
  const ownerImages = record && record.images.length > 0 ? record.images : product.images;
  const reviewPhotos = [...new Set(reviews.flatMap(publicPhotos))];
  const urls = await displayUrls(ctx.cloud, [...ownerImages, ...reviewPhotos], PHOTO);
  const images = (fileIds: readonly string[], source: KitImage['source']): KitImage[] =>
    fileIds.flatMap((id) => (urls.has(id) ? [{ url: urls.get(id) as string, source }] : []));
  return {
    productId: product._id,
    texts: record?.texts ?? [`${product.title}\n¥${formatYuan(poster.product.priceFen)}`],
    note: poster.note,
    images: [...images(ownerImages, 'owner'), ...images(reviewPhotos, 'review')],
    poster,
  };
}
