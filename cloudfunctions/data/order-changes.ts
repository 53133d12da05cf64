// Order changes that touch more than the order: cancelling (stock back), paying (including a payment that
// arrives after the order was cancelled), refunds, and the buyer's subscribe messages. Shared by the order,
// payment and scheduler functions. Each change is claimed first by a conditional update of the order's status,
// so it runs once however many callers race; the stock follows the claim.
import { AppError } from '../contracts/errors';
import { chinaDay } from '../core/order-id';
import type { Cloud, Database } from './db';
import { findOrder, updateIf, updateIfStatus, type OrderRecord } from './orders';
import type { Settings } from './settings';
import type { ProductRecord } from '../core/product';
import { releaseAll, reserveAll } from './stock';
import { reconcileCommission } from './commissions';
import { catchUpPoints } from './order-points';
import { catchUpPurchase } from './purchases';
import type { ShopRules } from '../core/rules';

/** Cancels a pending order (the buyer's cancel or the unpaid timeout) and gives its stock and spent points back. */
export async function cancelPending(db: Database, order: OrderRecord, now: Date, detail: string, rules: ShopRules): Promise<boolean> {
  const claimed = await updateIfStatus(db, order._id, 'pending_payment', { status: 'cancelled', cancelledAt: now, ...pointsBack(order) }, { at: now, label: '已取消', detail });
  if (!claimed) return false;
  await releaseHeld(db, order._id);
  if (order.amounts.pointsUsed > 0) await catchUpPoints(db, order._id, now, rules);
  return true;
}

/** An order that spent points owes them back from the change that ends it (claimed with that change). */
function pointsBack(order: OrderRecord): { pointsBack?: 'owed' } {
  return order.amounts.pointsUsed > 0 ? { pointsBack: 'owed' } : {};
}

/** The change that completes an order: its after-sale window starts, its earnings and its purchase count are owed. */
export function completion(now: Date): Record<string, unknown> {
  return { status: 'completed', completedAt: now, pointsEarn: 'owed', purchase: 'owed' };
}

/**
 * Gives back the stock an order holds (cancelled, or refunded before shipping), exactly once: the order's
 * `holdsStock` flag and the SKUs' stock change in one transaction. A conflict or a crash leaves the flag set,
 * and the scheduler's next run releases it (listStranded), so stock is never lost nor returned twice.
 */
export async function releaseHeld(db: Database, orderId: string): Promise<boolean> {
  try {
    return await db.runTransaction(async (t) => {
      const order = (await t.collection<OrderRecord>('orders').doc(orderId).get()).data;
      if (!order.holdsStock || !releasable(order)) return false;
      await t.collection('orders').doc(orderId).update({ data: { holdsStock: false } });
      const byProduct = new Map<string, OrderRecord['items']>();
      for (const line of order.items) byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
      for (const [productId, lines] of byProduct) {
        const product = (await t.collection<ProductRecord>('products').doc(productId).get()).data;
        const data: Record<string, unknown> = {};
        for (const line of lines) {
          // Found by id, not by the position it had when ordered: the owner may have edited the SKUs since.
          const index = product.skus.findIndex((s) => s.id === line.skuId);
          if (index >= 0) data[`skus.${index}.stock`] = db.command.inc(line.qty);
        }
        if (Object.keys(data).length > 0) await t.collection('products').doc(productId).update({ data });
      }
      return true;
    }, 3);
  } catch (error) {
    console.error(`order ${orderId}: stock release deferred to the scheduler`, error);
    return false;
  }
}

/** An order whose goods never left: cancelled, or refunded while it was still waiting to ship. */
export function releasable(order: Pick<OrderRecord, 'status' | 'refund'>): boolean {
  return order.status === 'cancelled' || (order.status === 'refunded' && order.refund?.fromStatus === 'paid');
}

export type PaidOutcome = 'paid' | 'late_paid' | 'already_paid';

/**
 * Records WeChat Pay's confirmed payment. A pending order becomes paid. A cancelled one (the payment came after
 * the unpaid timeout) is honoured: its stock is taken again when it is still there, and either way the order
 * is paid and flagged for the owner, never dropped.
 */
