// Recording WeChat Pay's confirmed payment, late payments included. A pending order becomes paid. A cancelled one
// (the payment came after the unpaid timeout or the buyer's cancel) is honoured: its stock is taken again when it
// is still there (else the owner is asked to restock or refund), and the points it spent are taken again; when
// the member no longer has them, the order keeps no discount: the whole payment is refunded automatically. Its
// coupon is taken again the same way; when another order holds it by now, the payment is refunded in full too.
// Every write names the facts it was decided on (status, whether the order still holds its stock), so a cancel
// or a stock release racing the payment makes it decide again instead of believing stale facts. A group order's
// payment goes into its group (flows/group-pay.ts).
import { randomBytes } from 'node:crypto';
import { AppError } from '../contracts/errors';
import { chinaDay } from '../core/order-id';
import type { ShopRules } from '../core/rules';
import { transact, type Cloud, type Database } from '../data/db';
import { findOrder, txFindOrder, type OrderRecord } from '../data/orders';
import { openAccount, queueRespend, saveAccount } from '../data/points';
import type { Settings } from '../data/settings';
import { cancelReservation, clearMarks, reserveAll } from '../data/stock';
import { txTakeCouponAgain } from './coupons';
import { followUp } from './follow-up';
import { payGroupOrder } from './group-pay';
import { refundAutomatically } from './start-refund';
import { foldStatsSoon } from './stats';
import { moveOrder, moveOrderInTx } from './transition';

export type PaidOutcome = 'paid' | 'late_paid' | 'already_paid' | 'refunding';

export interface Payment {
  transactionId: string;
  paidFen: number;
}

export async function recordPayment(
  cloud: Cloud,
  db: Database,
  id: string,
  pay: Payment,
  now: Date,
  settings: Settings,
) {
  const rules = settings.rules;
  for (let attempt = 0; attempt < 5; attempt++) {
    const order = await findOrder(db, id);
    if (!order) throw new AppError('order.not_found');
    const paid = {
      paidAt: now,
      paidDay: chinaDay(now),
      paidFen: pay.paidFen,
      transactionId: pay.transactionId,
      statsDue: true,
    };
    let outcome: PaidOutcome | null;
    if (order.group) {
      outcome = await payGroupOrder(cloud, db, order, paid, now, settings);
    } else if (order.status === 'pending_payment') {
      const moved = await moveOrder(db, order, 'pay', 'system', now, rules, {
        patch: paid,
        event: { label: '已付款', detail: '微信支付' },
      });
      outcome = moved ? 'paid' : null;
    } else if (order.status === 'cancelled') {
      outcome = await payCancelled(db, order, paid, now, rules);
      if (outcome === 'refunding') {
        const short = await findOrder(db, id);
        if (short) await refundAutomatically(cloud, db, short, now, settings);
      }
    } else {
      // Any later state means this payment was recorded before (a repeated callback).
      outcome = 'already_paid';
    }
    if (outcome === null) continue; // another change got there first: decide again
    // Also on a repeated delivery: it finishes a crediting an earlier delivery could not (idempotent).
    await followUp(db, id, now, rules);
    await foldStatsSoon(db, id, rules, now);
    return outcome;
  }
  throw new Error(`order ${id}: payment could not be recorded after 5 attempts`);
}

/**
 * A payment for a cancelled order. Stock is reserved (marked with a fresh token) before the transaction when the
 * order no longer holds its own; the transaction re-reads the order, takes the points again if they were given
 * back, and writes the order only if it is still cancelled and holds the stock it held when read.
 */
async function payCancelled(db: Database, read: OrderRecord, paid: object, now: Date, rules: ShopRules) {
  const token = randomBytes(8).toString('hex');
  const lines = read.items;
  const short = read.holdsStock ? null : await reserveAll(db, token, read._id, lines, now);
  const reserved = !read.holdsStock && short === null;
  let result: { outcome: PaidOutcome; took: boolean } | null;
  try {
    result = await transact(db, async (t) => {
      const order = await txFindOrder(t, read._id);
      if (order?.status !== 'cancelled' || order.holdsStock !== read.holdsStock) return null;
      let pointsShort = false;
      const patch: Record<string, unknown> = { ...paid };
      if (order.amounts.pointsUsed > 0 && order.pointsBack) {
        // Points still owed back were never returned: they stay spent. Points returned are taken again.
        if (order.pointsBack === 'done') {
          const account = await openAccount(t, order.buyerId, now);
          const taken = queueRespend(account, order._id, order.amounts.pointsUsed, now);
          if (taken) {
            await saveAccount(t, account, now);
            patch.points = { taken };
          } else pointsShort = true;
        }
        if (!pointsShort) patch.pointsBack = db.command.remove();
      }
      // A coupon no other order took is the order's again (in this transaction); else the discount is gone.
      const couponShort = !pointsShort && !(await txTakeCouponAgain(t, order, now));
      if (couponShort) pointsShort = true;
      const took = reserved && !pointsShort;
      if (took) Object.assign(patch, { holdsStock: true, holds: db.command.push([token]) });
      const stockShort = !order.holdsStock && !took;
      patch.attention = {
        latePayment: true,
        stockShort: stockShort && !pointsShort,
        ...(pointsShort ? { pointsShort } : {}),
        ...(couponShort ? { couponShort } : {}),
      };
      const detail = couponShort
        ? '支付在订单取消后到账，所用优惠券已退回并被使用：将全额退款'
        : pointsShort
          ? '支付在订单取消后到账，所用积分已退回并被使用：将全额退款'
          : stockShort
            ? '支付在订单取消后到账，库存已不足：请补货或退款'
            : '支付在订单取消后到账，已重新锁定库存';
      await moveOrderInTx(t, db, order, 'latePay', 'system', now, rules, { patch, event: { label: '已付款', detail } });
      return { outcome: pointsShort ? 'refunding' : 'late_paid', took };
    });
  } catch (error) {
    if (reserved) await cancelReservation(db, token, lines);
    throw error;
  }
  if (reserved && result?.took)
    await clearMarks(
      db,
      [token],
      lines.map((l) => l.productId),
    );
  else if (reserved) await cancelReservation(db, token, lines);
  return result?.outcome ?? null;
}
