// What an order would cost: lines, goods, the coupon, shipping, the points the buyer may spend and payable, all
// priced here from the catalogue, the buyer's coupons and points account. The coupon comes first, on the goods in
// its scope; points then pay within their cap of what is left. An order of a group buy is priced at the group price
// and takes no coupon (none is offered; order/group-order.ts).
import { AppError } from '../contracts/errors';
import type { OrderInput, Quote, QuoteCoupon, UnusableCoupon } from '../contracts/order';
import { bestFirst, couponOffer, refusalOf, type MemberCouponRecord } from '../core/coupon';
import { availableOf, checkRedeem, maxUsable, pointsStep } from '../core/points';
import { amountsOf, totalsOf, type PricedOrder } from '../core/pricing';
import { viewMemberCoupon } from '../core/coupon-view';
import { findMemberCoupon, listUsable } from '../data/coupons';
import { displayUrls, THUMBNAIL } from '../data/files';
import type { CallContext } from '../platform/handler';
import { findAccount } from '../data/points';
import { findProducts } from '../data/products';
import { loadSettings } from '../data/settings';
import { checkFlashLines } from './flash-order';
import { planGroupOrder, pricedLines } from './group-order';
import { viewLine } from './view';

export async function quote(input: OrderInput<'quote'>, ctx: CallContext): Promise<Quote> {
  const [settings, products, account, held, plan] = await Promise.all([
    loadSettings(ctx.db),
    findProducts(
      ctx.db,
      input.items.map((l) => l.productId),
    ),
    ctx.openid ? findAccount(ctx.db, ctx.openid) : Promise.resolve(null),
    ctx.openid && !input.groupBuy ? listUsable(ctx.db, ctx.openid, ctx.now) : Promise.resolve([]),
    planGroupOrder(ctx.db, input, ctx.openid, '', ctx.now),
  ]);
  const { rules } = settings;
  const priced = totalsOf(pricedLines(input.items, products, plan, ctx.now), rules);
  // Flash lines sold out or over the member's limit are refused here already (order/flash-order.ts).
  await checkFlashLines(ctx.db, ctx.openid, priced.lines, ctx.now);
  const coupons = offersOf(held, priced, ctx.now);
  const applied = await appliedCoupon(input.couponId, coupons, priced, ctx);
  const couponFen = applied?.discountFen ?? 0;
  const available = availableOf(account?.lots ?? [], ctx.now);
  const pointsToUse = input.pointsToUse ?? 0;
  const discountFen = checkRedeem(pointsToUse, priced.goodsFen - couponFen, available, rules);
  const urls = await displayUrls(ctx.cloud, priced.lines.map((l) => l.cover).filter(Boolean), THUMBNAIL);
  return {
    items: priced.lines.map((l) => viewLine(l, urls)),
    amounts: amountsOf(priced, pointsToUse, discountFen, couponFen),
    coupons: { ...coupons, best: coupons.usable[0]?.id ?? null, applied: applied?.id ?? null },
    freeShippingFromFen: rules.freeShippingFromFen,
    points: {
      available,
      maxUsable: maxUsable(priced.goodsFen - couponFen, available, rules),
      perYuan: rules.pointsPerYuan,
      step: pointsStep(rules.pointsPerYuan),
      capBp: rules.pointsCapBp,
    },
  };
}

/** The member's free coupons against these lines: the usable ones best first, the others with why. */
function offersOf(held: readonly MemberCouponRecord[], priced: PricedOrder, now: Date) {
  const usable: QuoteCoupon[] = [];
  const unusable: UnusableCoupon[] = [];
  for (const mc of held) {
    const offer = couponOffer(mc, priced.lines, priced.shippingFen, now);
    if (offer.usable) usable.push({ ...viewMemberCoupon(mc, now), discountFen: offer.discountFen });
    else unusable.push({ ...viewMemberCoupon(mc, now), why: offer.why });
  }
  return { usable: bestFirst(usable), unusable };
}

/**
 * The coupon the quote applies: absent, the best usable one; null, none; an id, that coupon of the caller's, or its
 * coded refusal (another member's is not found; one an order holds is in use).
 */
async function appliedCoupon(
  asked: string | null | undefined,
  offers: { usable: QuoteCoupon[]; unusable: UnusableCoupon[] },
  priced: PricedOrder,
  ctx: CallContext,
): Promise<QuoteCoupon | null> {
  if (asked === null) return null;
  if (asked === undefined) return offers.usable[0] ?? null;
  const usable = offers.usable.find((c) => c.id === asked);
  if (usable) return usable;
  const mc = ctx.openid ? await findMemberCoupon(ctx.db, asked) : null;
  if (!mc || mc.ownerId !== ctx.openid) throw new AppError('coupon.not_found');
  if (mc.orderId) throw new AppError('coupon.in_use');
  const offer = couponOffer(mc, priced.lines, priced.shippingFen, ctx.now);
  if (offer.usable) throw new Error(`coupon ${asked} usable but not offered`);
  throw refusalOf(offer);
}
