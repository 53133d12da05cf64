// Keyset cursors over (createdAt, id) for order lists, newest first. Opaque to clients.
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import type { OrderPosition, OrderRecord } from '../data/orders';

export function decodeOrderCursor(cursor: string | undefined): OrderPosition | null {
  const position = decodeTimeCursor(cursor);
  return position && { createdAt: position.at, id: position.id };
}

/** Splits `limit + 1` fetched rows into the page and the cursor of what follows. */
export function splitPage(rows: OrderRecord[], limit: number): { rows: OrderRecord[]; nextCursor: string | null } {
  return splitTimePage(rows, limit, (r) => r.createdAt);
}
