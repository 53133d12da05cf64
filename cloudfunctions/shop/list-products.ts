// The catalogue, products on sale in catalogue order, paged by an opaque cursor, optionally only one category's and
// only those whose title or a SKU's spec holds the search's words (case-insensitive, literal); the first page also
// carries the shop's name and logo (read beside the products, the logo's URL in the same batch as the thumbnails).
import type { ProductPage, ShopInput } from '../contracts/shop';
import { decodeCursor, pageOf } from '../core/paging';
import { isSoldOut, lowestPrice } from '../core/product';
import { displayUrls, THUMBNAIL } from '../data/files';
import type { CallContext } from '../platform/handler';
import { findCategory } from '../data/categories';
import { listOnSale } from '../data/products';
import { loadSettings } from '../data/settings';

export const DEFAULT_PAGE_SIZE = 10;

export async function listProducts(input: ShopInput<'listProducts'>, ctx: CallContext): Promise<ProductPage> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const [found, settings, category] = await Promise.all([
    listOnSale(ctx.db, after, limit + 1, input.q, input.categoryId),
    after ? Promise.resolve(null) : loadSettings(ctx.db),
    input.categoryId ? findCategory(ctx.db, input.categoryId) : Promise.resolve(null),
  ]);
  // A removed category lists nothing, even while a remove cut short left its id on some products.
  const rows = input.categoryId && !category ? [] : found;
  const { items, next } = pageOf(
    rows.map((p) => ({ ...p, id: p._id })),
    limit,
  );
  const logo = settings?.logo ?? '';
  const urls = await displayUrls(ctx.cloud, [...items.map((p) => p.images[0]), logo].filter(Boolean), THUMBNAIL);
  return {
    ...(settings ? { shop: { name: settings.shopName, logo: urls.get(logo) ?? '' } } : {}),
    items: items.map((p) => ({
      id: p._id,
      title: p.title,
      image: urls.get(p.images[0]) ?? '',
      priceFen: lowestPrice(p),
      soldOut: isSoldOut(p),
    })),
    nextCursor: next,
  };
}
