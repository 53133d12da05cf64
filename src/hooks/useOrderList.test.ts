import { act, renderHook, waitFor } from '@testing-library/react';
import { orderApi } from '../api/order';
import type { BuyerTab, Order } from '../../cloudfunctions/contracts/order';
import { deferred } from '../test-utils/deferred';
import { useOrderList } from './useOrderList';

jest.mock('../api/order', () => ({ orderApi: { list: jest.fn() } }));
const list = orderApi.list as jest.MockedFunction<typeof orderApi.list>;

const order = (id: string) => ({ id, status: 'paid' }) as Order;
const page = (ids: string[], nextCursor: string | null) => ({
  ok: true as const,
  data: { items: ids.map(order), nextCursor },
});

beforeEach(() => list.mockReset());

describe('useOrderList', () => {
  it('pages through one tab without duplicates and stops at nextCursor null', async () => {
    list.mockResolvedValueOnce(page(['a', 'b'], 'c1')).mockResolvedValueOnce(page(['b', 'c'], null));
    const { result } = renderHook(() => useOrderList('to_receive', 2));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(list).toHaveBeenCalledWith({ tab: 'to_receive', limit: 2 });
    await act(() => result.current.loadMore());
    expect(list).toHaveBeenLastCalledWith({ tab: 'to_receive', cursor: 'c1', limit: 2 });
    expect(result.current.items.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(result.current.done).toBe(true);
    await act(() => result.current.loadMore());
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('switching tabs shows the new tab loading at once and drops the old tab’s late answer', async () => {
    const late = deferred<ReturnType<typeof page>>();
    list
      .mockResolvedValueOnce(page(['a'], 'c1'))
      .mockReturnValueOnce(late.promise)
      .mockResolvedValueOnce(page(['x'], null));
    const { result, rerender } = renderHook(({ tab }: { tab: BuyerTab }) => useOrderList(tab), {
      initialProps: { tab: 'all' },
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));

    let more!: Promise<void>;
    act(() => {
      more = result.current.loadMore();
    });
    rerender({ tab: 'completed' });
    expect(result.current.items).toEqual([]);
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    late.resolve(page(['b'], null));
    await act(() => more);
    expect(result.current.items.map((o) => o.id)).toEqual(['x']);
    expect(list).toHaveBeenLastCalledWith({ tab: 'completed', limit: 10 });
  });

  it('keeps the orders on screen when a refresh fails, and reports it', async () => {
    list
      .mockResolvedValueOnce(page(['a'], null))
      .mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    const { result } = renderHook(() => useOrderList('all'));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(() => result.current.refresh());
    expect(result.current.status).toBe('ready');
    expect(result.current.error?.code).toBe('network');
    expect(result.current.items.map((o) => o.id)).toEqual(['a']);
  });
});
