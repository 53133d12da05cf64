// What a group order holds besides stock: its slot in the group and its units of the activity (data/groups.ts,
// data/group-buys.ts). An order that ends without its group forming (cancelled unpaid, or refunded because its
// group failed or its payment found no slot) gives them back exactly once: its flag `group.holds`, the activity's
// counters and, while the group still forms, its slot change in one transaction. A conflict or a crash leaves the
// flag set and the scheduler's next run releases it. A formed group's orders keep their units (sold) for good.
// Reservations no order took over (a create that crashed between taking them and inserting its order) are given
// back once their mark or slot is older than any invocation can live (RECLAIM_AFTER_MS, as for stock).
import type { OrderStatus } from '../contracts/order';
import { memberKeyOf } from '../core/group-buy';
import { transact, type Database } from '../data/db';
import { clearUnitMarks, giveBackUnits, listUnitMarked, txReleaseUnits } from '../data/group-buys';
import { giveBackSlot, listWithStaleSlots, txFindGroup, txFreeSlot } from '../data/groups';
import { holdsOf, txFindOrder, txUpdateOrder } from '../data/orders';
import { RECLAIM_AFTER_MS } from './reclaim-stock';

/** The statuses of a group order that ended without its group: what it holds goes back. */
export const GROUP_HOLDS_END: readonly OrderStatus[] = ['cancelled', 'refunding', 'refunded'];

/** Gives back the order's slot and units if it still holds them and has ended; false when there was nothing to do. */
export async function releaseGroupHolds(db: Database, orderId: string): Promise<boolean> {
  return transact(db, async (t) => {
    const order = await txFindOrder(t, orderId);
    const held = order?.group;
    if (!order || !held?.holds || !GROUP_HOLDS_END.includes(order.status)) return false;
    const group = await txFindGroup(t, held.groupId);
    await txUpdateOrder(t, orderId, { 'group.holds': false });
    await txReleaseUnits(t, db, held.groupBuyId, memberKeyOf(order.buyerId), order.items[0].qty);
    if (group?.status === 'forming' && group.slots[held.slot]) await txFreeSlot(t, db, group, held.slot);
    return true;
  });
}

/** Releases now; a failure (a conflict, a crash) is left to the scheduler's sweep. */
export async function releaseGroupHoldsSoon(db: Database, orderId: string): Promise<void> {
  try {
    await releaseGroupHolds(db, orderId);
  } catch (error) {
    console.error(`order ${orderId}: group slot release deferred to the scheduler`, error);
  }
}

/** Clears the unit marks orders took over; gives back units and slots of creates that crashed before their order. */
export async function reclaimGroupHolds(db: Database, now: Date, limit: number) {
  const counts = { cleared: 0, reclaimed: 0, freed: 0 };
  const before = now.getTime() - RECLAIM_AFTER_MS;
  for (const gb of await listUnitMarked(db, limit)) {
    const taken = await holdsOf(db, [...new Set(gb.holds.map((h) => h.order))]);
    const absorbed = gb.holds.filter((h) => taken.get(h.order)?.includes(h.token));
    if (absorbed.length > 0) {
      await clearUnitMarks(
        db,
        gb._id,
        absorbed.map((h) => h.token),
      );
      counts.cleared += absorbed.length;
    }
    for (const mark of gb.holds.filter((h) => !absorbed.includes(h) && h.at.getTime() <= before)) {
      if (await giveBackUnits(db, gb._id, mark)) counts.reclaimed++;
    }
  }
  for (const group of await listWithStaleSlots(db, new Date(before), limit)) {
    const stale = Object.entries(group.slots).filter(([, s]) => !s.paid && new Date(s.at).getTime() <= before);
    const taken = await holdsOf(db, [...new Set(stale.map(([, s]) => s.order))]);
    for (const [token, s] of stale) {
      if (taken.get(s.order)?.includes(token)) continue;
      if (await giveBackSlot(db, group._id, token, s.buyerId)) counts.freed++;
    }
  }
  return counts;
}
