import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { campaignOwnerApi } from '../../api/campaign-owner';
import { makeOwnerFlashSale } from '../../test-utils/campaigns-owner';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import OwnerFlashSalesPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/campaign-owner', () => ({
  campaignOwnerApi: { ownerFlashSales: jest.fn(), stopFlashSale: jest.fn() },
}));

const Taro = mockedTaro();
const list = campaignOwnerApi.ownerFlashSales as jest.MockedFunction<typeof campaignOwnerApi.ownerFlashSales>;
const stop = campaignOwnerApi.stopFlashSale as jest.MockedFunction<typeof campaignOwnerApi.stopFlashSale>;

const live = makeOwnerFlashSale();
const ended = makeOwnerFlashSale({
  id: 'fs2',
  title: '普洱茶饼',
  skus: [{ skuId: 's5', spec: '357g', priceFen: 9900, originalFen: 19900, stock: 5, stockLeft: 0 }],
  status: 'ended',
  sold: 5,
  perMember: 2,
});

const cardOf = (title: string) => screen.getByText(title).closest('.campaigns__card')! as HTMLElement;
const skuRows = (title: string) =>
  Array.from(cardOf(title).querySelectorAll('.campaigns__sku')).map((row) =>
    Array.from(row.children).map((el) => el.textContent),
  );

beforeEach(() => {
  resetTaroMock();
  list.mockReset().mockResolvedValue({ ok: true, data: { items: [live, ended], nextCursor: null } });
  stop.mockReset();
});

describe('the owner’s 秒杀活动', () => {
  it('lists each sale: window, status, and per SKU the flash price, the normal one, sold / set aside', async () => {
    render(<OwnerFlashSalesPage />);
    expect(await screen.findByText('五常大米')).toBeTruthy();
    expect(list).toHaveBeenCalledWith({ limit: 20 });
    const rice = cardOf('五常大米');
    expect(rice.textContent).toContain('12月8日 10:00 至 12月8日 12:00');
    expect(rice.textContent).toContain('已售 20 件 · 每人限购 1 件');
    expect(rice.textContent).toContain('进行中');
    expect(skuRows('五常大米')).toEqual([
      ['5kg', '¥29.90', '¥49.90', '已售 20/50'],
      ['10kg', '¥59.90', '¥89.90', '已售 0/10'],
    ]);
    expect(cardOf('普洱茶饼').textContent).toContain('已结束');
    expect(skuRows('普洱茶饼')).toEqual([['357g', '¥99.00', '¥199.00', '已售 5/5']]);
    expect(screen.getAllByText('停止')).toHaveLength(1);
  });

  it('停止 asks first, saying the unsold units go back to stock; declined, nothing is stopped', async () => {
    taroPage.confirm = false;
    render(<OwnerFlashSalesPage />);
    fireEvent.click(await screen.findByText('停止'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '停止秒杀',
          content: '停止后「五常大米」立即结束，且不能恢复；未售出的秒杀库存退回商品的正常库存。',
        }),
      ),
    );
    expect(stop).not.toHaveBeenCalled();
  });

  it('confirmed, stops the sale and shows it stopped', async () => {
    const { title: _t, sold: _s, ...answered } = { ...live, status: 'stopped' as const };
    stop.mockResolvedValueOnce({ ok: true, data: { flashSale: answered } });
    render(<OwnerFlashSalesPage />);
    fireEvent.click(await screen.findByText('停止'));
    await waitFor(() => expect(cardOf('五常大米').textContent).toContain('已停止'));
    expect(stop).toHaveBeenCalledWith({ id: 'fs1' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已停止，未售出的已退回库存', icon: 'none' });
    expect(cardOf('五常大米').textContent).toContain('已售 20 件');
    expect(screen.queryByText('停止')).toBeNull();
  });

  it('a refused stop is said and changes nothing', async () => {
    stop.mockResolvedValueOnce({ ok: false, error: { code: 'system.busy', message: '系统繁忙，请重试' } });
    render(<OwnerFlashSalesPage />);
    fireEvent.click(await screen.findByText('停止'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '系统繁忙，请重试', icon: 'none' }));
    expect(cardOf('五常大米').textContent).toContain('进行中');
    expect(screen.getByText('停止')).toBeTruthy();
  });

  it('opens 新建秒杀, and reads the list again on coming back', async () => {
    render(<OwnerFlashSalesPage />);
    fireEvent.click(await screen.findByText('新建秒杀'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/flash-sale/index' });
    act(() => taroPage.didShow?.());
    act(() => taroPage.didShow?.());
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('says when there is none yet; tells a non-owner that only the owner can see it', async () => {
    list.mockResolvedValueOnce({ ok: true, data: { items: [], nextCursor: null } });
    const { unmount } = render(<OwnerFlashSalesPage />);
    expect(await screen.findByText('还没有秒杀活动')).toBeTruthy();
    unmount();
    list.mockResolvedValue({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerFlashSalesPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });
});
