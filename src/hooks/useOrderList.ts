// The buyer's orders under one tab: the first page when the tab is shown, more pages by cursor, a refresh that
// starts over. Switching tabs drops whatever the previous tab still had in flight.
import { useCallback, useEffect, useRef, useState } from 'react';
import { orderApi } from '../api/order';
import type { ErrorBody } from '../api/client';
import type { BuyerTab, Order } from '../../cloudfunctions/contracts/order';

export const ORDER_PAGE_SIZE = 10;

export interface OrderList {
  items: Order[];
  /** 'loading' only until the tab's first page has arrived; 'error' only when there is nothing to show. */
  status: 'loading' | 'ready' | 'error';
  /** The last failure of a first page or refresh (shown as a notice when orders are already on screen). */
  error: ErrorBody | null;
  loadingMore: boolean;
  loadMoreError: ErrorBody | null;
  /** No page after the last one loaded. */
  done: boolean;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

interface ListData {
  /** The tab these orders are of. */
  tab: BuyerTab;
  items: Order[];
  nextCursor: string | null;
  status: OrderList['status'];
  error: ErrorBody | null;
  loadingMore: boolean;
  loadMoreError: ErrorBody | null;
}

const initial = (tab: BuyerTab): ListData => ({ tab, items: [], nextCursor: null, status: 'loading', error: null, loadingMore: false, loadMoreError: null });

export function useOrderList(tab: BuyerTab, pageSize: number = ORDER_PAGE_SIZE): OrderList {
  const [stored, setData] = useState<ListData>(() => initial(tab));
  // Another tab's orders never show under this tab's name, not even for the render before its refresh starts.
  const data = stored.tab === tab ? stored : initial(tab);
  // Refs, not state: reach-bottom can fire several times before React re-renders.
  const latest = useRef(data);
  latest.current = data;
  const pageLoading = useRef(false);
  // A refresh or a tab switch supersedes any page still in flight: its answer belongs to the old list.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const gen = ++generation.current;
    pageLoading.current = false;
    setData((d) => (d.tab === tab && d.items.length > 0 ? { ...d, loadingMore: false, loadMoreError: null } : initial(tab)));
    const res = await orderApi.list({ tab, limit: pageSize });
    if (gen !== generation.current) return;
    if (res.ok) {
      setData({ ...initial(tab), items: uniqueById(res.data.items), nextCursor: res.data.nextCursor, status: 'ready' });
    } else {
      setData((d) => ({ ...d, error: res.error, status: d.items.length > 0 ? 'ready' : 'error' }));
    }
  }, [tab, pageSize]);

  const loadMore = useCallback(async () => {
    const { status, nextCursor } = latest.current;
    if (pageLoading.current || status !== 'ready' || nextCursor === null) return;
    pageLoading.current = true;
    const gen = generation.current;
    setData((d) => ({ ...d, loadingMore: true, loadMoreError: null }));
    const res = await orderApi.list({ tab, cursor: nextCursor, limit: pageSize });
    if (gen !== generation.current) return;
    pageLoading.current = false;
    if (res.ok) {
      setData((d) => {
        const seen = new Set(d.items.map((o) => o.id));
        return {
          ...d,
          items: [...d.items, ...uniqueById(res.data.items.filter((o) => !seen.has(o.id)))],
          nextCursor: res.data.nextCursor,
          loadingMore: false,
        };
      });
    } else {
      setData((d) => ({ ...d, loadingMore: false, loadMoreError: res.error }));
    }
  }, [tab, pageSize]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return {
    items: data.items,
    status: data.status,
    error: data.error,
    loadingMore: data.loadingMore,
    loadMoreError: data.loadMoreError,
    done: data.status === 'ready' && data.nextCursor === null,
    refresh,
    loadMore,
  };
}

function uniqueById(items: Order[]): Order[] {
  const seen = new Set<string>();
  return items.filter((o) => (seen.has(o.id) ? false : (seen.add(o.id), true)));
}
