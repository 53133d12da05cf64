// The marks reservations leave on products (data/stock.ts). A mark whose order took the reservation over (its
// `holds` names the token) is only a leftover: it is removed, whatever its age. A mark no order took over is stock
// taken by a call that crashed (kill -9 of the runtime, a timeout) between taking it and recording the order, or
// between giving it back and removing the mark: once the mark is older than any invocation can live
// (RECLAIM_AFTER_MS is well past the longest function timeout CloudBase allows, and the runtime ends an invocation
// at its timeout), its call is over for sure, and the stock goes back in the same update that removes the mark.
import type { Database } from '../data/db';
import { holdsOf } from '../data/orders';
import { clearMarks, giveBackMark, listMarked } from '../data/stock';

/** CloudBase's longest function timeout is 900 s; twice that and some. */
export const RECLAIM_AFTER_MS = 30 * 60_000;

export async function reclaimStock(
  db: Database,
  now: Date,
  limit: number,
): Promise<{ reclaimed: number; cleared: number }> {
  const counts = { reclaimed: 0, cleared: 0 };
  const before = now.getTime() - RECLAIM_AFTER_MS;
  for (const product of await listMarked(db, now, limit)) {
    const taken = await holdsOf(db, [...new Set(product.holds.map((h) => h.order))]);
    const absorbed = product.holds.filter((h) => taken.get(h.order)?.includes(h.token));
    if (absorbed.length > 0) {
      await clearMarks(db, [...new Set(absorbed.map((h) => h.token))], [product._id]);
      counts.cleared += absorbed.length;
    }
    for (const mark of product.holds.filter((h) => !absorbed.includes(h) && h.at.getTime() <= before)) {
      if (await giveBackMark(db, product._id, mark)) counts.reclaimed++;
    }
  }
  return counts;
}
