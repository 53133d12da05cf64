// Places an order: priced here from the catalogue, stock reserved for every line or none, and idempotent on
// the buyer's requestId (the same request again, even concurrently, answers with the same order).
import { AppError } from '../contracts/errors';
import type { Order, OrderInput } from '../contracts/order';
import { attributedSharer } from '../core/commission';
import { chinaDay, orderIdFor, requestHashOf } from '../core/order-id';
import { priceOrder } from '../core/pricing';
import { MINUTE_MS } from '../core/rules';
import { findBinding } from '../data/bindings';
import { isDuplicateKey } from '../data/db';
import type { CallContext } from '../data/handler';
import { findOrder, insertOrder, type OrderRecord } from '../data/orders';
import { findProducts } from '../data/products';
import { loadSettings, type Settings } from '../data/settings';
import { releaseAll, reserveAll } from '../data/stock';
import { viewOrder } from './view';

export async function createOrder(input: OrderInput<'create'>, ctx: CallContext): Promise<{ order: Order }> {
  if (!ctx.openid) throw new AppError('auth.required');
  const id = orderIdFor(ctx.openid, input.requestId);
  const requestHash = requestHashOf({ items: input.items, address: input.address, note: input.note ?? '' });
  // A retry of a placed request is not looked up first (no request to spare): its reservation meets the
  // duplicate id at insert, goes back, and the placed order is the answer.
  const [settings, products, binding] = await Promise.all([
    loadSettings(ctx.db),
    findProducts(ctx.db, input.items.map((l) => l.productId)),
    findBinding(ctx.db, ctx.openid),
  ]);

  const priced = priceOrder(input.items, products, settings.rules);
  const short = await reserveAll(ctx.db, priced.lines);
  if (short) {
    // A concurrent copy of this very request may be what holds the stock.
    const placed = await findOrder(ctx.db, id);
    if (placed) return sameRequest(ctx, placed, requestHash, settings);
    const line = priced.lines.find((l) => l.skuId === short.skuId && l.productId === short.productId);
    throw new AppError('order.stock_insufficient', `库存不足：${line?.title ?? ''} ${line?.spec ?? ''}`.trim());
  }

  const now = ctx.now;
  const sharer = attributedSharer(ctx.openid, binding, now);
  const order: OrderRecord = {
    _id: id,
    requestKey: `${ctx.openid}:${input.requestId}`,
    requestHash,
    buyerId: ctx.openid,
    status: 'pending_payment',
    items: priced.lines,
    amounts: { goodsFen: priced.goodsFen, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: priced.shippingFen, payableFen: priced.payableFen },
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
            rates: Object.fromEntries(priced.lines.map((l) => [l.productId, products.get(l.productId)?.commissionRateBp ?? settings.rules.commissionRateBp])),
          },
        }
      : {}),
    createdAt: now,
    day: chinaDay(now),
    payBefore: new Date(now.getTime() + settings.rules.unpaidCancelMinutes * MINUTE_MS),
    holdsStock: true,
    timeline: [{ at: now, label: '已下单', detail: `请在 ${settings.rules.unpaidCancelMinutes} 分钟内付款` }],
  };
  try {
    await insertOrder(ctx.db, order);
  } catch (error) {
    await releaseAll(ctx.db, priced.lines);
    if (!isDuplicateKey(error)) throw error;
    // The same request placed it first: answer with that order; this copy's reservation went back.
    const placed = await findOrder(ctx.db, id);
    if (!placed) throw error;
    return sameRequest(ctx, placed, requestHash, settings);
  }
  return { order: await viewOrder(ctx.cloud, order, 'buyer', now, settings.rules) };
}

async function sameRequest(ctx: CallContext, order: OrderRecord, requestHash: string, settings: Settings): Promise<{ order: Order }> {
  if (order.requestHash !== requestHash) throw new AppError('order.request_conflict');
  return { order: await viewOrder(ctx.cloud, order, 'buyer', ctx.now, settings.rules) };
}
