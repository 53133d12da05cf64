// WeChat Pay's confirmed payment of a group order. Its slot is marked paid (one conditional update of the group,
// while it forms and before its end) and the order waits in `grouping` (待成团); the payment that pays the last slot
// closes the group as succeeded and every order of it becomes paid (flows/group-settle.ts). A payment for a slot
// that is gone (the order was cancelled, or its group ended before the money came) is refunded in full at once. A
// repeated delivery finds its slot paid already and finishes what an earlier one could not.
import type { Cloud, Database } from '../data/db';
import { findGroup, paySlot } from '../data/groups';
import type { OrderRecord } from '../data/orders';
import type { Settings } from '../data/settings';
import { releaseGroupHoldsSoon } from './group-holds';
import { settleGroup } from './group-settle';
import type { PaidOutcome } from './record-payment';
import { refundNumberOf, sendRefund } from './start-refund';
import { moveOrder } from './transition';

export async function payGroupOrder(
  cloud: Cloud,
  db: Database,
  order: OrderRecord,
  paid: { paidFen: number },
  now: Date,
  settings: Settings,
): Promise<PaidOutcome | null> {
  const held = order.group as NonNullable<OrderRecord['group']>;
  if (order.status === 'grouping') {
    await settleGroup(cloud, db, held.groupId, now, settings);
    return 'already_paid';
  }
  if (order.status !== 'pending_payment' && order.status !== 'cancelled') return 'already_paid';
  const slotPaid =
    order.status === 'pending_payment' &&
    ((await paySlot(db, held.groupId, held.slot, order._id, now)) ||
      (await findGroup(db, held.groupId))?.slots[held.slot]?.paid === true);
  if (!slotPaid) return refundLate(cloud, db, order, paid, now, settings);
  const moved = await moveOrder(db, order, 'payIntoGroup', 'system', now, settings.rules, {
    patch: paid,
    event: { label: '已付款', detail: '微信支付，等待好友参团' },
  });
  if (!moved) return null;
  await settleGroup(cloud, db, held.groupId, now, settings);
  return 'paid';
}

/** The money came for a slot the order no longer has: it all goes back, approved by the shop at once. */
async function refundLate(
  cloud: Cloud,
  db: Database,
  order: OrderRecord,
  paid: { paidFen: number },
  now: Date,
  settings: Settings,
): Promise<PaidOutcome | null> {
  const refund = {
    reason: '支付到账时订单已取消或拼团已结束，全额退款',
    requestedAt: now,
    fromStatus: order.status,
    refundFen: paid.paidFen,
    approvedAt: now,
    outRefundNo: refundNumberOf(order._id),
  };
  const moved = await moveOrder(db, order, 'groupLatePay', 'system', now, settings.rules, {
    patch: {
      ...paid,
      refund,
      ...(order.status === 'cancelled' ? { attention: { latePayment: true, stockShort: false } } : {}),
    },
    event: { label: '自动退款', detail: '支付到账时订单已取消或拼团已结束，款项全额原路退回' },
  });
  if (!moved) return null;
  await releaseGroupHoldsSoon(db, order._id);
  await sendRefund(cloud, { ...order, paidFen: paid.paidFen }, paid.paidFen, settings);
  return 'refunding';
}
