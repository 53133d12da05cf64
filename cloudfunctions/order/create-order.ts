// Places an order: priced here from the catalogue, stock reserved for every line or none, and idempotent on
// the buyer's requestId (the same request again, even concurrently, answers with the same order). Points spent on
// it are taken in the transaction that inserts it: both happen, or neither (and the stock goes back). The stock
// is taken with a mark naming this call's reservation (data/stock.ts) and the order names the reservation it took
// over, so a crash anywhere in between strands nothing: the scheduler gives back what no order took over, and
// clears the marks of the orders that did (no extra request here). A coupon is taken in the transaction that
// inserts the order too (the member coupon names the order): of two orders with the same coupon, one conflicts and
// then finds it in use. An order of a group buy takes its units and group slot first (order/group-order.ts).
import { randomBytes } from 'node:crypto';
import { AppError } from '../contracts/errors';
import type { Order, OrderInput } from '../contracts/order';
import { attributedSharer } from '../core/commission';
import { chinaDay, orderIdFor, requestHashOf } from '../core/order-id';
import { INITIAL_STATUS } from '../core/order-flow';
import { couponOffer, refusalOf } from '../core/coupon';
import { amountsOf, priceOrder, type PricedOrder } from '../core/pricing';
import { MINUTE_MS, type ShopRules } from '../core/rules';
import { findBinding } from '../data/bindings';
import { txFindMemberCoupon, txHoldMemberCoupon } from '../data/coupons';
import { isDuplicateKey, transact, type Database } from '../data/db';
import type { CallContext } from '../platform/handler';
import { findOrder, insertOrder, txFindOrder, txInsertOrder, type OrderRecord } from '../data/orders';
import { findProducts } from '../data/products';
import { openAccount, queueSpend, saveAccount, type OpenAccount } from '../data/points';
import { loadSettings, type Settings } from '../data/settings';
import { flashPrices } from '../core/flash-sale';
import { cancelLines, reserveLines } from './flash-order';
import { holdGroup, planGroupOrder, priceForGroup, releaseGroup } from './group-order';
import { viewOrder } from './view';

export async function createOrder(input: OrderInput<'create'>, ctx: CallContext): Promise<{ order: Order }> {
  if (!ctx.openid) throw new AppError('auth.required');
  const id = orderIdFor(ctx.openid, input.requestId);
  const pointsToUse = input.pointsToUse ?? 0;
  const requestHash = requestHashOf({
    items: input.items,
    address: input.address,
    note: input.note ?? '',
    ...(pointsToUse > 0 ? { pointsToUse } : {}),
    ...(input.couponId !== undefined ? { couponId: input.couponId } : {}),
    ...(input.groupBuy ? { groupBuy: input.groupBuy } : {}),
  });
  // A retry of a placed request is not looked up first (no request to spare): its reservation meets the
  // duplicate id at insert, goes back, and the placed order is the answer.
  const [settings, products, plan] = await Promise.all([
    loadSettings(ctx.db),
    findProducts(
      ctx.db,
      input.items.map((l) => l.productId),
    ),
    planGroupOrder(ctx.db, input, ctx.openid, id, ctx.now).catch(async (error: unknown) => {
      // A retry of a placed group order finds its own slot taken: the placed order is the answer.
      if (await findOrder(ctx.db, id)) return null;
      throw error;
    }),
  ]);

  // A group order at its group price (order/group-order.ts); other lines of a live flash sale at its price, their
  // units from the sale (order/flash-order.ts).
  const priced = plan
    ? priceForGroup(plan, priceOrder(input.items, products, settings.rules), settings.rules)
    : priceOrder(input.items, products, settings.rules, flashPrices(products, ctx.now));
  const token = randomBytes(8).toString('hex');
  const refused = plan && (await holdGroup(ctx.db, plan, { id, buyerId: ctx.openid, token }, ctx.now));
  const giveBack = async () => {
    await cancelLines(ctx.db, token, priced.lines);
    if (plan) await releaseGroup(ctx.db, plan, token, ctx.openid);
  };
  const short = refused ? null : await reserveLines(ctx.db, token, id, ctx.openid, priced.lines, products, ctx.now);
  if (short && plan) await releaseGroup(ctx.db, plan, token, ctx.openid);
  if (refused || short) {
    // A concurrent copy of this very request may be what holds the stock.
    const placed = await findOrder(ctx.db, id);
    if (placed) return sameRequest(ctx, placed, requestHash, settings);
    if (refused) throw refused;
    if (short?.refused) throw short.refused;
    const line = short?.line;
    throw new AppError('order.stock_insufficient', `库存不足：${line?.title ?? ''} ${line?.spec ?? ''}`.trim());
  }

  const now = ctx.now;
  // Read once the stock is held: in a rush most creates are refused, and a refusal needs no binding.
  const binding = await findBinding(ctx.db, ctx.openid);
  const sharer = attributedSharer(ctx.openid, binding, now);
  const order: OrderRecord = {
    _id: id,
    requestKey: `${ctx.openid}:${input.requestId}`,
    requestHash,
    buyerId: ctx.openid,
    status: INITIAL_STATUS,
    items: priced.lines,
    amounts: amountsOf(priced),
    pointsRules: { earnPerYuan: settings.rules.pointsEarnPerYuan, expiryDays: settings.rules.pointsExpiryDays },
    address: input.address,
    ...(input.note ? { note: input.note } : {}),
    ...(sharer
      ? {
          sharerCode: sharer.sharerCode,
          sharer: {
            id: sharer.sharerId,
            code: sharer.sharerCode,
            channel: sharer.channel,
            productId: sharer.productId,
            rates: Object.fromEntries(
              priced.lines.map((l) => [
                l.productId,
                products.get(l.productId)?.commissionRateBp ?? settings.rules.commissionRateBp,
              ]),
            ),
          },
        }
      : {}),
    createdAt: now,
    day: chinaDay(now),
    // A group order is paid before its group's end at the latest.
    payBefore: new Date(
      Math.min(
        now.getTime() + settings.rules.unpaidCancelMinutes * MINUTE_MS,
        plan?.group?.endsAt.valueOf() ?? Infinity,
      ),
    ),
    ...(plan ? { group: { groupBuyId: plan.gb._id, groupId: plan.groupId, slot: token, holds: true } } : {}),
    holdsStock: true,
    holds: [token],
    timeline: [{ at: now, label: '已下单', detail: `请在 ${settings.rules.unpaidCancelMinutes} 分钟内付款` }],
  };
  if (pointsToUse > 0 || input.couponId !== undefined) {
    let outcome: Awaited<ReturnType<typeof insertWithDiscounts>>;
    const discounts = { points: pointsToUse, couponId: input.couponId };
    try {
      outcome = await insertWithDiscounts(ctx.db, order, discounts, priced, settings.rules, now);
    } catch (error) {
      await giveBack();
      throw error;
    }
    if ('placed' in outcome || 'refused' in outcome) await giveBack();
    if ('placed' in outcome) return sameRequest(ctx, outcome.placed, requestHash, settings);
    if ('refused' in outcome) throw outcome.refused;
    return { order: await viewOrder(ctx.cloud, outcome.order, 'buyer', now, settings.rules) };
  }
  try {
    await insertOrder(ctx.db, order);
  } catch (error) {
    await giveBack();
    if (!isDuplicateKey(error)) throw error;
    // The same request placed it first: answer with that order; this copy's reservation went back.
    const placed = await findOrder(ctx.db, id);
    if (!placed) throw error;
    return sameRequest(ctx, placed, requestHash, settings);
  }
  return { order: await viewOrder(ctx.cloud, order, 'buyer', now, settings.rules) };
}

