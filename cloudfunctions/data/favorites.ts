// A member's favourites (收藏): one document per member and product, `_id` = `<openid>:<productId>`, so keeping a
// product twice is one document and dropping it is one delete.
import type { TimePosition } from '../core/paging';
import { type Database, getOrNull, isDuplicateKey, pageAfter } from './db';

export interface FavoriteRecord {
  _id: string;
  memberId: string;
  productId: string;
  /** When it was kept (a second keep leaves it as it was). */
  at: Date;
}

const favorites = (db: Database) => db.collection<FavoriteRecord>('favorites');
const favoriteId = (memberId: string, productId: string) => `${memberId}:${productId}`;

export async function isFavorite(db: Database, memberId: string, productId: string): Promise<boolean> {
  if (!memberId) return false;
  return (await getOrNull(favorites(db), favoriteId(memberId, productId))) !== null;
}

/**
 * Keeps a product for a member unless it is kept already; refused at `max` favourites. The cap is counted before
 * the insert: one member's own calls racing at the last slot may pass it by the few in flight.
 */
export async function keepFavorite(
  db: Database,
  memberId: string,
  productId: string,
  at: Date,
  max: number,
): Promise<{ kept: true } | { refused: 'favorite.too_many' }> {
  if (await isFavorite(db, memberId, productId)) return { kept: true };
  const { total } = await favorites(db).where({ memberId }).count();
  if (total >= max) return { refused: 'favorite.too_many' };
  try {
    await favorites(db).add({ data: { _id: favoriteId(memberId, productId), memberId, productId, at } });
  } catch (error) {
    // The same keep sent twice at once: the other one stored it.
    if (!isDuplicateKey(error)) throw error;
  }
  return { kept: true };
}

export async function dropFavorite(db: Database, memberId: string, productId: string): Promise<void> {
  await favorites(db)
    .where({ _id: favoriteId(memberId, productId) })
    .remove();
}

/** A member's favourites, newest first, after `after` (exclusive). */
export async function listFavorites(
  db: Database,
  memberId: string,
  after: TimePosition | null,
  limit: number,
): Promise<FavoriteRecord[]> {
  const where = pageAfter(db, { memberId }, 'at', after);
  const { data } = await favorites(db)
    .where(where as object)
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}
