import { act, fireEvent, render, screen } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import HomePage from './index';

// The page's Taro hooks hand their callbacks to taroPage: the test pulls down and reaches the bottom as a user would.
jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { listProducts: jest.fn() } }));

const Taro = mockedTaro();
const listProducts = shopApi.listProducts as jest.MockedFunction<typeof shopApi.listProducts>;
const card = (id: string, title: string, priceFen: number) => ({
  id,
  title,
  image: `/img/${id}.png`,
  priceFen,
  soldOut: false,
});

beforeEach(() => {
  resetTaroMock();
  listProducts.mockReset();
});

describe('home page', () => {
  it('lists products, loads the next page at the bottom and then says there is no more', async () => {
    listProducts
      .mockResolvedValueOnce({ ok: true, data: { items: [card('p1', '云南古树红茶 200g', 1290)], nextCursor: 'c1' } })
      .mockResolvedValueOnce({ ok: true, data: { items: [card('p2', '五常稻花香大米 5kg', 6990)], nextCursor: null } });
    render(<HomePage />);
    expect(await screen.findByText('云南古树红茶 200g')).toBeTruthy();
    expect(screen.getByText('¥12.90')).toBeTruthy();
    expect(screen.queryByText('没有更多了')).toBeNull();

    act(() => taroPage.reachBottom!());
    expect(await screen.findByText('五常稻花香大米 5kg')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('keeps loading while the list does not fill the screen, then waits for the bottom', async () => {
    taroPage.listBottom = 300;
    listProducts
      .mockResolvedValueOnce({ ok: true, data: { items: [card('p1', '云南古树红茶 200g', 1290)], nextCursor: 'c1' } })
      .mockImplementationOnce(async () => {
        taroPage.listBottom = 1600; // two pages fill the window
        return { ok: true, data: { items: [card('p2', '五常稻花香大米 5kg', 6990)], nextCursor: 'c2' } };
      })
      .mockResolvedValueOnce({ ok: true, data: { items: [card('p3', '秦岭土蜂蜜 500g', 6800)], nextCursor: null } });
    render(<HomePage />);
    expect(await screen.findByText('五常稻花香大米 5kg')).toBeTruthy();
    expect(listProducts).toHaveBeenCalledTimes(2);
    expect(listProducts).toHaveBeenLastCalledWith({ cursor: 'c1', limit: 10 });
    // Filled now: the third page waits for the user to reach the bottom.
    await act(async () => {});
    expect(listProducts).toHaveBeenCalledTimes(2);
    act(() => taroPage.reachBottom!());
    expect(await screen.findByText('秦岭土蜂蜜 500g')).toBeTruthy();
  });

  it("shows the shop's own name and logo from the first page, and 友荐 when the catalogue cannot load", async () => {
    listProducts.mockResolvedValueOnce({
      ok: true,
      data: {
        items: [card('p1', '云南古树红茶 200g', 1290)],
        nextCursor: null,
        shop: { name: '小满的店', logo: '/logo.png' },
      },
    });
    const { unmount } = render(<HomePage />);
    expect(await screen.findByText('小满的店')).toBeTruthy();
    expect(screen.queryByText('友荐')).toBeNull();
    expect(document.querySelector('.home__logo')?.getAttribute('src')).toBe('/logo.png');
    unmount();

    listProducts.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<HomePage />);
    expect(await screen.findByText('友荐')).toBeTruthy();
    expect(document.querySelector('.home__logo')).toBeNull();
  });

  it('opens the product page on tap', async () => {
    listProducts.mockResolvedValueOnce({
      ok: true,
      data: { items: [card('p1', '云南古树红茶 200g', 1290)], nextCursor: null },
    });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('云南古树红茶 200g'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=p1' });
  });

  it('the search bar on top opens the search page', async () => {
    listProducts.mockResolvedValueOnce({ ok: true, data: { items: [], nextCursor: null } });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('搜索商品'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/browse/search/index' });
  });

  it('says the shop is empty', async () => {
    listProducts.mockResolvedValueOnce({ ok: true, data: { items: [], nextCursor: null } });
    render(<HomePage />);
    expect(await screen.findByText('店里还没有商品')).toBeTruthy();
    expect(screen.queryByText('没有更多了')).toBeNull();
  });

  it('shows an error with 重新加载, which loads again', async () => {
    listProducts.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<HomePage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    listProducts.mockResolvedValueOnce({
      ok: true,
      data: { items: [card('p1', '云南古树红茶 200g', 1290)], nextCursor: null },
    });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('云南古树红茶 200g')).toBeTruthy();
  });

  it('pull-to-refresh reloads the first page and then stops the spinner', async () => {
    listProducts.mockResolvedValueOnce({
      ok: true,
      data: { items: [card('p1', '云南古树红茶 200g', 1290)], nextCursor: null },
    });
    render(<HomePage />);
    await screen.findByText('云南古树红茶 200g');
    listProducts.mockResolvedValueOnce({
      ok: true,
      data: { items: [card('p9', '新到 龙井 250g', 8800)], nextCursor: null },
    });
    act(() => taroPage.pullDown!());
    expect(await screen.findByText('新到 龙井 250g')).toBeTruthy();
    expect(screen.queryByText('云南古树红茶 200g')).toBeNull();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });
});
