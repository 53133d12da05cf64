// What an order would cost: lines, goods, shipping and payable, all priced here from the catalogue.
import type { OrderInput, Quote } from '../contracts/order';
import { priceOrder } from '../core/pricing';
import { displayUrls } from '../data/files';
import type { CallContext } from '../data/handler';
import { findProducts } from '../data/products';
import { loadSettings } from '../data/settings';
import { viewLine } from './view';

export async function quote(input: OrderInput<'quote'>, ctx: CallContext): Promise<Quote> {
  const [settings, products] = await Promise.all([loadSettings(ctx.db), findProducts(ctx.db, input.items.map((l) => l.productId))]);
  const priced = priceOrder(input.items, products, settings.rules);
  const urls = await displayUrls(ctx.cloud, priced.lines.map((l) => l.cover).filter(Boolean));
  return {
    items: priced.lines.map((l) => viewLine(l, urls)),
    amounts: { goodsFen: priced.goodsFen, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: priced.shippingFen, payableFen: priced.payableFen },
    freeShippingFromFen: settings.rules.freeShippingFromFen,
  };
}
