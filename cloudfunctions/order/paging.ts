// Keyset cursors over (createdAt, id) for order lists, newest first. Opaque to clients.
import { AppError, ERRORS } from '../contracts/errors';
import type { OrderPosition, OrderRecord } from '../data/orders';

export function encodeOrderCursor(order: Pick<OrderRecord, '_id' | 'createdAt'>): string {
  return Buffer.from(JSON.stringify([new Date(order.createdAt).getTime(), order._id]), 'utf8').toString('base64url');
}

export function decodeOrderCursor(cursor: string | undefined): OrderPosition | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') {
      return { createdAt: new Date(value[0]), id: value[1] };
    }
  } catch {
    // fall through: a cursor we did not make
  }
  throw new AppError('input.invalid', `${ERRORS['input.invalid']}：cursor`);
}

/** Splits `limit + 1` fetched rows into the page and the cursor of what follows. */
export function splitPage(rows: OrderRecord[], limit: number): { rows: OrderRecord[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeOrderCursor(last) : null };
}
