import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import type { RateTable } from '../../../cloudfunctions/contracts/commission';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { field, typeInto } from '../shared/test-fields';
import OwnerRatesPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/commission', () => ({ commissionApi: { rates: jest.fn(), setRate: jest.fn() } }));

const Taro = mockedTaro();
const rates = commissionApi.rates as jest.MockedFunction<typeof commissionApi.rates>;
const setRate = commissionApi.setRate as jest.MockedFunction<typeof commissionApi.setRate>;
const RATE_FIELD = '请输入 0-50 的数字';

const table = (over: Partial<RateTable> = {}): RateTable => ({
  defaultRateBp: 500,
  products: [
    { id: 'puer357', title: '勐海普洱茶饼 357g', rateBp: null },
    { id: 'rice5kg', title: '五常稻花香大米 5kg', rateBp: 825 },
  ],
  ...over,
});
/** A product's row, by its title. */
const row = (title: string) => within(screen.getByText(title).closest('.owner-rates__product') as HTMLElement);

async function openRates(t: RateTable = table()) {
  rates.mockResolvedValueOnce({ ok: true, data: t });
  render(<OwnerRatesPage />);
  await screen.findByText('店铺默认佣金');
}

beforeEach(() => {
  resetTaroMock();
  rates.mockReset();
  setRate.mockReset();
});

