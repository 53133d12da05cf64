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
