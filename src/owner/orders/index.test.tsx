import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { orderApi } from '../../api/order';
import type { AfterSaleStatus, AfterSaleSummary } from '../../../cloudfunctions/contracts/order';
import { makeOrder } from '../shared/test-orders';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import OwnerOrdersPage from './index';

// The page's Taro hooks hand their callbacks to taroPage: the test pulls down and reaches the bottom as the owner
// would.
jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({ orderApi: { ownerList: jest.fn(), ownerAfterSales: jest.fn() } }));

const Taro = mockedTaro();
const ownerList = orderApi.ownerList as jest.MockedFunction<typeof orderApi.ownerList>;
const ownerAfterSales = orderApi.ownerAfterSales as jest.MockedFunction<typeof orderApi.ownerAfterSales>;
const summary = (n: number, extra: Partial<AfterSaleSummary> = {}): AfterSaleSummary => ({
  id: `YJ20261123ABCD0001S${n}`,
  orderId: 'YJ20261123ABCD0001',
  type: 'refund_only',
  status: 'requested',
  refundFen: 6990,
  createdAt: '2026-11-24T02:00:00.000Z',
  deadline: '2026-11-26T02:00:00.000Z',
  title: '五常稻花香大米 5kg',
  image: '/img/rice.png',
  units: 1,
  ...extra,
});
const cases = (
  items: AfterSaleSummary[],
  counts: Partial<Record<AfterSaleStatus, number>> = {},
  nextCursor: string | null = null,
) => ({ ok: true as const, data: { items, nextCursor, counts } });
const page = (items: ReturnType<typeof makeOrder>[], nextCursor: string | null = null) => ({
  ok: true as const,
  data: { items, nextCursor },
});

/** The native <input> inside Taro's web Input, which appears once the web component has rendered. */
function nativeInput(placeholder: string): Promise<HTMLInputElement> {
  return waitFor(
    () => {
      const input = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
      if (!input) throw new Error(`no input "${placeholder}"`);
      return input;
    },
    { timeout: 5000 },
  );
}

beforeEach(() => {
  resetTaroMock();
  ownerList.mockReset();
  ownerAfterSales.mockReset();
});

