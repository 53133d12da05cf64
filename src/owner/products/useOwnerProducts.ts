// The owner's catalogue for one filter and search, a page at a time; a sale status the owner just changed shows on
// its row at once.
import { useState } from 'react';
import { shopApi } from '../../api/shop';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';
import type { OwnerProductCard, ShopInput } from '../../../cloudfunctions/contracts/shop';
import type { SaleStatus } from '../shared/product-text';

export type ProductFilter = NonNullable<ShopInput<'ownerProducts'>['filter']>;
export const PRODUCTS_PAGE_SIZE = 20;

export interface OwnerProducts extends PagedList<OwnerProductCard> {
  setStatus: (id: string, status: SaleStatus) => void;
}

export function useOwnerProducts(filter: ProductFilter, query: string): OwnerProducts {
  const list = usePagedList(
    (page) => shopApi.ownerProducts({ filter, ...(query ? { query } : {}), ...page, limit: PRODUCTS_PAGE_SIZE }),
    JSON.stringify([filter, query]),
  );
  // Keyed by the row as loaded, not its id: a refresh brings new rows, whose status is newer than a change made
  // here (it may have been changed again in the editor since).
  const [changed, setChanged] = useState(() => new Map<OwnerProductCard, SaleStatus>());
  const setStatus = (id: string, status: SaleStatus) => {
    const row = list.items.find((p) => p.id === id);
    if (row) setChanged((c) => new Map(c).set(row, status));
  };
  const items = list.items.map((p) => {
    const status = changed.get(p);
    return status ? { ...p, status } : p;
  });
  return { ...list, items, setStatus };
}
