// 我的收藏: the buyer's favourites a page at a time, latest first; one taken out here leaves the list once the shop
// has dropped it.
import { useState } from 'react';
import { shopApi } from '../../api/shop';
import type { Result } from '../../api/client';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';
import type { FavoriteItem } from '../../../cloudfunctions/contracts/shop';

export const FAVORITES_PAGE_SIZE = 20;

export interface Favorites extends PagedList<FavoriteItem> {
  /** Drops a product from the favourites. */
  remove: (productId: string) => Promise<Result<unknown>>;
}

export function useFavorites(): Favorites {
  const list = usePagedList((page) => shopApi.favorites({ ...page, limit: FAVORITES_PAGE_SIZE }), 'favorites');
  // Keyed by the row as loaded: a refresh brings the shop's own list again.
  const [removed, setRemoved] = useState(() => new Set<FavoriteItem>());
  const remove = async (productId: string) => {
    const res = await shopApi.favorite({ productId, on: false });
    const row = list.items.find((f) => f.id === productId);
    if (res.ok && row) setRemoved((r) => new Set(r).add(row));
    return res;
  };
  return { ...list, items: list.items.filter((f) => !removed.has(f)), remove };
}
