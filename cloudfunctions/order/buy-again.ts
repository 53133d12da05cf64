// 再来一单: the lines of one of the buyer's own orders as they could be bought now, each at today's price and stock
// with whether it can be had (core/product.ts lineNow); someone else's order reads as an unknown one. Nothing is
// reserved or priced for payment here: the cart goes through quote and create like any other.
import type { BuyAgainLine, OrderInput } from '../contracts/order';
import { lineNow } from '../core/product';
import { displayUrls, THUMBNAIL } from '../data/files';
import { findProducts } from '../data/products';
import type { CallContext } from '../platform/handler';
import { ownOrder } from './own-order';

export async function buyAgain(input: OrderInput<'buyAgain'>, ctx: CallContext): Promise<{ lines: BuyAgainLine[] }> {
  const order = await ownOrder(ctx, input.orderId);
  const products = await findProducts(
    ctx.db,
    order.items.map((l) => l.productId),
  );
  // Today's names and cover where the product still exists; the order's own where it does not.
  const shown = order.items.map((line) => {
    const product = products.get(line.productId);
    const sku = product?.skus.find((s) => s.id === line.skuId);
    return { line, product, title: product?.title ?? line.title, spec: sku?.spec ?? line.spec };
  });
  const covers = shown.map(({ line, product }) => product?.images[0] ?? line.cover);
  const urls = await displayUrls(ctx.cloud, covers.filter(Boolean), THUMBNAIL);
  return {
    lines: shown.map(({ line, product, title, spec }, i) => ({
      productId: line.productId,
      skuId: line.skuId,
      title,
      spec,
      image: urls.get(covers[i]) ?? '',
      qty: line.qty,
      paidPriceFen: line.priceFen,
      ...lineNow(product, line.skuId, line.qty),
    })),
  };
}
