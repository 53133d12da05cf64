import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import type { OwnerProductCard } from '../../../cloudfunctions/contracts/shop';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { typeInto } from '../shared/test-fields';
import OwnerProductsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { ownerProducts: jest.fn(), setSaleStatus: jest.fn() } }));

const Taro = mockedTaro();
const list = shopApi.ownerProducts as jest.Mock;
const setSaleStatus = shopApi.setSaleStatus as jest.Mock;

const card = (id: string, extra: Partial<OwnerProductCard> = {}): OwnerProductCard => ({
  id,
  title: id === 'honey' ? '秦岭土蜂蜜' : '云南古树红茶',
  image: `https://img/${id}.jpg`,
  priceFen: id === 'honey' ? 6800 : 12900,
  stock: id === 'honey' ? 12 : 0,
  skuCount: id === 'honey' ? 2 : 1,
  status: 'on_sale',
  soldOut: id !== 'honey',
  ...extra,
});
const page = (items: OwnerProductCard[], nextCursor: string | null = null) => ({
  ok: true as const,
  data: { items, nextCursor },
});
const row = (title: string) => within(screen.getByLabelText(title));

beforeEach(() => {
  resetTaroMock();
  list.mockReset().mockResolvedValue(page([card('honey'), card('tea')]));
  setSaleStatus.mockReset();
});

