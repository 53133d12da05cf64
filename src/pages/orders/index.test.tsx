import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { orderApi } from '../../api/order';
import type { Order, OrderStatus } from '../../../cloudfunctions/contracts/order';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import OrdersPage from './index';

// The page's Taro hooks hand their callbacks to taroPage: the test pulls down, reaches the bottom and comes back as a
// user would.
jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({ orderApi: { list: jest.fn() } }));

const Taro = mockedTaro();
const list = orderApi.list as jest.MockedFunction<typeof orderApi.list>;

function order(id: string, status: OrderStatus, title: string, lines = 1): Order {
  const line = (n: number) => ({
    productId: `p${n}`,
    skuId: `s${n}`,
    title: n === 0 ? title : `${title} ${n}`,
    spec: '200g 罐装',
    image: `/img/p${n}.png`,
    priceFen: 1290,
    qty: 2,
    lineFen: 2580,
  });
  return {
    id,
    status,
    items: Array.from({ length: lines }, (_, n) => line(n)),
    amounts: {
      goodsFen: 2580 * lines,
      couponFen: 0,
      pointsUsed: 0,
      pointsDiscountFen: 0,
      shippingFen: 800,
      payableFen: 2580 * lines + 800,
    },
    address: { name: '王小明', phone: '13800138000', region: '浙江省 杭州市', detail: '文三路 100 号' },
    createdAt: '2026-01-05T01:03:00.000Z',
    payBefore: '2026-01-05T01:33:00.000Z',
    timeline: [],
    commands: [],
    afterSales: [],
    refundedFen: 0,
  };
}
const page = (items: Order[], nextCursor: string | null = null) => ({ ok: true as const, data: { items, nextCursor } });
const tabNamed = (label: string) => screen.getByRole('tab', { name: label });

beforeEach(() => {
  resetTaroMock();
  list.mockReset();
});

describe('orders page', () => {
  it('opens on the tab of the query and shows each order’s status, first line, count and payable', async () => {
    taroPage.params = { tab: 'to_ship' };
    list.mockResolvedValueOnce(page([order('YJ0000000000000001', 'paid', '云南古树红茶', 2)]));
    render(<OrdersPage />);
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
    expect(list).toHaveBeenCalledWith({ tab: 'to_ship', limit: 10 });
    expect(tabNamed('待发货').getAttribute('aria-selected')).toBe('true');
    expect(tabNamed('全部').getAttribute('aria-selected')).toBe('false');
    expect(screen.getAllByText('待发货')).toHaveLength(2); // the tab and the card's status
    expect(screen.getByText('200g 罐装 等 2 种商品')).toBeTruthy();
    expect(screen.getByText('共 4 件')).toBeTruthy();
    expect(screen.getByText('¥59.60')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('falls back to 全部 for an unknown tab', async () => {
    taroPage.params = { tab: 'nonsense' };
    list.mockResolvedValueOnce(page([]));
    render(<OrdersPage />);
    expect(await screen.findByText('还没有订单，去挑点好物吧')).toBeTruthy();
    expect(list).toHaveBeenCalledWith({ tab: 'all', limit: 10 });
    fireEvent.click(screen.getByText('去逛逛'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('switches tabs, asking for that tab’s orders, with an empty state per tab', async () => {
    list.mockResolvedValueOnce(page([order('YJ0000000000000001', 'shipped', '云南古树红茶')]));
    render(<OrdersPage />);
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();

    list.mockResolvedValueOnce(page([]));
    fireEvent.click(tabNamed('待付款'));
    expect(tabNamed('待付款').getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByText('云南古树红茶')).toBeNull();
    expect(await screen.findByText('没有待付款的订单')).toBeTruthy();
    expect(list).toHaveBeenLastCalledWith({ tab: 'pending_payment', limit: 10 });

    list.mockResolvedValueOnce(page([order('YJ0000000000000002', 'refunding', '五常大米')]));
    fireEvent.click(tabNamed('售后'));
    expect(await screen.findByText('五常大米')).toBeTruthy();
    expect(screen.getByText('售后中')).toBeTruthy();
    expect(list).toHaveBeenLastCalledWith({ tab: 'after_sale', limit: 10 });
  });

  it('opens an order on tap', async () => {
    list.mockResolvedValueOnce(page([order('YJ0000000000000001', 'pending_payment', '云南古树红茶')]));
    render(<OrdersPage />);
    fireEvent.click(await screen.findByText('云南古树红茶'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/order/index?id=YJ0000000000000001' });
  });

  it('loads the next page at the bottom, refreshes on pull-down and on coming back', async () => {
    list.mockResolvedValueOnce(page([order('YJ0000000000000001', 'paid', '云南古树红茶')], 'c1'));
    render(<OrdersPage />);
    await screen.findByText('云南古树红茶');
    act(() => taroPage.didShow!()); // the first show is the mount itself: no second request
    expect(list).toHaveBeenCalledTimes(1);

    list.mockResolvedValueOnce(page([order('YJ0000000000000002', 'completed', '五常大米')], null));
    act(() => taroPage.reachBottom!());
    expect(await screen.findByText('五常大米')).toBeTruthy();
    expect(list).toHaveBeenLastCalledWith({ tab: 'all', cursor: 'c1', limit: 10 });
    expect(screen.getByText('没有更多了')).toBeTruthy();

    list.mockResolvedValueOnce(page([order('YJ0000000000000003', 'pending_payment', '秦岭土蜂蜜')]));
    act(() => taroPage.pullDown!());
    expect(await screen.findByText('秦岭土蜂蜜')).toBeTruthy();
    expect(screen.queryByText('五常大米')).toBeNull();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);

    list.mockResolvedValueOnce(page([order('YJ0000000000000003', 'paid', '秦岭土蜂蜜')]));
    act(() => taroPage.didShow!());
    // Paid meanwhile: the card says 待发货 now (besides the tab of that name).
    await waitFor(() => expect(screen.getAllByText('待发货')).toHaveLength(2));
    expect(screen.queryByText('待付款', { selector: '.order-card__status' })).toBeNull();
    expect(list).toHaveBeenCalledTimes(4);
  });

  it('shows an error with 重新加载', async () => {
    list.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<OrdersPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    list.mockResolvedValueOnce(page([order('YJ0000000000000001', 'paid', '云南古树红茶')]));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
  });
});

describe('orders page: group orders (拼团)', () => {
  it('a 待成团 order offers 邀请好友, another group order 查看拼团, each opening its group and not the order', async () => {
    const waiting = {
      ...order('YJ0000000000000001', 'grouping', '云南古树红茶'),
      group: { groupBuyId: 'gb1', groupId: 'g1' },
    };
    const formed = { ...order('YJ0000000000000002', 'paid', '五常大米'), group: { groupBuyId: 'gb2', groupId: 'g2' } };
    waiting.items[0].campaign = 'group_buy';
    list.mockResolvedValueOnce(page([waiting, formed, order('YJ0000000000000003', 'paid', '东北木耳')]));
    render(<OrdersPage />);
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
    expect(screen.getByText('待成团')).toBeTruthy();
    expect(screen.getByText('拼团价')).toBeTruthy();
    expect(screen.getAllByText(/^(邀请好友|查看拼团)$/).map((el) => el.textContent)).toEqual(['邀请好友', '查看拼团']);
    fireEvent.click(screen.getByText('邀请好友'));
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/campaign/group/index?id=g1' });
    fireEvent.click(screen.getByText('查看拼团'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/campaign/group/index?id=g2' });
    expect(Taro.navigateTo).toHaveBeenCalledTimes(2);
  });
});
