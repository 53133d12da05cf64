// A list read a page at a time by cursor: the first page on mount and whenever `resetKey` changes, more pages on
// demand, and a refresh that starts over. An answer that belongs to an older key, or to the list before a refresh,
// is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody, Result } from '../api/client';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What to ask for: `{}` for the first page, `{ cursor }` for the one after it (spread into the endpoint's input). */
export type PageRequest = { cursor?: string };

export interface PagedList<T> {
  items: T[];
  /** 'loading' only until the first page has arrived; 'error' only when there is nothing to show. */
  status: 'loading' | 'ready' | 'error';
  /** The last failure of a first page or refresh (shown as a notice when items are already on screen). */
  error: ErrorBody | null;
  /** A refresh is under way over items already on screen. */
  refreshing: boolean;
  loadingMore: boolean;
  loadMoreError: ErrorBody | null;
  /** No page after the last one loaded. */
  done: boolean;
  /** Starts over from the first page, keeping what is on screen until it arrives; resolves when it has (or failed). */
  refresh: () => Promise<void>;
  /** Loads the next page, unless one is loading or there is none. */
  loadMore: () => Promise<void>;
}

interface ListData<T> {
  /** The key these items were loaded under. */
  key: string;
  items: T[];
  nextCursor: string | null;
  status: PagedList<T>['status'];
  error: ErrorBody | null;
  refreshing: boolean;
  loadingMore: boolean;
  loadMoreError: ErrorBody | null;
}

const initial = <T>(key: string): ListData<T> => ({
  key,
  items: [],
  nextCursor: null,
  status: 'loading',
  error: null,
  refreshing: false,
  loadingMore: false,
  loadMoreError: null,
});

/**
 * `fetchPage` may be a new closure on every render: the latest one is called. `resetKey` names the list (a tab, a
 * search…): when it changes the list empties and loads again.
 */
export function usePagedList<T extends { id: string }>(
  fetchPage: (page: PageRequest) => Promise<Result<Page<T>>>,
  resetKey: string,
): PagedList<T> {
  const [stored, setData] = useState<ListData<T>>(() => initial(resetKey));
  // Another key's items never show under this one, not even for the render before its first page is asked for.
  const data = stored.key === resetKey ? stored : initial<T>(resetKey);
  // Refs, not state: reach-bottom can fire several times before React re-renders.
  const latest = useRef(data);
  latest.current = data;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyRef = useRef(resetKey);
  keyRef.current = resetKey;
  const pageLoading = useRef(false);
  // A refresh or a new key supersedes any page still in flight: its answer belongs to the old list.
  const generation = useRef(0);

  /** `clear`: a new key, whose list must not show the old one's items meanwhile. */
  const load = useCallback(async (clear: boolean) => {
    const gen = ++generation.current;
    const key = keyRef.current;
    pageLoading.current = false;
    setData((d) =>
      clear || d.key !== key || d.items.length === 0
        ? initial(key)
        : { ...d, refreshing: true, loadingMore: false, loadMoreError: null },
    );
    const res = await fetchRef.current({});
    if (gen !== generation.current) return;
    if (res.ok) {
      setData({
        ...initial<T>(key),
        items: uniqueById(res.data.items),
        nextCursor: res.data.nextCursor,
        status: 'ready',
      });
    } else {
      setData((d) => ({ ...d, refreshing: false, error: res.error, status: d.items.length > 0 ? 'ready' : 'error' }));
    }
  }, []);

  const refresh = useCallback(() => load(false), [load]);

  const loadMore = useCallback(async () => {
    const { status, nextCursor } = latest.current;
    if (pageLoading.current || status !== 'ready' || nextCursor === null) return;
    pageLoading.current = true;
    const gen = generation.current;
    setData((d) => ({ ...d, loadingMore: true, loadMoreError: null }));
    const res = await fetchRef.current({ cursor: nextCursor });
    if (gen !== generation.current) return;
    pageLoading.current = false;
    if (res.ok) {
      setData((d) => ({
        ...d,
        items: uniqueById([...d.items, ...res.data.items]),
        nextCursor: res.data.nextCursor,
        loadingMore: false,
      }));
    } else {
      setData((d) => ({ ...d, loadingMore: false, loadMoreError: res.error }));
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `resetKey` is the trigger: a new key loads from the top
  useEffect(() => {
    void load(true);
  }, [load, resetKey]);

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

/** The first of each id, in order: a page can repeat an item the previous one ended with when the list shifted. */
function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}
