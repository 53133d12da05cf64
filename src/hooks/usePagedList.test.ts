import { act, renderHook, waitFor } from '@testing-library/react';
import type { Result } from '../api/client';
import { deferred } from '../test-utils/deferred';
import { usePagedList, type Page, type PageRequest } from './usePagedList';

interface Item {
  id: string;
}
type Answer = Result<Page<Item>>;

const page = (ids: string[], nextCursor: string | null): Answer => ({
  ok: true,
  data: { items: ids.map((id) => ({ id })), nextCursor },
});
const failure: Answer = { ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } };

const fetchPage = jest.fn<Promise<Answer>, [PageRequest]>();
const ids = (list: { items: Item[] }) => list.items.map((i) => i.id);

/** The hook under `key`, calling the shared mock; `rerender({ key })` switches lists. */
function renderList(key = 'a') {
  return renderHook(({ key: k }: { key: string }) => usePagedList((p) => fetchPage(p), k), { initialProps: { key } });
}

beforeEach(() => fetchPage.mockReset());

describe('usePagedList', () => {
  it('asks for the first page without a cursor and shows it, without duplicates', async () => {
    fetchPage.mockResolvedValueOnce(page(['a', 'b', 'a'], 'c1'));
    const { result } = renderList();
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(fetchPage).toHaveBeenCalledWith({});
    expect(ids(result.current)).toEqual(['a', 'b']);
    expect(result.current.done).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it('appends the next page by cursor, drops items already shown, and stops when there is no next cursor', async () => {
    fetchPage.mockResolvedValueOnce(page(['a', 'b'], 'c1')).mockResolvedValueOnce(page(['b', 'c', 'c'], null));
    const { result } = renderList();
    await waitFor(() => expect(result.current.status).toBe('ready'));

    await act(() => result.current.loadMore());
    expect(fetchPage).toHaveBeenLastCalledWith({ cursor: 'c1' });
    expect(ids(result.current)).toEqual(['a', 'b', 'c']);
    expect(result.current.done).toBe(true);

    await act(() => result.current.loadMore());
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('ends as an empty, finished list when there is nothing', async () => {
    fetchPage.mockResolvedValueOnce(page([], null));
    const { result } = renderList();
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.items).toEqual([]);
    expect(result.current.done).toBe(true);
  });

  it('asks for one next page while one is already loading', async () => {
    const second = deferred<Answer>();
    fetchPage.mockResolvedValueOnce(page(['a'], 'c1')).mockReturnValueOnce(second.promise);
    const { result } = renderList();
    await waitFor(() => expect(result.current.status).toBe('ready'));

    let first!: Promise<void>;
    act(() => {
      first = result.current.loadMore();
      void result.current.loadMore();
      void result.current.loadMore();
    });
    expect(result.current.loadingMore).toBe(true);
    second.resolve(page(['b'], null));
    await act(() => first);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(result.current.loadingMore).toBe(false);
    expect(ids(result.current)).toEqual(['a', 'b']);
  });

  it('does not load more before the first page has arrived', async () => {
    const first = deferred<Answer>();
    fetchPage.mockReturnValueOnce(first.promise);
    const { result } = renderList();
    await act(() => result.current.loadMore());
    expect(fetchPage).toHaveBeenCalledTimes(1);
    first.resolve(page(['a'], 'c1'));
    await waitFor(() => expect(result.current.status).toBe('ready'));
  });

  it('keeps the list when loading more fails, and can try again', async () => {
    fetchPage
      .mockResolvedValueOnce(page(['a'], 'c1'))
      .mockResolvedValueOnce(failure)
      .mockResolvedValueOnce(page(['b'], null));
    const { result } = renderList();
    await waitFor(() => expect(result.current.status).toBe('ready'));

    await act(() => result.current.loadMore());
    expect(result.current.loadMoreError?.code).toBe('network');
    expect(result.current.loadingMore).toBe(false);
    expect(ids(result.current)).toEqual(['a']);
    expect(result.current.done).toBe(false);

    await act(() => result.current.loadMore());
    expect(fetchPage).toHaveBeenLastCalledWith({ cursor: 'c1' });
    expect(ids(result.current)).toEqual(['a', 'b']);
    expect(result.current.loadMoreError).toBeNull();
  });

  it('reports a failed first page as an error, and a refresh recovers', async () => {
    fetchPage.mockResolvedValueOnce(failure).mockResolvedValueOnce(page(['a'], null));
    const { result } = renderList();
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('network');

    await act(() => result.current.refresh());
    expect(result.current.status).toBe('ready');
    expect(result.current.error).toBeNull();
    expect(ids(result.current)).toEqual(['a']);
  });

  it('a refresh keeps the items on screen until the first page is back, then starts over', async () => {
    const again = deferred<Answer>();
    fetchPage
      .mockResolvedValueOnce(page(['a'], 'c1'))
      .mockResolvedValueOnce(page(['b'], 'c2'))
      .mockReturnValueOnce(again.promise);
    const { result } = renderList();
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(() => result.current.loadMore());
    expect(ids(result.current)).toEqual(['a', 'b']);

    let refreshed!: Promise<void>;
    act(() => {
      refreshed = result.current.refresh();
    });
    expect(fetchPage).toHaveBeenLastCalledWith({});
    expect(result.current.refreshing).toBe(true);
    expect(result.current.status).toBe('ready');
    expect(ids(result.current)).toEqual(['a', 'b']);

    again.resolve(page(['z'], null));
    await act(() => refreshed);
    expect(result.current.refreshing).toBe(false);
    expect(ids(result.current)).toEqual(['z']);
    expect(result.current.done).toBe(true);
  });

  it('keeps the items when a refresh fails, and reports it', async () => {
    fetchPage.mockResolvedValueOnce(page(['a'], null)).mockResolvedValueOnce(failure);
    const { result } = renderList();
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(() => result.current.refresh());
    expect(result.current.status).toBe('ready');
    expect(result.current.refreshing).toBe(false);
    expect(result.current.error?.code).toBe('network');
    expect(ids(result.current)).toEqual(['a']);
  });

  it('drops a next page still in flight when a refresh starts', async () => {
    const stale = deferred<Answer>();
    fetchPage
      .mockResolvedValueOnce(page(['a', 'b'], 'c1'))
      .mockReturnValueOnce(stale.promise)
      .mockResolvedValueOnce(page(['z', 'a'], 'c9'));
    const { result } = renderList();
    await waitFor(() => expect(result.current.status).toBe('ready'));

    let more!: Promise<void>;
    act(() => {
      more = result.current.loadMore();
    });
    await act(() => result.current.refresh());
    stale.resolve(page(['c', 'd'], null));
    await act(() => more);
    expect(ids(result.current)).toEqual(['z', 'a']);
    expect(result.current.loadingMore).toBe(false);
    expect(result.current.done).toBe(false);

    // The dropped page does not block the next one.
    fetchPage.mockResolvedValueOnce(page(['y'], null));
    await act(() => result.current.loadMore());
    expect(fetchPage).toHaveBeenLastCalledWith({ cursor: 'c9' });
    expect(ids(result.current)).toEqual(['z', 'a', 'y']);
  });

  it('a new key empties the list at once, loads its first page, and drops the old key’s late answers', async () => {
    const lateMore = deferred<Answer>();
    const lateFirst = deferred<Answer>();
    fetchPage.mockResolvedValueOnce(page(['a'], 'c1')).mockReturnValueOnce(lateMore.promise);
    // Every render, as the page would draw it: no render may show one key's items under another.
    const drawn: { key: string; ids: string[] }[] = [];
    const { result, rerender } = renderHook(
      ({ key }: { key: string }) => {
        const list = usePagedList((p) => fetchPage(p), key);
        drawn.push({ key, ids: ids(list) });
        return list;
      },
      { initialProps: { key: 'one' } },
    );
    await waitFor(() => expect(result.current.status).toBe('ready'));

    let more!: Promise<void>;
    act(() => {
      more = result.current.loadMore();
    });
    fetchPage.mockReturnValueOnce(lateFirst.promise).mockResolvedValueOnce(page(['x'], null));
    rerender({ key: 'two' });
    expect(result.current.items).toEqual([]);
    expect(result.current.status).toBe('loading');
    rerender({ key: 'three' });
    await waitFor(() => expect(result.current.status).toBe('ready'));

    lateMore.resolve(page(['b'], null));
    lateFirst.resolve(page(['t'], null));
    await act(() => more);
    expect(ids(result.current)).toEqual(['x']);
    expect(fetchPage).toHaveBeenCalledTimes(4);
    expect(drawn.filter((r) => r.key !== 'one' && r.ids.includes('a'))).toEqual([]);
  });

  it('calls the latest fetchPage, and asks again only when the key changes', async () => {
    const other = jest.fn<Promise<Answer>, [PageRequest]>();
    fetchPage.mockResolvedValueOnce(page(['a'], 'c1'));
    other.mockResolvedValueOnce(page(['b'], null));
    const { result, rerender } = renderHook(({ fetch }: { fetch: typeof fetchPage }) => usePagedList(fetch, 'same'), {
      initialProps: { fetch: fetchPage },
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));

    rerender({ fetch: other });
    expect(other).not.toHaveBeenCalled();
    await act(() => result.current.loadMore());
    expect(other).toHaveBeenCalledWith({ cursor: 'c1' });
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(ids(result.current)).toEqual(['a', 'b']);
  });
});