describe('商品管理', () => {
  it('lists every product with its lowest price, stock, 售罄 and sale status', async () => {
    render(<OwnerProductsPage />);
    await screen.findByText('秦岭土蜂蜜');
    expect(list).toHaveBeenCalledWith({ filter: 'all', limit: 20 });
    expect(row('秦岭土蜂蜜').getByText('¥68.00')).toBeTruthy();
    expect(row('秦岭土蜂蜜').getByText('起')).toBeTruthy();
    expect(row('秦岭土蜂蜜').getByText('库存 12')).toBeTruthy();
    expect(row('秦岭土蜂蜜').queryByText('售罄')).toBeNull();
    expect(row('云南古树红茶').getByText('库存 0')).toBeTruthy();
    expect(row('云南古树红茶').getByText('售罄')).toBeTruthy();
    expect(row('云南古树红茶').queryByText('起')).toBeNull();
    expect(row('云南古树红茶').getByText('在售')).toBeTruthy();
  });

  it('each filter tab and a search by title ask for their own list', async () => {
    render(<OwnerProductsPage />);
    await screen.findByText('秦岭土蜂蜜');

    list.mockResolvedValueOnce(page([card('tea', { status: 'off_sale' })]));
    fireEvent.click(screen.getByText('已下架'));
    await screen.findByText('云南古树红茶');
    expect(screen.queryByText('秦岭土蜂蜜')).toBeNull();
    expect(list).toHaveBeenLastCalledWith({ filter: 'off_sale', limit: 20 });
    expect(row('云南古树红茶').getByText('上架')).toBeTruthy();

    list.mockResolvedValueOnce(page([]));
    fireEvent.click(screen.getByText('已售罄'));
    await screen.findByText('没有售罄的商品');
    expect(list).toHaveBeenLastCalledWith({ filter: 'sold_out', limit: 20 });

    list.mockResolvedValueOnce(page([card('honey')]));
    await typeInto('搜索商品标题', ' 蜂蜜 ');
    fireEvent.click(screen.getByText('搜索'));
    await screen.findByText('秦岭土蜂蜜');
    expect(list).toHaveBeenLastCalledWith({ filter: 'sold_out', query: '蜂蜜', limit: 20 });
    expect(screen.getByText('“蜂蜜”的搜索结果')).toBeTruthy();

    list.mockResolvedValueOnce(page([card('honey'), card('tea')]));
    fireEvent.click(screen.getByText('清除'));
    await screen.findByText('云南古树红茶');
    expect(list).toHaveBeenLastCalledWith({ filter: 'sold_out', limit: 20 });
  });

  it('下架 asks first; only after 确定 is the product taken off sale, and its row says so', async () => {
    render(<OwnerProductsPage />);
    await screen.findByText('秦岭土蜂蜜');

    taroPage.confirm = false;
    await act(async () => fireEvent.click(row('秦岭土蜂蜜').getByText('下架')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        content: '下架「秦岭土蜂蜜」后，买家不能再购买；已有订单和分享出去的卡片会显示「已下架」。',
      }),
    );
    expect(setSaleStatus).not.toHaveBeenCalled();

    taroPage.confirm = true;
    setSaleStatus.mockResolvedValueOnce({ ok: true, data: { id: 'honey', status: 'off_sale' } });
    await act(async () => fireEvent.click(row('秦岭土蜂蜜').getByText('下架')));
    expect(setSaleStatus).toHaveBeenCalledWith({ productId: 'honey', status: 'off_sale' });
    expect(row('秦岭土蜂蜜').getByText('已下架')).toBeTruthy();
    expect(row('秦岭土蜂蜜').getByText('上架')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已下架', icon: 'success' });
  });

  it('上架 needs no question; a refusal is shown and the row stays as it was', async () => {
    list.mockResolvedValue(page([card('honey', { status: 'off_sale' })]));
    render(<OwnerProductsPage />);
    await screen.findByText('秦岭土蜂蜜');
    setSaleStatus.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    await act(async () => fireEvent.click(row('秦岭土蜂蜜').getByText('上架')));
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(setSaleStatus).toHaveBeenCalledWith({ productId: 'honey', status: 'on_sale' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络异常，请稍后重试', icon: 'none' });
    expect(row('秦岭土蜂蜜').getByText('已下架')).toBeTruthy();
  });

  it('opens the editor to edit or create, and 商品分类; reloads when the owner comes back', async () => {
    render(<OwnerProductsPage />);
    await screen.findByText('秦岭土蜂蜜');
    act(() => taroPage.didShow!()); // the first show is the page opening: nothing to reload
    expect(list).toHaveBeenCalledTimes(1);

    fireEvent.click(row('秦岭土蜂蜜').getByText('编辑'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/product/index?id=honey' });
    fireEvent.click(screen.getByText('新建商品'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/product/index' });
    fireEvent.click(screen.getByText('商品分类'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/categories/index' });

    list.mockResolvedValueOnce(page([card('honey', { title: '秦岭土蜂蜜（新版）', status: 'off_sale' })]));
    await act(async () => taroPage.didShow!());
    expect(await screen.findByText('秦岭土蜂蜜（新版）')).toBeTruthy();
    expect(row('秦岭土蜂蜜（新版）').getByText('已下架')).toBeTruthy();
  });

  it('a status changed here gives way to a newer one read on refresh', async () => {
    render(<OwnerProductsPage />);
    await screen.findByText('秦岭土蜂蜜');
    setSaleStatus.mockResolvedValueOnce({ ok: true, data: { id: 'honey', status: 'off_sale' } });
    await act(async () => fireEvent.click(row('秦岭土蜂蜜').getByText('下架')));
    expect(row('秦岭土蜂蜜').getByText('已下架')).toBeTruthy();
    // Put back on sale in the editor, then back here.
    taroPage.didShow!();
    list.mockResolvedValueOnce(page([card('honey')]));
    await act(async () => taroPage.didShow!());
    expect(row('秦岭土蜂蜜').getByText('在售')).toBeTruthy();
  });

  it('empty, failed and not-owner lists each say so', async () => {
    list.mockResolvedValueOnce(page([]));
    const { unmount } = render(<OwnerProductsPage />);
    expect(await screen.findByText('还没有商品，点「新建商品」上架第一件')).toBeTruthy();
    unmount();

    list.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    const second = render(<OwnerProductsPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('秦岭土蜂蜜')).toBeTruthy();
    second.unmount();

    list.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerProductsPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
    expect(screen.queryByText('新建商品')).toBeNull();
  });

  it('reaching the bottom loads the next page', async () => {
    list.mockResolvedValueOnce(page([card('honey')], 'c1'));
    render(<OwnerProductsPage />);
    await screen.findByText('秦岭土蜂蜜');
    list.mockResolvedValueOnce(page([card('tea')]));
    await act(async () => taroPage.reachBottom!());
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
    expect(list).toHaveBeenLastCalledWith({ filter: 'all', cursor: 'c1', limit: 20 });
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });
});
