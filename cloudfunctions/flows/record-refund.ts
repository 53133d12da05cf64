// Recording WeChat Pay's confirmed refund: the approved refund of the order finishes once. The order becomes
// refunded (which opens the spent points' return); an order that never shipped gives its stock back; commission is
// reversed and points are moved pro rata to the refunded share; the purchase count is taken back; a completed order
// refunded in full has its reviews withdrawn from the public figures (flows/reviews.ts).
import type { ShopRules } from '../core/rules';
import type { Database } from '../data/db';
import type { OrderRecord } from '../data/orders';
import { followUp } from './follow-up';
import { releaseStockSoon } from './release-stock';
import { foldStatsSoon } from './stats';
import { moveOrder } from './transition';

/** True when this call recorded the refund; false when it was recorded before or is not the order's refund. */
export async function recordRefund(db: Database, order: OrderRecord, now: Date, rules: ShopRules): Promise<boolean> {
  const moved = await moveOrder(db, order, 'refundDone', 'system', now, rules, {
    patch: { 'refund.refundedAt': now, statsDue: true },
    event: { label: '已退款', detail: '款项已原路退回' },
  });
  if (!moved) return false;
  // Refunded before shipping: the goods never left, so their stock comes back (shipped goods stay sold).
  await releaseStockSoon(db, order._id);
  await followUp(db, order._id, now, rules);
  await foldStatsSoon(db, order._id, rules, now);
  return true;
}
