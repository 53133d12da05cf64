// The buyer's orders under one tab: the first page when the tab is shown, more pages by cursor, a refresh that
// starts over. Switching tabs drops whatever the previous tab still had in flight.
import { orderApi } from '../api/order';
import type { BuyerTab, Order } from '../../cloudfunctions/contracts/order';
import { usePagedList, type PagedList } from './usePagedList';

export const ORDER_PAGE_SIZE = 10;

export type OrderList = PagedList<Order>;

export function useOrderList(tab: BuyerTab, pageSize: number = ORDER_PAGE_SIZE): OrderList {
  return usePagedList((page) => orderApi.list({ tab, ...page, limit: pageSize }), `${tab}:${pageSize}`);
}
