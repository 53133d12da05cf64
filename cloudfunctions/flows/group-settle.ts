// The end of a group (拼团): when its last slot is paid it has succeeded and every order of it becomes paid (only
// then do commission and the other paid steps start: flows/follow-up.ts); when its time runs out first it has
// failed: every paid member is refunded in full through WeChat Pay (`<orderId>R`, confirmed by the refund callback,
// asked again by the scheduler's finishRefunds), each order ending refunded with 拼团未成功 in its timeline, and the
// unpaid orders of it are cancelled. The group's status changes once (data/groups.ts closeGroup, decided by its
// counts at the write); its orders follow one by one, each step conditional on the order's status, so running this
// again (the payment that filled it, the scheduler, a read of the group) only finishes what is left.
import type { ShopRules } from '../core/rules';
import { groupOutcome } from '../core/group-buy';
import type { Cloud, Database } from '../data/db';
import { closeGroup, findGroup, markSettled } from '../data/groups';
import { findOrders, type OrderRecord } from '../data/orders';
import type { Settings } from '../data/settings';
import { followUp } from './follow-up';
import { GROUP_HOLDS_END, releaseGroupHoldsSoon } from './group-holds';
import { releaseStockSoon } from './release-stock';
import { refundNumberOf, sendRefund } from './start-refund';
import { moveOrder } from './transition';

/** Closes the group if its counts or its clock say so, then moves its orders; true when it was settled now. */
export async function settleGroup(cloud: Cloud, db: Database, groupId: string, now: Date, settings: Settings) {
  let group = await findGroup(db, groupId);
  const outcome = group && groupOutcome(group, now);
  if (group && outcome) {
    await closeGroup(db, group, outcome, now);
    group = await findGroup(db, groupId);
  }
  if (group?.settled !== false) return false;
  const orders = await findOrders(
    db,
    Object.values(group.slots).map((s) => s.order),
  );
  let done = true;
  for (const order of orders) {
    const followed =
      group.status === 'succeeded'
        ? await formOrder(db, order, now, settings.rules)
        : await failOrder(cloud, db, order, now, settings);
    done &&= followed;
  }
  if (done) await markSettled(db, groupId);
  return done;
}

/** A paid order of a formed group becomes paid; one whose payment is still being recorded waits for it. */
async function formOrder(db: Database, order: OrderRecord, now: Date, rules: ShopRules): Promise<boolean> {
  if (order.status === 'pending_payment') return false;
  if (order.status !== 'grouping') return true;
  const moved = await moveOrder(db, order, 'groupFormed', 'system', now, rules, {
    patch: { 'group.holds': false },
    event: { label: '拼团成功', detail: '已成团，等待商家发货' },
  });
  if (moved) await followUp(db, order._id, now, rules);
  return moved !== null;
}

/** A paid order of a failed group is refunded in full; an unpaid one is cancelled; both give back what they held. */
async function failOrder(cloud: Cloud, db: Database, order: OrderRecord, now: Date, settings: Settings) {
  const { rules } = settings;
  if (order.status === 'grouping') {
    const refundFen = order.paidFen ?? order.amounts.payableFen;
    const refund = {
      reason: '拼团未成功，全额退款',
      requestedAt: now,
      fromStatus: 'grouping',
      refundFen,
      approvedAt: now,
      outRefundNo: refundNumberOf(order._id),
    };
    const moved = await moveOrder(db, order, 'groupFailed', 'system', now, rules, {
      patch: { refund },
      event: { label: '拼团未成功', detail: '到时未成团，款项全额原路退回' },
    });
    if (!moved) return false;
    await releaseGroupHoldsSoon(db, order._id);
    // A refusal or a crash here is asked again by the scheduler (finishRefunds), under the same number.
    await sendRefund(cloud, order, refundFen, settings);
    return true;
  }
  if (order.status === 'pending_payment') {
    const moved = await moveOrder(db, order, 'expire', 'system', now, rules, {
      patch: { cancelledAt: now },
      event: { label: '拼团未成功', detail: '到时未成团，订单已取消' },
    });
    if (!moved) return false;
    await releaseStockSoon(db, order._id);
    await releaseGroupHoldsSoon(db, order._id);
    if (order.amounts.pointsUsed > 0) await followUp(db, order._id, now, rules);
    return true;
  }
  if (order.group?.holds && GROUP_HOLDS_END.includes(order.status)) await releaseGroupHoldsSoon(db, order._id);
  return true;
}
