// The home page's catalogue: the first page on mount, more pages by cursor, and a refresh that starts over.
import { useCallback, useEffect, useRef, useState } from 'react';
import { shopApi } from '../api/shop';
import type { ErrorBody } from '../api/client';
import type { ProductCard } from '../../cloudfunctions/contracts/shop';

export const FEED_PAGE_SIZE = 10;

export interface ProductFeed {
  items: ProductCard[];
  /** 'loading' only until the first page has arrived; 'error' only when there is nothing to show. */
  status: 'loading' | 'ready' | 'error';
  /** The last failure of a first page or refresh (shown as a notice when items are already on screen). */
  error: ErrorBody | null;
  refreshing: boolean;
  loadingMore: boolean;
  loadMoreError: ErrorBody | null;
  /** No page after the last one loaded. */
  done: boolean;
  /** Starts over from the first page; resolves when it has arrived (or failed). */
  refresh: () => Promise<void>;
  /** Loads the next page, unless one is loading or there is none. */
  loadMore: () => Promise<void>;
}

interface FeedData {
  items: ProductCard[];
  nextCursor: string | null;
  status: ProductFeed['status'];
  error: ErrorBody | null;
  refreshing: boolean;
  loadingMore: boolean;
  loadMoreError: ErrorBody | null;
}

const INITIAL: FeedData = {
  items: [],
  nextCursor: null,
  status: 'loading',
  error: null,
  refreshing: false,
  loadingMore: false,
  loadMoreError: null,
};

export function useProductFeed(pageSize: number = FEED_PAGE_SIZE): ProductFeed {
  const [data, setData] = useState<FeedData>(INITIAL);
  // Refs, not state: reach-bottom can fire several times before React re-renders.
  const latest = useRef(data);
  latest.current = data;
  const pageLoading = useRef(false);
  // A refresh supersedes any page still in flight: its answer belongs to the old list.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const gen = ++generation.current;
    pageLoading.current = false;
    setData((d) => ({ ...d, refreshing: d.items.length > 0, status: d.items.length > 0 ? d.status : 'loading', loadingMore: false, loadMoreError: null }));
    const res = await shopApi.listProducts({ limit: pageSize });
    if (gen !== generation.current) return;
    if (res.ok) {
      setData({ ...INITIAL, items: uniqueById(res.data.items), nextCursor: res.data.nextCursor, status: 'ready' });
    } else {
      setData((d) => ({ ...d, refreshing: false, error: res.error, status: d.items.length > 0 ? 'ready' : 'error' }));
    }
  }, [pageSize]);

  const loadMore = useCallback(async () => {
    const { status, nextCursor } = latest.current;
    if (pageLoading.current || status !== 'ready' || nextCursor === null) return;
    pageLoading.current = true;
    const gen = generation.current;
    setData((d) => ({ ...d, loadingMore: true, loadMoreError: null }));
    const res = await shopApi.listProducts({ cursor: nextCursor, limit: pageSize });
    if (gen !== generation.current) return;
    pageLoading.current = false;
    if (res.ok) {
      setData((d) => {
        const seen = new Set(d.items.map((p) => p.id));
        const fresh = res.data.items.filter((p) => !seen.has(p.id));
        return { ...d, items: [...d.items, ...uniqueById(fresh)], nextCursor: res.data.nextCursor, loadingMore: false };
      });
    } else {
      setData((d) => ({ ...d, loadingMore: false, loadMoreError: res.error }));
    }
  }, [pageSize]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return {
    items: data.items,
    status: data.status,
    error: data.error,
    refreshing: data.refreshing,
    loadingMore: data.loadingMore,
    loadMoreError: data.loadMoreError,
    done: data.status === 'ready' && data.nextCursor === null,
    refresh,
    loadMore,
  };
}

function uniqueById(items: ProductCard[]): ProductCard[] {
  const seen = new Set<string>();
  return items.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}
