import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import type { FavoriteItem } from '../../../cloudfunctions/contracts/shop';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import FavoritesPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { favorites: jest.fn(), favorite: jest.fn() } }));

const Taro = mockedTaro();
const favorites = shopApi.favorites as jest.MockedFunction<typeof shopApi.favorites>;
const favorite = shopApi.favorite as jest.MockedFunction<typeof shopApi.favorite>;
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

const item = (id: string, title: string, extra: Partial<FavoriteItem> = {}): FavoriteItem => ({
  id,
  title,
  image: `/img/${id}.png`,
  priceFen: 1290,
  soldOut: false,
  offSale: false,
  favoritedAt: '2026-12-01T02:00:00.000Z',
  ...extra,
});
const row = (title: string) => screen.getByLabelText(title);

beforeEach(() => {
  resetTaroMock();
  favorites.mockReset();
  favorite.mockReset();
});

describe('我的收藏', () => {
  it('lists the kept products with their price; off-sale ones are marked and cannot be bought', async () => {
    favorites.mockResolvedValueOnce({
      ok: true,
      data: {
        items: [
          item('p1', '云南古树红茶 200g'),
          item('p2', '秦岭土蜂蜜', { offSale: true }),
          item('p3', '五常大米', { soldOut: true, priceFen: 6990 }),
        ],
        nextCursor: 'c1',
      },
    });
    render(<FavoritesPage />);
    expect(await screen.findByText('云南古树红茶 200g')).toBeTruthy();
    expect(favorites).toHaveBeenCalledWith({ limit: 20 });
    expect(within(row('云南古树红茶 200g')).getByText('¥12.90')).toBeTruthy();
    expect(within(row('秦岭土蜂蜜')).getByText('已下架')).toBeTruthy();
    expect(within(row('秦岭土蜂蜜')).getByText('不可购买')).toBeTruthy();
    expect(within(row('五常大米')).getByText('已售罄')).toBeTruthy();
    expect(within(row('五常大米')).getByText('¥69.90')).toBeTruthy();

    fireEvent.click(screen.getByText('秦岭土蜂蜜'));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    expect(lastToast()).toBe('商品已下架，暂时不能购买');
    fireEvent.click(screen.getByText('云南古树红茶 200g'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=p1' });

    favorites.mockResolvedValueOnce({ ok: true, data: { items: [item('p4', '龙井 250g')], nextCursor: null } });
    act(() => taroPage.reachBottom!());
    expect(await screen.findByText('龙井 250g')).toBeTruthy();
    expect(favorites).toHaveBeenLastCalledWith({ cursor: 'c1', limit: 20 });
  });

  it('取消收藏 drops the product once the shop has; a refusal keeps it and says why', async () => {
    favorites.mockResolvedValueOnce({
      ok: true,
      data: { items: [item('p1', '云南古树红茶 200g'), item('p2', '秦岭土蜂蜜')], nextCursor: null },
    });
    render(<FavoritesPage />);
    await screen.findByText('云南古树红茶 200g');

    favorite.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    fireEvent.click(within(row('云南古树红茶 200g')).getByText('取消收藏'));
    await waitFor(() => expect(lastToast()).toBe('网络异常，请稍后重试'));
    expect(screen.getByText('云南古树红茶 200g')).toBeTruthy();

    favorite.mockResolvedValueOnce({ ok: true, data: { productId: 'p1', favorited: false } });
    fireEvent.click(within(row('云南古树红茶 200g')).getByText('取消收藏'));
    await waitFor(() => expect(screen.queryByText('云南古树红茶 200g')).toBeNull());
    expect(favorite).toHaveBeenLastCalledWith({ productId: 'p1', on: false });
    expect(lastToast()).toBe('已取消收藏');
    expect(screen.getByText('秦岭土蜂蜜')).toBeTruthy();
  });

  it('says when nothing is kept, with a way to the shop', async () => {
    favorites.mockResolvedValueOnce({ ok: true, data: { items: [], nextCursor: null } });
    render(<FavoritesPage />);
    expect(await screen.findByText('还没有收藏的商品')).toBeTruthy();
    fireEvent.click(screen.getByText('去逛逛'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('shows a failed load with 重新加载', async () => {
    favorites.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<FavoritesPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    favorites.mockResolvedValueOnce({ ok: true, data: { items: [item('p1', '云南古树红茶 200g')], nextCursor: null } });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('云南古树红茶 200g')).toBeTruthy();
  });
});
