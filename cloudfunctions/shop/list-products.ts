// The catalogue, products on sale in catalogue order, paged by an opaque cursor.
import type { ProductPage, ShopInput } from '../contracts/shop';
import { decodeCursor, pageOf } from '../core/paging';
import { isSoldOut, lowestPrice } from '../core/product';
import { displayUrls } from '../data/files';
import type { CallContext } from '../data/handler';
import { listOnSale } from '../data/products';

export const DEFAULT_PAGE_SIZE = 10;

export async function listProducts(input: ShopInput<'listProducts'>, ctx: CallContext): Promise<ProductPage> {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await listOnSale(ctx.db, after, limit + 1);
  const { items, next } = pageOf(rows.map((p) => ({ ...p, id: p._id })), limit);
  const urls = await displayUrls(ctx.cloud, items.map((p) => p.images[0]).filter(Boolean));
  return {
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
