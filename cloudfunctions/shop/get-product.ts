// A product page: the product, and whose recommendation brought the visitor (never the visitor themself).
import { AppError } from '../contracts/errors';
import type { ProductDetail, ShopInput } from '../contracts/shop';
import { lowestPrice } from '../core/product';
import { displayUrls } from '../data/files';
import type { CallContext } from '../data/handler';
import { findNote } from '../data/notes';
import { findProduct } from '../data/products';
import { findUserByShareCode } from '../data/users';

export async function getProduct(input: ShopInput<'getProduct'>, ctx: CallContext): Promise<ProductDetail> {
  const [product, sharer, myNote] = await Promise.all([
    findProduct(ctx.db, input.id),
    input.s ? findUserByShareCode(ctx.db, input.s) : Promise.resolve(null),
    findNote(ctx.db, ctx.openid, input.id),
  ]);
  if (!product) throw new AppError('product.not_found');
  const recommends = sharer && sharer.openid !== ctx.openid;
  const [urls, note] = await Promise.all([displayUrls(ctx.cloud, product.images), recommends ? findNote(ctx.db, sharer.openid, product._id) : Promise.resolve('')]);
  return {
    product: {
      id: product._id,
      title: product.title,
      description: product.description,
      images: product.images.map((id) => urls.get(id)).filter((u): u is string => Boolean(u)),
      priceFen: lowestPrice(product),
      skus: product.skus.map(({ id, spec, priceFen, stock }) => ({ id, spec, priceFen, stock: Math.max(0, stock) })),
      ...(product.commissionRateBp === undefined ? {} : { commissionRateBp: product.commissionRateBp }),
      status: product.status,
    },
    trust: recommends ? { sharer: { nickname: sharer.nickname, shareCode: sharer.shareCode }, ...(note ? { note } : {}) } : {},
    // Reviews by verified buyers arrive with the reviews issue.
    reviews: { count: 0, avgRating: null },
    ...(myNote ? { myNote } : {}),
  };
}
