import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { Result } from '../../api/client';
import { deferred } from '../../test-utils/deferred';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import LoadGate from './LoadGate';
import { useLoadAndSave } from './useLoadAndSave';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());

interface Rules {
  fee: number;
}
type Answer = Result<Rules>;

const ok = (fee: number): Answer => ({ ok: true, data: { fee } });
const refusal = (code: 'network' | 'auth.not_owner' | 'product.not_found', message: string): Answer => ({
  ok: false,
  error: { code, message },
});

const load = jest.fn<Promise<Answer>, []>();
const save = jest.fn<Promise<Answer>, [Partial<Rules>]>();

function renderResource() {
  // A new api object on every render, as the pages pass it.
  return renderHook(() =>
    useLoadAndSave<Rules, Partial<Rules>, 'fee' | 'logo'>({ load: () => load(), save: (input) => save(input) }),
  );
}

beforeEach(() => {
  resetTaroMock();
  load.mockReset();
  save.mockReset();
});

describe('useLoadAndSave', () => {
  it('loads once on mount (not again on re-render) and shows what came', async () => {
    load.mockResolvedValue(ok(10));
    const { result, rerender } = renderResource();
    expect(result.current.data).toBeNull();
    expect(result.current.busy).toBeNull();
    await waitFor(() => expect(result.current.data).toEqual({ fee: 10 }));
    rerender();
    expect(load).toHaveBeenCalledTimes(1);
    expect(result.current.error).toBeNull();
  });

  it('keeps the data on screen when a reload fails, with the error beside it; a later reload clears it', async () => {
    load
      .mockResolvedValueOnce(ok(10))
      .mockResolvedValueOnce(refusal('network', '网络异常'))
      .mockResolvedValueOnce(ok(12));
    const { result } = renderResource();
    await waitFor(() => expect(result.current.data).toEqual({ fee: 10 }));

    await act(() => result.current.reload());
    expect(result.current.data).toEqual({ fee: 10 });
    expect(result.current.error?.message).toBe('网络异常');

    await act(() => result.current.reload());
    expect(result.current.data).toEqual({ fee: 12 });
    expect(result.current.error).toBeNull();
  });

  it('reloads on pull-down and then stops the pull-down spinner', async () => {
    load.mockResolvedValueOnce(ok(10)).mockResolvedValueOnce(ok(11));
    const { result } = renderResource();
    await waitFor(() => expect(result.current.data).toEqual({ fee: 10 }));

    act(() => taroPage.pullDown!());
    await waitFor(() => expect(result.current.data).toEqual({ fee: 11 }));
    await waitFor(() => expect(mockedTaro().stopPullDownRefresh).toHaveBeenCalledTimes(1));
  });

  it('a save answers with the newer data: a load still in flight does not overwrite it', async () => {
    const stale = deferred<Answer>();
    load.mockResolvedValueOnce(ok(10)).mockReturnValueOnce(stale.promise);
    save.mockResolvedValueOnce(ok(20));
    const { result } = renderResource();
    await waitFor(() => expect(result.current.data).toEqual({ fee: 10 }));

    let reloading: Promise<void> = Promise.resolve();
    act(() => void (reloading = result.current.reload()));
    const res = await act(() => result.current.save({ fee: 20 }));
    expect(res).toEqual(ok(20));
    expect(save).toHaveBeenCalledWith({ fee: 20 });
    await act(async () => {
      stale.resolve(ok(15));
      await reloading;
    });
    expect(result.current.data).toEqual({ fee: 20 });
  });

  it("run: busy while saving, then 已保存 (or the page's own words) in a success toast", async () => {
    const saving = deferred<Answer>();
    load.mockResolvedValueOnce(ok(10));
    save.mockReturnValueOnce(saving.promise).mockResolvedValueOnce(ok(30));
    const { result } = renderResource();
    await waitFor(() => expect(result.current.data).toEqual({ fee: 10 }));

    let running: Promise<Answer> = Promise.resolve(ok(0));
    act(() => void (running = result.current.run('fee', { fee: 20 })));
    expect(result.current.busy).toBe('fee');
    await act(async () => {
      saving.resolve(ok(20));
      await running;
    });
    expect(result.current.busy).toBeNull();
    expect(result.current.data).toEqual({ fee: 20 });
    expect(mockedTaro().showToast).toHaveBeenLastCalledWith({ title: '已保存', icon: 'success' });

    await act(() => result.current.run('logo', { fee: 30 }, { done: '标志已更换' }));
    expect(mockedTaro().showToast).toHaveBeenLastCalledWith({ title: '标志已更换', icon: 'success' });
  });

  it('run: a refusal is toasted as the server words it and keeps the data; only the listed ones reload', async () => {
    load.mockResolvedValueOnce(ok(10)).mockResolvedValueOnce(ok(11));
    save
      .mockResolvedValueOnce(refusal('network', '网络异常'))
      .mockResolvedValueOnce(refusal('product.not_found', '商品不存在'));
    const { result } = renderResource();
    await waitFor(() => expect(result.current.data).toEqual({ fee: 10 }));

    const first = await act(() => result.current.run('fee', { fee: 20 }, { reloadOn: ['product.not_found'] }));
    expect(first.ok).toBe(false);
    expect(mockedTaro().showToast).toHaveBeenLastCalledWith({ title: '网络异常', icon: 'none' });
    expect(result.current.busy).toBeNull();
    expect(result.current.data).toEqual({ fee: 10 });
    expect(load).toHaveBeenCalledTimes(1);

    await act(() => result.current.run('fee', { fee: 20 }, { reloadOn: ['product.not_found'] }));
    expect(mockedTaro().showToast).toHaveBeenLastCalledWith({ title: '商品不存在', icon: 'none' });
    await waitFor(() => expect(result.current.data).toEqual({ fee: 11 }));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('setBusy marks a step the page runs itself (an upload) as busy', async () => {
    load.mockResolvedValueOnce(ok(10));
    const { result } = renderResource();
    await waitFor(() => expect(result.current.data).not.toBeNull());
    act(() => result.current.setBusy('logo'));
    expect(result.current.busy).toBe('logo');
    act(() => result.current.setBusy(null));
    expect(result.current.busy).toBeNull();
  });
});

describe('LoadGate', () => {
  it('shows loading before the first answer', () => {
    render(<LoadGate error={null} reload={jest.fn()} />);
    expect(screen.getByText('加载中…')).toBeTruthy();
  });

  it('shows a failed load with 重新加载, which reloads', () => {
    const reload = jest.fn(() => Promise.resolve());
    render(<LoadGate error={{ code: 'network', message: '网络异常' }} reload={reload} />);
    expect(screen.getByText('网络异常')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('tells someone who is not an owner so, with the way back to the shop', () => {
    const reload = jest.fn(() => Promise.resolve());
    render(<LoadGate error={{ code: 'auth.not_owner', message: '仅店主可以操作' }} reload={reload} />);
    expect(screen.getByText('仅店主可以查看')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
    fireEvent.click(screen.getByText('返回首页'));
    expect(mockedTaro().switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });
});
