// A member's favourites (收藏): keeping or dropping a product is idempotent (one document per member and product),
// at most FAVORITES_MAX; the list is newest first, as product cards, a product taken off sale kept and marked
// `offSale` (the shop never deletes a product; one whose document is gone is left out, having nothing to show).
import { AppError } from '../contracts/errors';
import { FAVORITES_MAX } from '../contracts/limits';
import type { FavoriteItem, ShopInput } from '../contracts/shop';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import { isSoldOut, lowestPrice } from '../core/product';
import { dropFavorite, keepFavorite, listFavorites } from '../data/favorites';
import { displayUrls, THUMBNAIL } from '../data/files';
import { findProduct, findProducts } from '../data/products';
import type { CallContext } from '../platform/handler';

const PAGE_SIZE = 20;

export async function favorite(
  input: ShopInput<'favorite'>,
  ctx: CallContext,
): Promise<{ productId: string; favorited: boolean }> {
  if (!ctx.openid) throw new AppError('auth.required');
  if (!(await findProduct(ctx.db, input.productId))) throw new AppError('product.not_found');
  if (input.on) {
    const outcome = await keepFavorite(ctx.db, ctx.openid, input.productId, ctx.now, FAVORITES_MAX);
    if ('refused' in outcome) throw new AppError(outcome.refused);
  } else {
    await dropFavorite(ctx.db, ctx.openid, input.productId);
  }
  return { productId: input.productId, favorited: input.on };
}

export async function favorites(
  input: ShopInput<'favorites'>,
  ctx: CallContext,
): Promise<{ items: FavoriteItem[]; nextCursor: string | null }> {
  if (!ctx.openid) throw new AppError('auth.required');
  const limit = input.limit ?? PAGE_SIZE;
  const rows = await listFavorites(ctx.db, ctx.openid, decodeTimeCursor(input.cursor), limit + 1);
  const page = splitTimePage(rows, limit, (r) => r.at);
  const products = page.rows.length
    ? await findProducts(
        ctx.db,
        page.rows.map((r) => r.productId),
      )
    : new Map();
  const covers = [...products.values()].map((p) => p.images[0]).filter(Boolean);
  const urls = await displayUrls(ctx.cloud, covers, THUMBNAIL);
  const items: FavoriteItem[] = [];
  for (const row of page.rows) {
    const p = products.get(row.productId);
    if (!p) continue;
    items.push({
      id: p._id,
      title: p.title,
      image: urls.get(p.images[0]) ?? '',
      priceFen: lowestPrice(p),
      soldOut: isSoldOut(p),
      favoritedAt: new Date(row.at).toISOString(),
      offSale: p.status !== 'on_sale',
    });
  }
  return { items, nextCursor: page.nextCursor };
}