export async function recordPayment(db: Database, id: string, pay: { transactionId: string; paidFen: number }, now: Date): Promise<PaidOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = await findOrder(db, id);
    if (!order) throw new AppError('order.not_found');
    // An attributed order owes its sharer commission from the moment it is paid (commissions.ts pays it out).
    const paid = { paidAt: now, paidDay: chinaDay(now), paidFen: pay.paidFen, transactionId: pay.transactionId, ...(order.sharer ? { commissionState: 'owed' } : {}) };
    if (order.status === 'pending_payment') {
      if (await updateIfStatus(db, id, 'pending_payment', { status: 'paid', ...paid }, { at: now, label: '已付款', detail: '微信支付' })) return 'paid';
      continue; // cancelled meanwhile: decide again
    }
    if (order.status === 'cancelled') {
      const short = order.holdsStock ? null : await reserveAll(db, order.items);
      const attention = { latePayment: true, stockShort: short !== null };
      const detail = short ? '支付在订单取消后到账，库存已不足：请补货或退款' : '支付在订单取消后到账，已重新锁定库存';
      const claimed = await updateIf(
        db,
        { _id: id, status: 'cancelled' },
        { status: 'paid', ...paid, holdsStock: short === null, attention },
        { at: now, label: '已付款', detail },
      );
      if (claimed) return 'late_paid';
      if (!short) await releaseAll(db, order.items);
      continue;
    }
    // Any later state means this payment was recorded before (a repeated callback).
    return 'already_paid';
  }
  throw new Error(`order ${id}: payment could not be recorded after 3 attempts`);
}

/**
 * Finishes an approved refund when WeChat Pay confirms it: an unshipped order's stock goes back, commission is
 * reversed, spent points come back and pending earnings are cancelled.
 */
export async function recordRefund(db: Database, order: OrderRecord, now: Date, rules: ShopRules): Promise<boolean> {
  const claimed = await updateIf(
    db,
    { _id: order._id, status: 'refunding', 'refund.outRefundNo': order.refund?.outRefundNo },
    { status: 'refunded', 'refund.refundedAt': now, ...pointsBack(order) },
    { at: now, label: '已退款', detail: '款项已原路退回' },
  );
  if (!claimed) return false;
  // Refunded before shipping: the goods never left, so their stock comes back (shipped goods stay sold).
  if (order.refund?.fromStatus === 'paid') await releaseHeld(db, order._id);
  await catchUpCommission(db, order._id, now, rules);
  // Spent points come back; earnings still pending are cancelled; a completed order no longer counts as bought.
  await catchUpPoints(db, order._id, now, rules);
  await catchUpPurchase(db, order._id, now);
  return true;
}

/** Moves the order's commission on now; if that fails (a conflict, a crash), the scheduler's sweep does it later. */
export async function catchUpCommission(db: Database, orderId: string, now: Date, rules: ShopRules): Promise<void> {
  try {
    await reconcileCommission(db, orderId, now, rules);
  } catch (error) {
    console.error(`order ${orderId}: commission deferred to the scheduler`, error);
  }
}

export type Notice = 'shipped' | 'refund';

/** Tells the buyer by subscribe message, when they allowed it and the shop set a template. Never fails the change. */
export async function notifyBuyer(cloud: Cloud, templates: Settings['templates'], order: OrderRecord, notice: Notice, now: Date, text: string): Promise<void> {
  if (!order.notify?.[notice]) return;
  try {
    const templateId = templates[notice];
    if (!templateId) return;
    const title = order.items[0]?.title ?? '订单';
    await (cloud.openapi as unknown as { subscribeMessage: { send(input: object): Promise<unknown> } }).subscribeMessage.send({
      touser: order.buyerId,
      templateId,
      page: `/pages/order/index?id=${order._id}`,
      data: {
        character_string1: { value: order._id },
        thing2: { value: title.slice(0, 20) },
        thing3: { value: text.slice(0, 20) },
        time4: { value: new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') },
      },
    });
  } catch (error) {
    console.error(`order ${order._id}: subscribe message ${notice} not sent`, error);
  }
}
