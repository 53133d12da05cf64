import { act, fireEvent, render, screen } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import CategoryPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { categories: jest.fn(), listProducts: jest.fn() } }));

const Taro = mockedTaro();
const categories = shopApi.categories as jest.MockedFunction<typeof shopApi.categories>;
const listProducts = shopApi.listProducts as jest.MockedFunction<typeof shopApi.listProducts>;
const card = (id: string, title: string, priceFen: number, soldOut = false) => ({
  id,
  title,
  image: `/img/${id}.png`,
  priceFen,
  soldOut,
});
const tea = { id: 'c1', name: '茶叶', sort: 1 };
const rice = { id: 'c2', name: '粮油', sort: 2 };

beforeEach(() => {
  resetTaroMock();
  categories.mockReset().mockResolvedValue({ ok: true, data: { items: [tea, rice] } });
  listProducts.mockReset();
});

describe('category tab', () => {
  it('opens on 全部, and choosing a category loads that category and marks it', async () => {
    listProducts
      .mockResolvedValueOnce({ ok: true, data: { items: [card('p1', '五常稻花香大米 5kg', 6990)], nextCursor: null } })
      .mockResolvedValueOnce({
        ok: true,
        data: { items: [card('p2', '云南古树红茶 200g', 1290, true)], nextCursor: 'c9' },
      });
    render(<CategoryPage />);
    expect(await screen.findByText('五常稻花香大米 5kg')).toBeTruthy();
    expect(listProducts).toHaveBeenLastCalledWith({ limit: 10 });
    expect(screen.getByText('全部').getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByText('茶叶'));
    expect(await screen.findByText('云南古树红茶 200g')).toBeTruthy();
    expect(listProducts).toHaveBeenLastCalledWith({ categoryId: 'c1', limit: 10 });
    expect(screen.queryByText('五常稻花香大米 5kg')).toBeNull();
    expect(screen.getByText('¥12.90')).toBeTruthy();
    expect(screen.getByText('已售罄')).toBeTruthy();
    expect(screen.getByText('茶叶').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('全部').getAttribute('aria-selected')).toBe('false');

    // The category's next page, by its cursor.
    listProducts.mockResolvedValueOnce({
      ok: true,
      data: { items: [card('p3', '龙井 250g', 8800)], nextCursor: null },
    });
    act(() => taroPage.reachBottom!());
    expect(await screen.findByText('龙井 250g')).toBeTruthy();
    expect(listProducts).toHaveBeenLastCalledWith({ categoryId: 'c1', cursor: 'c9', limit: 10 });
  });

  it('says plainly when a category has nothing, and when the shop has nothing at all', async () => {
    listProducts.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
    render(<CategoryPage />);
    expect(await screen.findByText('店里还没有商品')).toBeTruthy();
    fireEvent.click(screen.getByText('粮油'));
    expect(await screen.findByText('「粮油」里还没有商品')).toBeTruthy();
  });

  it('a shop without categories still lists everything under 全部', async () => {
    categories.mockResolvedValue({ ok: true, data: { items: [] } });
    listProducts.mockResolvedValue({ ok: true, data: { items: [card('p1', '秦岭土蜂蜜', 6800)], nextCursor: null } });
    render(<CategoryPage />);
    expect(await screen.findByText('秦岭土蜂蜜')).toBeTruthy();
    expect(screen.getByText('全部')).toBeTruthy();
  });

  it('shows an error when the categories cannot load, and 重新加载 loads them again', async () => {
    categories.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    listProducts.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
    render(<CategoryPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    expect(listProducts).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('茶叶')).toBeTruthy();
  });

  it('the search box opens the search page; a card opens its product', async () => {
    listProducts.mockResolvedValue({ ok: true, data: { items: [card('p1', '秦岭土蜂蜜', 6800)], nextCursor: null } });
    render(<CategoryPage />);
    fireEvent.click(await screen.findByText('秦岭土蜂蜜'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/product/index?id=p1' });
    fireEvent.click(screen.getByText('搜索商品'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/browse/search/index' });
  });
});
