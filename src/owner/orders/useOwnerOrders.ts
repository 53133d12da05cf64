// The owner's order list for one view and search: the first page when either changes, more pages by cursor,
// and a refresh that starts over. An answer that arrives after the view or search changed is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { orderApi } from '../../api/order';
import type { ErrorBody } from '../../api/client';
import type { Order, OwnerView } from '../../../cloudfunctions/contracts/order';

export const OWNER_PAGE_SIZE = 20;

export interface OwnerOrders {
  items: Order[];
  /** 'loading' until the first page arrives; 'error' only when there is nothing to show. */
  status: 'loading' | 'ready' | 'error';
  /** The last failure of a first page or refresh. */
  error: ErrorBody | null;
  loadingMore: boolean;
  loadMoreError: ErrorBody | null;
  done: boolean;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

interface ListData {
  items: Order[];
  nextCursor: string | null;
  status: OwnerOrders['status'];
  error: ErrorBody | null;
  loadingMore: boolean;
  loadMoreError: ErrorBody | null;
}

const INITIAL: ListData = { items: [], nextCursor: null, status: 'loading', error: null, loadingMore: false, loadMoreError: null };

export function useOwnerOrders(view: OwnerView, q: string): OwnerOrders {
  const [data, setData] = useState<ListData>(INITIAL);
  const latest = useRef(data);
  latest.current = data;
  const pageLoading = useRef(false);
  const generation = useRef(0);
  const query = useRef({ view, q });
  query.current = { view, q };

  const input = (cursor?: string) => {
    const { view: v, q: text } = query.current;
    return { view: v, ...(text ? { q: text } : {}), ...(cursor ? { cursor } : {}), limit: OWNER_PAGE_SIZE };
  };

  /** `clear`: a different view or search, whose list must not show the old one's orders meanwhile. */
  const load = useCallback(async (clear: boolean) => {
    const gen = ++generation.current;
    pageLoading.current = false;
    setData((d) => (clear || d.items.length === 0 ? INITIAL : { ...d, loadingMore: false, loadMoreError: null }));
    const res = await orderApi.ownerList(input());
    if (gen !== generation.current) return;
    if (res.ok) setData({ ...INITIAL, items: res.data.items, nextCursor: res.data.nextCursor, status: 'ready' });
    else setData((d) => ({ ...d, error: res.error, status: d.items.length > 0 ? 'ready' : 'error' }));
  }, []);

  const refresh = useCallback(() => load(false), [load]);

  const loadMore = useCallback(async () => {
    const { status, nextCursor } = latest.current;
    if (pageLoading.current || status !== 'ready' || nextCursor === null) return;
    pageLoading.current = true;
    const gen = generation.current;
    setData((d) => ({ ...d, loadingMore: true, loadMoreError: null }));
    const res = await orderApi.ownerList(input(nextCursor));
    if (gen !== generation.current) return;
    pageLoading.current = false;
    if (res.ok) {
      setData((d) => {
        const seen = new Set(d.items.map((o) => o.id));
        return { ...d, items: [...d.items, ...res.data.items.filter((o) => !seen.has(o.id))], nextCursor: res.data.nextCursor, loadingMore: false };
      });
    } else {
      setData((d) => ({ ...d, loadingMore: false, loadMoreError: res.error }));
    }
  }, []);

  useEffect(() => {
    void load(true);
  }, [load, view, q]);

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
