// Keyset paging over (sort, id): stable under inserts and deletes, with no skipped or repeated items,
// unlike offset paging. The cursor is opaque to clients.
import { AppError, ERRORS } from '../contracts/errors';

export interface PagePosition {
  sort: number;
  id: string;
}

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): PagePosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isFinite(value[0]) && typeof value[1] === 'string') {
      return { sort: value[0], id: value[1] };
    }
  } catch {
    // fall through: a cursor we did not make
  }
  throw new AppError('input.invalid', `${ERRORS['input.invalid']}：cursor`);
}

/** Splits `limit + 1` fetched rows into the page and the cursor of what follows (null at the end). */
export function pageOf<T extends PagePosition>(rows: readonly T[], limit: number): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? encodeCursor(last) : null };
}

const MAX_DATE_MS = 8.64e15;
/** Ids in cursors are the shop's own (order ids, ledger keys): far shorter than this. */
const MAX_CURSOR_ID = 200;

/** A position in a newest-first list keyed on (time, id): orders, commission lines, withdrawals. */
export interface TimePosition {
  at: Date;
  id: string;
}

export function encodeTimeCursor(position: TimePosition): string {
  return Buffer.from(JSON.stringify([position.at.getTime(), position.id]), 'utf8').toString('base64url');
}

export function decodeTimeCursor(cursor: string | undefined): TimePosition | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // A time a Date can hold (±8.64e15 ms): a forged one past it would be an Invalid Date in the query.
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') {
      if (Math.abs(value[0]) <= MAX_DATE_MS && value[1].length <= MAX_CURSOR_ID)
        return { at: new Date(value[0]), id: value[1] };
    }
  } catch {
    // fall through: a cursor we did not make
  }
  throw new AppError('input.invalid', `${ERRORS['input.invalid']}：cursor`);
}

/** Splits `limit + 1` fetched rows into the page and the cursor of what follows (null at the end). */
export function splitTimePage<T extends { _id: string }>(
  rows: readonly T[],
  limit: number,
  timeOf: (row: T) => Date,
): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeTimeCursor({ at: new Date(timeOf(last)), id: last._id }) : null,
  };
}
