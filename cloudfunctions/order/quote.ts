// What an order would cost: lines, goods, shipping, the points the buyer may spend and payable, all priced here
// from the catalogue and the buyer's points account.
import type { OrderInput, Quote } from '../contracts/order';
import { availableOf, checkRedeem, maxUsable, pointsStep } from '../core/points';
import { amountsOf, priceOrder } from '../core/pricing';
import { displayUrls, THUMBNAIL } from '../data/files';
import type { CallContext } from '../platform/handler';
import { findAccount } from '../data/points';
import { findProducts } from '../data/products';
import { loadSettings } from '../data/settings';
import { viewLine } from './view';

export async function quote(input: OrderInput<'quote'>, ctx: CallContext): Promise<Quote> {
  const [settings, products, account] = await Promise.all([
    loadSettings(ctx.db),
    findProducts(
      ctx.db,
      input.items.map((l) => l.productId),
    ),
    ctx.openid ? findAccount(ctx.db, ctx.openid) : Promise.resolve(null),
  ]);
  const { rules } = settings;
  const priced = priceOrder(input.items, products, rules);
  const available = availableOf(account?.lots ?? [], ctx.now);
  const pointsToUse = input.pointsToUse ?? 0;
  const discountFen = checkRedeem(pointsToUse, priced.goodsFen, available, rules);
  const urls = await displayUrls(ctx.cloud, priced.lines.map((l) => l.cover).filter(Boolean), THUMBNAIL);
  return {
    items: priced.lines.map((l) => viewLine(l, urls)),
    amounts: amountsOf(priced, pointsToUse, discountFen),
    freeShippingFromFen: rules.freeShippingFromFen,
    points: {
      available,
      maxUsable: maxUsable(priced.goodsFen, available, rules),
      perYuan: rules.pointsPerYuan,
      step: pointsStep(rules.pointsPerYuan),
      capBp: rules.pointsCapBp,
    },
  };
}