describe('owner commission rates', () => {
  it('shows the default in percent, and each product’s own rate or 跟随默认', async () => {
    await openRates();
    expect(screen.getByText('5%')).toBeTruthy();
    expect(row('勐海普洱茶饼 357g').getByText('跟随默认 5%')).toBeTruthy();
    expect(row('勐海普洱茶饼 357g').queryByText('恢复默认')).toBeNull();
    expect(row('五常稻花香大米 5kg').getByText('单独设置 8.25%')).toBeTruthy();
    expect(row('五常稻花香大米 5kg').getByText('恢复默认')).toBeTruthy();
  });

  it('edits the default: prefilled, checked, confirmed as applying to new orders, saved in basis points', async () => {
    await openRates();
    fireEvent.click(screen.getAllByText('修改')[0]);
    expect((await field(RATE_FIELD)).value).toBe('5');

    for (const [typed, error] of [
      ['50.5', '佣金比例不能超过 50%'],
      ['7.125', '最多两位小数'],
      ['', '请输入佣金比例'],
    ]) {
      await typeInto(RATE_FIELD, typed);
      fireEvent.click(screen.getByText('保存'));
      expect(screen.getByText(error)).toBeTruthy();
    }
    expect(Taro.showModal).not.toHaveBeenCalled();

    await typeInto(RATE_FIELD, '7.5');
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await act(async () => void fireEvent.click(screen.getByText('保存')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '店铺默认佣金改为 7.5%。修改后仅对新订单生效。' }),
    );
    expect(setRate).not.toHaveBeenCalled();
    expect(screen.getByText('保存')).toBeTruthy();

    setRate.mockResolvedValueOnce({ ok: true, data: table({ defaultRateBp: 750 }) });
    await act(async () => void fireEvent.click(screen.getByText('保存')));
    expect(setRate).toHaveBeenCalledWith({ rateBp: 750 });
    expect(screen.getByText('7.5%')).toBeTruthy();
    expect(row('勐海普洱茶饼 357g').getByText('跟随默认 7.5%')).toBeTruthy();
    expect(screen.queryByText('保存')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
  });

  it('edits a product that follows the default, starting from the default', async () => {
    await openRates();
    fireEvent.click(row('勐海普洱茶饼 357g').getByText('修改'));
    expect((await field(RATE_FIELD)).value).toBe('5');
    await typeInto(RATE_FIELD, '12');
    setRate.mockResolvedValueOnce({
      ok: true,
      data: table({ products: [{ id: 'puer357', title: '勐海普洱茶饼 357g', rateBp: 1200 }, table().products[1]] }),
    });
    await act(async () => void fireEvent.click(screen.getByText('保存')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '“勐海普洱茶饼 357g”的佣金改为 12%。修改后仅对新订单生效。' }),
    );
    expect(setRate).toHaveBeenCalledWith({ productId: 'puer357', rateBp: 1200 });
    expect(row('勐海普洱茶饼 357g').getByText('单独设置 12%')).toBeTruthy();
    expect(row('勐海普洱茶饼 357g').getByText('恢复默认')).toBeTruthy();
  });

  it('恢复默认 confirms and removes the product’s own rate', async () => {
    await openRates();
    setRate.mockResolvedValueOnce({
      ok: true,
      data: table({ products: [table().products[0], { id: 'rice5kg', title: '五常稻花香大米 5kg', rateBp: null }] }),
    });
    await act(async () => void fireEvent.click(row('五常稻花香大米 5kg').getByText('恢复默认')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '“五常稻花香大米 5kg”恢复为跟随默认 5%。修改后仅对新订单生效。' }),
    );
    expect(setRate).toHaveBeenCalledWith({ productId: 'rice5kg', rateBp: null });
    expect(row('五常稻花香大米 5kg').getByText('跟随默认 5%')).toBeTruthy();
    expect(row('五常稻花香大米 5kg').queryByText('恢复默认')).toBeNull();
  });

  it('saving the rate already set sends nothing', async () => {
    await openRates();
    fireEvent.click(row('五常稻花香大米 5kg').getByText('修改'));
    expect((await field(RATE_FIELD)).value).toBe('8.25');
    await act(async () => void fireEvent.click(screen.getByText('保存')));
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(setRate).not.toHaveBeenCalled();
    expect(screen.queryByText('保存')).toBeNull();
  });

  it('a failed save keeps the sheet and shows the message; a product gone reloads the table', async () => {
    await openRates();
    fireEvent.click(screen.getAllByText('修改')[0]);
    await typeInto(RATE_FIELD, '6');
    setRate.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    await act(async () => void fireEvent.click(screen.getByText('保存')));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络异常，请稍后重试', icon: 'none' });
    expect((await field(RATE_FIELD)).value).toBe('6');
    expect(screen.getByText('5%')).toBeTruthy();
    fireEvent.click(screen.getByText('取消'));

    setRate.mockResolvedValueOnce({ ok: false, error: { code: 'product.not_found', message: '商品不存在或已下架' } });
    rates.mockResolvedValueOnce({ ok: true, data: table({ products: [table().products[0]] }) });
    await act(async () => void fireEvent.click(row('五常稻花香大米 5kg').getByText('恢复默认')));
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '商品不存在或已下架', icon: 'none' });
    await waitFor(() => expect(screen.queryByText('五常稻花香大米 5kg')).toBeNull());
    expect(rates).toHaveBeenCalledTimes(2);
  });

  it('saves one rate at a time', async () => {
    await openRates();
    let answer: (v: Awaited<ReturnType<typeof commissionApi.setRate>>) => void = () => undefined;
    setRate.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await act(async () => void fireEvent.click(row('五常稻花香大米 5kg').getByText('恢复默认')));
    expect(row('五常稻花香大米 5kg').getByText('保存中…')).toBeTruthy();
    fireEvent.click(row('勐海普洱茶饼 357g').getByText('修改'));
    fireEvent.click(screen.getAllByText('修改')[0]);
    expect(screen.queryByText('保存')).toBeNull();
    await act(async () =>
      answer({
        ok: true,
        data: table({ products: [table().products[0], { id: 'rice5kg', title: '五常稻花香大米 5kg', rateBp: null }] }),
      }),
    );
    expect(row('五常稻花香大米 5kg').getByText('跟随默认 5%')).toBeTruthy();
    expect(setRate).toHaveBeenCalledTimes(1);
  });

  it('loading fails with 重新加载; pull-down reloads; a non-owner is told only the owner can see it', async () => {
    rates.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    const { unmount } = render(<OwnerRatesPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    rates.mockResolvedValueOnce({ ok: true, data: table() });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('5%')).toBeTruthy();

    rates.mockResolvedValueOnce({ ok: true, data: table({ defaultRateBp: 300 }) });
    act(() => taroPage.pullDown!());
    expect(await screen.findByText('3%')).toBeTruthy();
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1));
    unmount();

    rates.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerRatesPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });
});
