import { act, renderHook, waitFor } from '@testing-library/react';
import { shopApi } from '../api/shop';
import { deferred } from '../test-utils/deferred';
import { useProductFeed } from './useProductFeed';

jest.mock('../api/shop', () => ({ shopApi: { listProducts: jest.fn() } }));
const listProducts = shopApi.listProducts as jest.MockedFunction<typeof shopApi.listProducts>;

const card = (id: string) => ({ id, title: `商品 ${id}`, image: `/img/${id}.png`, priceFen: 1000, soldOut: false });
const page = (ids: string[], nextCursor: string | null) => ({
  ok: true as const,
  data: { items: ids.map(card), nextCursor },
});

beforeEach(() => listProducts.mockReset());

describe('useProductFeed', () => {
  it('appends the next page without duplicates and stops at nextCursor null', async () => {
    listProducts.mockResolvedValueOnce(page(['a', 'b'], 'c1')).mockResolvedValueOnce(page(['b', 'c'], null));
    const { result } = renderHook(() => useProductFeed(2));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.items.map((p) => p.id)).toEqual(['a', 'b']);
    expect(result.current.done).toBe(false);

    await act(() => result.current.loadMore());
    expect(listProducts).toHaveBeenLastCalledWith({ cursor: 'c1', limit: 2 });
    expect(result.current.items.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(result.current.done).toBe(true);

    await act(() => result.current.loadMore());
    expect(listProducts).toHaveBeenCalledTimes(2);
  });

  it('ends as an empty, finished list when the shop has no products', async () => {
    listProducts.mockResolvedValueOnce(page([], null));
    const { result } = renderHook(() => useProductFeed());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.items).toEqual([]);
    expect(result.current.done).toBe(true);
  });

  it('reports an error on the first page and recovers on refresh', async () => {
    listProducts.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    const { result } = renderHook(() => useProductFeed());
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('network');

    listProducts.mockResolvedValueOnce(page(['a'], null));
    await act(() => result.current.refresh());
    expect(result.current.status).toBe('ready');
    expect(result.current.error).toBeNull();
    expect(result.current.items.map((p) => p.id)).toEqual(['a']);
  });

  it('refresh starts over from the first page and drops a page still in flight', async () => {
    const stale = deferred<ReturnType<typeof page>>();
    listProducts
      .mockResolvedValueOnce(page(['a', 'b'], 'c1'))
      .mockReturnValueOnce(stale.promise)
      .mockResolvedValueOnce(page(['z', 'a'], 'c9'));
    const { result } = renderHook(() => useProductFeed(2));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    let more!: Promise<void>;
    act(() => {
      more = result.current.loadMore();
    });
    await act(() => result.current.refresh());
    expect(listProducts).toHaveBeenLastCalledWith({ limit: 2 });
    stale.resolve(page(['c', 'd'], null));
    await act(() => more);
    expect(result.current.items.map((p) => p.id)).toEqual(['z', 'a']);
    expect(result.current.done).toBe(false);
  });

  it('keeps the list when loading more fails, and can try again', async () => {
    listProducts
      .mockResolvedValueOnce(page(['a'], 'c1'))
      .mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } })
      .mockResolvedValueOnce(page(['b'], null));
    const { result } = renderHook(() => useProductFeed(1));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(() => result.current.loadMore());
    expect(result.current.loadMoreError?.code).toBe('network');
    expect(result.current.items.map((p) => p.id)).toEqual(['a']);
    await act(() => result.current.loadMore());
    expect(result.current.items.map((p) => p.id)).toEqual(['a', 'b']);
    expect(result.current.loadMoreError).toBeNull();
  });
});
