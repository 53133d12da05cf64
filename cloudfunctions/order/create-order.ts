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
import { amountsOf, totalsOf, type PricedOrder } from '../core/pricing';
import { MINUTE_MS, type ShopRules } from '../core/rules';
import { findBinding } from '../data/bindings';
import { txFindMemberCoupon, txHoldMemberCoupon } from '../data/coupons';
import { isDuplicateKey, transact, type Database } from '../data/db';
import type { CallContext } from '../platform/handler';
import { findOrder, insertOrder, txFindOrder, txInsertOrder, type OrderRecord } from '../data/orders';
import { findProducts } from '../data/products';
import { openAccount, queueSpend, saveAccount, type OpenAccount } from '../data/points';
import { loadSettings } from '../data/settings';
import { cancelLines, reserveLines } from './flash-order';
import { holdGroup, planGroupOrder, pricedLines, releaseGroup } from './group-order';
import { viewOrder } from './view';

export async function createOrder(input: OrderInput<'create'>, ctx: CallContext): Promise<{ order: Order }> {
  const { db, openid: buyer, now } = ctx;
  if (!buyer) throw new AppError('auth.required');
  const id = orderIdFor(buyer, input.requestId);
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
  const [products, plan] = await Promise.all([
    findProducts(
      db,
      input.items.map((l) => l.productId),
    ),
    planGroupOrder(db, input, buyer, id, now).catch(async (error: unknown) => {
      // A retry of a placed group order finds its own slot taken: the placed order is the answer.
      if (await findOrder(db, id)) return null;
      throw error;
    }),
  ]);

  // A group order at its group price (order/group-order.ts); other lines of a live flash sale at its price, their
  // units from the sale (order/flash-order.ts). The totals wait for the settings (below).
  const lines = pricedLines(input.items, products, plan, now);
  const token = randomBytes(8).toString('hex');
  const refused = plan && (await holdGroup(db, plan, { id, buyerId: buyer, token }, now));
  const giveBack = async () => {
    await cancelLines(db, token, lines);
    if (plan) await releaseGroup(db, plan, token, buyer);
  };
  const stopShort = async (error: unknown): Promise<never> => {
    await giveBack();
    throw error;
  };
  const short = refused ? null : await reserveLines(db, token, id, buyer, lines, products, now);
  if (short && plan) await releaseGroup(db, plan, token, buyer);
  if (refused || short) {
    // A concurrent copy of this very request may be what holds the stock; not when the member never took units of
    // the sale that refused (order/flash-order.ts): most refusals of a flash sale's rush.
    const placed = short?.untouched ? null : await findOrder(db, id);
    if (placed) return sameRequest(ctx, placed, requestHash);
    const line = short?.line;
    throw (
      refused ||
      short?.refused ||
      new AppError('order.stock_insufficient', `库存不足：${line?.title ?? ''} ${line?.spec ?? ''}`.trim())
    );
  }

  // Read once the stock is held, both at once: a refusal (most creates in a rush) needs neither.
  const [{ rules }, binding] = await Promise.all([loadSettings(db), findBinding(db, buyer)]).catch(stopShort);
  let priced: PricedOrder;
  try {
    priced = totalsOf(lines, rules);
  } catch (error) {
    // Shipping took the payable over MAX_PAYABLE_FEN.
    return stopShort(error);
  }
  const sharer = attributedSharer(buyer, binding, now);
  const order: OrderRecord = {
    _id: id,
    requestKey: `${buyer}:${input.requestId}`,
    requestHash,
    buyerId: buyer,
    status: INITIAL_STATUS,
    items: priced.lines,
    amounts: amountsOf(priced),
    pointsRules: { earnPerYuan: rules.pointsEarnPerYuan, expiryDays: rules.pointsExpiryDays },
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
                products.get(l.productId)?.commissionRateBp ?? rules.commissionRateBp,
              ]),
            ),
          },
        }
      : {}),
    createdAt: now,
    day: chinaDay(now),
    // A group order is paid before its group's end at the latest.
    payBefore: new Date(
      Math.min(now.getTime() + rules.unpaidCancelMinutes * MINUTE_MS, plan?.group?.endsAt.valueOf() ?? Infinity),
    ),
    ...(plan ? { group: { groupBuyId: plan.gb._id, groupId: plan.groupId, slot: token, holds: true } } : {}),
    holdsStock: true,
    holds: [token],
    timeline: [{ at: now, label: '已下单', detail: `请在 ${rules.unpaidCancelMinutes} 分钟内付款` }],
  };
  const outcome = await (pointsToUse > 0 || input.couponId !== undefined
    ? insertWithDiscounts(db, order, { points: pointsToUse, couponId: input.couponId }, priced, rules, now)
    : insertPlain(db, order)
  ).catch(stopShort);
  // Not placed by this copy: its reservation goes back (the same request placed it first, or a discount refused).
  if (!('order' in outcome)) await giveBack();
  if ('placed' in outcome) return sameRequest(ctx, outcome.placed, requestHash, rules);
  if ('refused' in outcome) throw outcome.refused;
  return { order: await viewOrder(ctx.cloud, outcome.order, 'buyer', now, rules) };
}

/** Inserts the order; the same request placed first (the duplicate id) answers with that order. */
async function insertPlain(
  db: Database,
  order: OrderRecord,
): Promise<{ order: OrderRecord } | { placed: OrderRecord }> {
  try {
    await insertOrder(db, order);
    return { order };
  } catch (error) {
    const placed = isDuplicateKey(error) && (await findOrder(db, order._id));
    if (!placed) throw error;
    return { placed };
  }
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
  rules?: ShopRules,
): Promise<{ order: Order }> {
  if (order.requestHash !== requestHash) throw new AppError('order.request_conflict');
  return { order: await viewOrder(ctx.cloud, order, 'buyer', ctx.now, rules ?? (await loadSettings(ctx.db)).rules) };
}
