// Stock a reservation took and no order took over: a crash (kill -9 of the runtime, a timeout) between taking the
// stock and recording the order, or between giving it back and removing its mark. A mark is looked at only once it
// is older than any invocation can live (RECLAIM_AFTER_MS is well past the longest function timeout CloudBase
// allows, and the runtime ends an invocation at its timeout), so the reservation's own call is over: if the order
// took the reservation over (its `holds` names the token) the stock is the order's and only the mark goes;
// otherwise the stock goes back, in the same update that removes the mark.
import type { Database } from '../data/db';
import { findOrder } from '../data/orders';
import { clearMarks, giveBackMark, listMarked } from '../data/stock';

/** CloudBase's longest function timeout is 900 s; twice that and some. */
export const RECLAIM_AFTER_MS = 30 * 60_000;

export async function reclaimStock(db: Database, now: Date, limit: number): Promise<{ reclaimed: number; cleared: number }> {
  const counts = { reclaimed: 0, cleared: 0 };
  const before = new Date(now.getTime() - RECLAIM_AFTER_MS);
  for (const product of await listMarked(db, before, limit)) {
    for (const mark of product.holds.filter((h) => h.at.getTime() <= before.getTime())) {
      const order = await findOrder(db, mark.order);
      if (order?.holds?.includes(mark.token)) {
        await clearMarks(db, mark.token, [product._id]);
        counts.cleared++;
      } else if (await giveBackMark(db, product._id, mark)) {
        counts.reclaimed++;
      }
    }
  }
  return counts;
}
