// The owner's order list for one view and search: the first page when either changes, more pages by cursor,
// and a refresh that starts over. An answer that arrives after the view or search changed is dropped.
import { orderApi } from '../../api/order';
import type { Order, OwnerView } from '../../../cloudfunctions/contracts/order';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';

export const OWNER_PAGE_SIZE = 20;

export type OwnerOrders = PagedList<Order>;

export function useOwnerOrders(view: OwnerView, q: string): OwnerOrders {
  return usePagedList(
    (page) => orderApi.ownerList({ view, ...(q ? { q } : {}), ...page, limit: OWNER_PAGE_SIZE }),
    JSON.stringify([view, q]),
  );
}