describe('owner order desk', () => {
  it('opens on 待发货, shows each order: id, time, status, buyer, lines, payable and what needs attention', async () => {
    ownerList.mockResolvedValueOnce(page([makeOrder({ attention: { latePayment: true, stockShort: true } })]));
    render(<OwnerOrdersPage />);
    expect(await screen.findByText('YJ20261123ABCD0001')).toBeTruthy();
    expect(ownerList).toHaveBeenCalledWith({ view: 'to_ship', limit: 20 });
    expect(screen.getAllByText('待发货').length).toBe(2); // the tab and the card's status
    expect(screen.getByText('王小波')).toBeTruthy();
    expect(screen.getByText('13800138000')).toBeTruthy();
    expect(screen.getByText('勐海普洱茶饼 357g 生茶 单饼 ×1，五常稻花香大米 5kg 5kg 袋装 ×2')).toBeTruthy();
    expect(screen.getByText('¥307.80')).toBeTruthy();
    expect(screen.getByText('支付晚于自动取消到账')).toBeTruthy();
    expect(screen.getByText('库存不足，需补货或退款')).toBeTruthy();
    expect(screen.getByText(/^11月23日 \d\d:05$/)).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('says on a shipped order whether its shipping info reached WeChat, and why not', async () => {
    const shipped = (id: string, shippingSync?: ReturnType<typeof makeOrder>['shippingSync']) =>
      makeOrder({ id, status: 'shipped', ...(shippingSync ? { shippingSync } : {}) });
    const at = '2026-11-23T08:00:00.000Z';
    ownerList.mockResolvedValueOnce(
      page([
        shipped('YJ20261123ABCD0001', { status: 'synced', at }),
        shipped('YJ20261123ABCD0002', { status: 'failed', error: '-1 system error', at }),
        shipped('YJ20261123ABCD0003'),
      ]),
    );
    render(<OwnerOrdersPage />);
    await screen.findByText('YJ20261123ABCD0003');
    expect(screen.getByText('已同步微信').className).toBe('owner-card__sync');
    expect(screen.getByText('同步失败（-1 system error）').className).toContain('owner-card__sync--warn');
    expect(document.querySelectorAll('.owner-card__sync')).toHaveLength(2);
  });

  it('switches views: each tab asks for its own list', async () => {
    ownerList.mockResolvedValueOnce(page([makeOrder()]));
    render(<OwnerOrdersPage />);
    await screen.findByText('YJ20261123ABCD0001');

    // 售后 lists the cases, not orders.
    ownerAfterSales.mockResolvedValueOnce(cases([summary(1)], { requested: 1 }));
    fireEvent.click(screen.getByText('售后'));
    expect(await screen.findByText('YJ20261123ABCD0001S1')).toBeTruthy();
    expect(screen.queryByText('YJ20261123ABCD0001')).toBeNull();
    expect(ownerAfterSales).toHaveBeenLastCalledWith({ limit: 20 });

    ownerList.mockResolvedValueOnce(page([]));
    fireEvent.click(screen.getByText('全部'));
    expect(await screen.findByText('店里还没有订单')).toBeTruthy();
    expect(ownerList).toHaveBeenLastCalledWith({ view: 'all', limit: 20 });
    expect(ownerList).toHaveBeenCalledTimes(2);
    expect(ownerList).not.toHaveBeenCalledWith(expect.objectContaining({ view: 'after_sale' }));
  });

  it('drops the answer of a view the owner already left', async () => {
    let answerFirst: (v: ReturnType<typeof page>) => void = () => undefined;
    ownerList.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)));
    render(<OwnerOrdersPage />);
    ownerList.mockResolvedValueOnce(page([makeOrder({ id: 'YJ20261123ABCD0002', status: 'completed' })]));
    fireEvent.click(screen.getByText('全部'));
    expect(await screen.findByText('YJ20261123ABCD0002')).toBeTruthy();
    await act(async () => answerFirst(page([makeOrder()])));
    expect(screen.queryByText('YJ20261123ABCD0001')).toBeNull();
  });

  it('opens on the view in the link (from 今日概况)', async () => {
    taroPage.params = { view: 'after_sale' };
    ownerAfterSales.mockResolvedValueOnce(cases([]));
    render(<OwnerOrdersPage />);
    expect(await screen.findByText('没有待处理的售后')).toBeTruthy();
    expect(ownerAfterSales).toHaveBeenCalledWith({ limit: 20 });
    expect(ownerList).not.toHaveBeenCalled();
  });

  it('售后: status tabs with the open counts, each asking for its cases; a card opens the case', async () => {
    taroPage.params = { view: 'after_sale' };
    ownerAfterSales.mockResolvedValueOnce(
      cases(
        [
          summary(2, { type: 'return_refund', status: 'returning', units: 2 }),
          summary(1, { deadline: '2026-11-27T02:00:00.000Z' }),
        ],
        { requested: 1, returning: 2 },
      ),
    );
    render(<OwnerOrdersPage />);
    expect(await screen.findByText('YJ20261123ABCD0001S2')).toBeTruthy();
    // Oldest deadline first, as the function ordered them.
    expect(Array.from(document.querySelectorAll('.owner-card__id')).map((n) => n.textContent)).toEqual([
      'YJ20261123ABCD0001S2',
      'YJ20261123ABCD0001S1',
    ]);
    expect(screen.getByText('退货退款 · 五常稻花香大米 5kg 等 2 件')).toBeTruthy();
    expect(screen.getAllByText('¥69.90').length).toBe(2);
    const filter = (label: string) =>
      Array.from(document.querySelectorAll('.owner-orders__filter')).find((f) => f.textContent?.startsWith(label))!;
    expect(filter('待商家处理').textContent).toBe('待商家处理1');
    expect(filter('退货中').textContent).toBe('退货中2');
    expect(filter('已退款').textContent).toBe('已退款');

    ownerAfterSales.mockResolvedValueOnce(cases([summary(2, { status: 'returning' })], { requested: 1, returning: 1 }));
    fireEvent.click(filter('退货中'));
    await waitFor(() => expect(ownerAfterSales).toHaveBeenLastCalledWith({ status: 'returning', limit: 20 }));
    await waitFor(() => expect(filter('退货中').textContent).toBe('退货中1'));
    expect(screen.queryByText('YJ20261123ABCD0001S1')).toBeNull();

    fireEvent.click(screen.getByText('YJ20261123ABCD0001S2'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/aftersale/index?id=YJ20261123ABCD0001S2' });
  });

  it('searches by phone or order id (trimmed) within the view, and clears the search', async () => {
    ownerList.mockResolvedValueOnce(page([makeOrder()]));
    render(<OwnerOrdersPage />);
    await screen.findByText('YJ20261123ABCD0001');

    ownerList.mockResolvedValueOnce(page([]));
    fireEvent.input(await nativeInput('搜索订单号或买家手机号'), { target: { value: '  13900001111 ' } });
    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('没有找到匹配的订单')).toBeTruthy();
    expect(ownerList).toHaveBeenLastCalledWith({ view: 'to_ship', q: '13900001111', limit: 20 });
    expect(screen.getByText('“13900001111”的搜索结果')).toBeTruthy();

    ownerList.mockResolvedValueOnce(page([makeOrder({ id: 'YJ20261123ABCD0003', status: 'completed' })]));
    fireEvent.click(screen.getByText('全部'));
    expect(await screen.findByText('YJ20261123ABCD0003')).toBeTruthy();
    expect(ownerList).toHaveBeenLastCalledWith({ view: 'all', q: '13900001111', limit: 20 });

    ownerList.mockResolvedValueOnce(page([makeOrder()]));
    fireEvent.click(screen.getByText('清除'));
    expect(await screen.findByText('YJ20261123ABCD0001')).toBeTruthy();
    expect(ownerList).toHaveBeenLastCalledWith({ view: 'all', limit: 20 });
  });

  it('loads the next page at the bottom, and retries a failed one', async () => {
    ownerList.mockResolvedValueOnce(page([makeOrder()], 'c1'));
    render(<OwnerOrdersPage />);
    await screen.findByText('YJ20261123ABCD0001');
    expect(screen.queryByText('没有更多了')).toBeNull();

    ownerList.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    act(() => taroPage.reachBottom!());
    expect(await screen.findByText('加载失败，点击重试')).toBeTruthy();
    expect(ownerList).toHaveBeenLastCalledWith({ view: 'to_ship', cursor: 'c1', limit: 20 });

    ownerList.mockResolvedValueOnce(page([makeOrder({ id: 'YJ20261123ABCD0009' })]));
    fireEvent.click(await screen.findByText('加载失败，点击重试'));
    expect(await screen.findByText('YJ20261123ABCD0009')).toBeTruthy();
    expect(ownerList).toHaveBeenLastCalledWith({ view: 'to_ship', cursor: 'c1', limit: 20 });
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('pull-to-refresh loads the first page again and stops the spinner', async () => {
    ownerList.mockResolvedValueOnce(page([makeOrder()]));
    render(<OwnerOrdersPage />);
    await screen.findByText('YJ20261123ABCD0001');
    ownerList.mockResolvedValueOnce(page([makeOrder({ id: 'YJ20261123ABCD0005' })]));
    act(() => taroPage.pullDown!());
    expect(await screen.findByText('YJ20261123ABCD0005')).toBeTruthy();
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1));
  });

  it('opens the order on tap', async () => {
    ownerList.mockResolvedValueOnce(page([makeOrder()]));
    render(<OwnerOrdersPage />);
    fireEvent.click(await screen.findByText('王小波'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/order/index?id=YJ20261123ABCD0001' });
  });

  it('tells a non-owner that only the owner can see orders', async () => {
    ownerList.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerOrdersPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
    expect(screen.queryByText('待发货')).toBeNull();
    fireEvent.click(screen.getByText('返回首页'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('shows an error with 重新加载', async () => {
    ownerList.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<OwnerOrdersPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    ownerList.mockResolvedValueOnce(page([makeOrder()]));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('YJ20261123ABCD0001')).toBeTruthy();
  });
});