/**
 * One transaction: the order is inserted, its coupon taken and its points taken from the buyer's lots, or nothing
 * happens. Concurrent orders spending the same points all write the account (the same coupon: the member coupon),
 * so at most one of them commits on what they read; the others run again and find the points spent or the coupon
 * in use. An order placed twice (a retried request) answers with the first.
 */
async function insertWithDiscounts(
  db: Database,
  order: OrderRecord,
  asked: { points: number; couponId?: string },
  priced: PricedOrder,
  rules: ShopRules,
  now: Date,
): Promise<{ order: OrderRecord } | { placed: OrderRecord } | { refused: AppError }> {
  return transact(db, async (t) => {
    const placed = await txFindOrder(t, order._id);
    if (placed) return { placed };
    let placing: OrderRecord = order;
    let couponFen = 0;
    if (asked.couponId !== undefined) {
      const mc = await txFindMemberCoupon(t, asked.couponId);
      if (!mc || mc.ownerId !== order.buyerId) return { refused: new AppError('coupon.not_found') };
      if (mc.orderId) return { refused: new AppError('coupon.in_use') };
      const offer = couponOffer(mc, priced.lines, priced.shippingFen, now);
      if (!offer.usable) return { refused: refusalOf(offer) };
      couponFen = offer.discountFen;
      placing = {
        ...placing,
        items: priced.lines.map((l, i) => (offer.split[i] > 0 ? { ...l, couponFen: offer.split[i] } : l)),
        coupon: { id: mc._id, name: mc.name },
      };
    }
    let account: OpenAccount | null = null;
    let discountFen = 0;
    if (asked.points > 0) {
      account = await openAccount(t, order.buyerId, now);
      // Points pay within their cap of what the coupon left.
      const spent = queueSpend(account, order._id, asked.points, priced.goodsFen - couponFen, now, rules);
      if ('refused' in spent) return { refused: spent.refused };
      discountFen = spent.discountFen;
      placing = { ...placing, points: { taken: spent.taken } };
    }
    placing = { ...placing, amounts: amountsOf(priced, asked.points, discountFen, couponFen) };
    await txInsertOrder(t, placing);
    if (placing.coupon) await txHoldMemberCoupon(t, placing.coupon.id, order._id, now);
    if (account) await saveAccount(t, account, now);
    return { order: placing };
  });
}

async function sameRequest(
  ctx: CallContext,
  order: OrderRecord,
  requestHash: string,
  settings: Settings,
): Promise<{ order: Order }> {
  if (order.requestHash !== requestHash) throw new AppError('order.request_conflict');
  return { order: await viewOrder(ctx.cloud, order, 'buyer', ctx.now, settings.rules) };
}
