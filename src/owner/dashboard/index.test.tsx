import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { reportOwnerApi } from '../../api/report-owner';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import type { Dashboard, ReportTotals } from '../../../cloudfunctions/contracts/report';
import type { F2ChartProps } from './F2Chart/types';
import OwnerDashboardPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/report-owner', () => ({ reportOwnerApi: { dashboard: jest.fn() } }));
// The charts are tested as the data handed to F2 (pixels are F2's business).
const charts: F2ChartProps[] = [];
jest.mock('./F2Chart', () => ({
  __esModule: true,
  default: (props: F2ChartProps) => {
    charts.push(props);
    return null;
  },
}));

const Taro = mockedTaro();
const dashboard = reportOwnerApi.dashboard as jest.MockedFunction<typeof reportOwnerApi.dashboard>;

const zero: ReportTotals = {
  gmvFen: 0,
  paidFen: 0,
  orders: 0,
  buyers: 0,
  newBuyers: 0,
  returningBuyers: 0,
  repeatRate: 0,
  aovFen: 0,
  refundFen: 0,
  refundRate: 0,
};

function makeDashboard(over: Partial<Dashboard> = {}): Dashboard {
  return {
    days: 7,
    from: '2026-11-27',
    to: '2026-12-03',
    totals: {
      gmvFen: 112500,
      paidFen: 120000,
      orders: 12,
      buyers: 10,
      newBuyers: 4,
      returningBuyers: 6,
      repeatRate: 0.3,
      aovFen: 10000,
      refundFen: 7500,
      refundRate: 0.0625,
    },
    previous: {
      gmvFen: 100000,
      paidFen: 100000,
      orders: 12,
      buyers: 0,
      newBuyers: 5,
      returningBuyers: 3,
      repeatRate: 0.3,
      aovFen: 10310,
      refundFen: 0,
      refundRate: 0,
    },
    daily: [
      { day: '2026-12-02', gmvFen: 2000, orders: 1, buyers: 1 },
      { day: '2026-12-03', gmvFen: 110500, orders: 11, buyers: 9 },
    ],
    channels: [
      { channel: 'chat', visits: 40, orders: 8, gmvFen: 80000, chatSplit: { group: 15, single: 25 } },
      { channel: 'moments', visits: 12, orders: 1, gmvFen: 9900 },
      { channel: 'poster', visits: 0, orders: 0, gmvFen: 0 },
      { channel: 'direct', visits: 0, orders: 3, gmvFen: 22600 },
    ],
    topProducts: [{ productId: 'p1', title: '云南小粒咖啡', units: 9, gmvFen: 89100 }],
    topSharers: [{ shareCode: 'ABC234', nickname: '张三', orders: 8, gmvFen: 80000, commissionFen: 8000 }],
    ...over,
  };
}

/** The figure's value and its change, as the tile shows them. */
const figure = (label: string) => Array.from(screen.getByLabelText(label).children).map((el) => el.textContent);

beforeEach(() => {
  resetTaroMock();
  charts.length = 0;
  dashboard.mockReset().mockResolvedValue({ ok: true, data: makeDashboard() });
});

describe('经营数据', () => {
  it('asks for 近7天 first and shows each figure with its change against the previous range', async () => {
    render(<OwnerDashboardPage />);
    expect(await screen.findByText('¥1,125.00')).toBeTruthy();
    expect(dashboard).toHaveBeenCalledWith({ days: 7 });
    expect(figure('成交额')).toEqual(['成交额', '¥1,125.00', '↑12.5%']);
    expect(figure('订单数')).toEqual(['订单数', '12', '持平']);
    // The previous range had no buyers: no change to speak of.
    expect(figure('买家数')).toEqual(['买家数', '10', '—']);
    expect(figure('新客')).toEqual(['新客', '4', '↓20.0%']);
    expect(figure('老客')).toEqual(['老客', '6', '↑100.0%']);
    expect(figure('复购率')).toEqual(['复购率', '30.0%', '持平']);
    expect(figure('客单价')).toEqual(['客单价', '¥100.00', '↓3.0%']);
    expect(figure('退款额')).toEqual(['退款额', '¥75.00', '—']);
    expect(figure('退款率')).toEqual(['退款率', '6.3%', '—']);
    expect(screen.getByText('11月27日 – 12月3日（北京时间）')).toBeTruthy();
    expect(screen.getByLabelText('成交额').querySelector('.dashboard__change--up')).toBeTruthy();
    expect(screen.getByLabelText('客单价').querySelector('.dashboard__change--down')).toBeTruthy();
  });

  it('hands F2 the daily GMV in yuan with the orders, and the channels in words', async () => {
    render(<OwnerDashboardPage />);
    await screen.findByText('¥1,125.00');
    const trend = charts.filter((c) => c.id === 'dashboard-trend').at(-1);
    expect(trend?.spec).toEqual({
      kind: 'trend',
      points: [
        { day: '12-02', gmv: 20, orders: 1 },
        { day: '12-03', gmv: 1105, orders: 11 },
      ],
    });
    const channels = charts.filter((c) => c.id === 'dashboard-channels').at(-1);
    expect(channels?.spec).toEqual({
      kind: 'channels',
      bars: [
        { name: '聊天', orders: 8, gmv: 800 },
        { name: '朋友圈', orders: 1, gmv: 99 },
        { name: '海报', orders: 0, gmv: 0 },
        { name: '直接访问', orders: 3, gmv: 226 },
      ],
    });
  });

  it('hands F2 the same spec while the figures are the same (a new one redraws the chart)', async () => {
    render(<OwnerDashboardPage />);
    await screen.findByText('¥1,125.00');
    act(() => taroPage.pullDown?.());
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
    const trends = charts.filter((c) => c.id === 'dashboard-trend');
    expect(trends.length).toBeGreaterThan(1);
    expect(new Set(trends.map((c) => c.spec)).size).toBe(1);
  });

  it('puts the numbers beside the charts: the days newest first, visits → orders → GMV, the top lists', async () => {
    render(<OwnerDashboardPage />);
    await screen.findByText('¥1,125.00');
    const rows = Array.from(document.querySelectorAll('.dashboard__row:not(.dashboard__row--head)'));
    expect(rows.map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ['12月3日', '¥1,105.00', '11', '9'],
      ['12月2日', '¥20.00', '1', '1'],
    ]);
    expect(screen.getByText('访问 40 → 下单 8 → ¥800.00')).toBeTruthy();
    // Chat visits split into 群聊 and 单聊 (the server's figures, adding up to the 40).
    expect(screen.getByText('群聊 15 · 单聊 25').closest('.dashboard__channel')?.getAttribute('aria-label')).toBe(
      'chat',
    );
    expect(screen.getAllByText(/群聊/)).toHaveLength(1);
    expect(screen.getByText('访问 0 → 下单 3 → ¥226.00')).toBeTruthy();
    expect(screen.getByText('直接访问')).toBeTruthy();
    expect(screen.getByText('云南小粒咖啡')).toBeTruthy();
    expect(screen.getByText('9 件 · ¥891.00')).toBeTruthy();
    expect(screen.getByText('8 单 · ¥800.00 · 佣金 ¥80.00')).toBeTruthy();
  });

  it('the range switch asks for 30 and 90 days and shows the range that arrived', async () => {
    render(<OwnerDashboardPage />);
    await screen.findByText('¥1,125.00');
    dashboard.mockResolvedValueOnce({
      ok: true,
      data: makeDashboard({ days: 30, from: '2026-11-04', totals: { ...makeDashboard().totals, gmvFen: 500000 } }),
    });
    fireEvent.click(screen.getByText('近30天'));
    expect(await screen.findByText('¥5,000.00')).toBeTruthy();
    expect(dashboard).toHaveBeenLastCalledWith({ days: 30 });
    expect(screen.getByText('较前30天')).toBeTruthy();
    expect(screen.getByText('近30天').className).toContain('dashboard__range--active');
    dashboard.mockResolvedValueOnce({ ok: true, data: makeDashboard({ days: 90, from: '2026-09-05' }) });
    fireEvent.click(screen.getByText('近90天'));
    expect(await screen.findByText('9月5日 – 12月3日（北京时间）')).toBeTruthy();
    expect(dashboard).toHaveBeenLastCalledWith({ days: 90 });
  });

  it('drops the answer of a range the owner already left', async () => {
    let answer7: (v: Awaited<ReturnType<typeof reportOwnerApi.dashboard>>) => void = () => {};
    dashboard.mockReset();
    dashboard.mockImplementationOnce(() => new Promise((resolve) => (answer7 = resolve)));
    dashboard.mockResolvedValueOnce({ ok: true, data: makeDashboard({ days: 30, from: '2026-11-04' }) });
    render(<OwnerDashboardPage />);
    fireEvent.click(screen.getByText('近30天'));
    expect(await screen.findByText('11月4日 – 12月3日（北京时间）')).toBeTruthy();
    await act(async () => answer7({ ok: true, data: makeDashboard() }));
    expect(screen.queryByText('11月27日 – 12月3日（北京时间）')).toBeNull();
  });

  it('no sales yet: says so and how to get the first one', async () => {
    dashboard.mockResolvedValue({
      ok: true,
      data: makeDashboard({ totals: zero, previous: zero, channels: [], topProducts: [], topSharers: [] }),
    });
    render(<OwnerDashboardPage />);
    expect(await screen.findByText(/近7天还没有成交。把商品分享到微信聊天或朋友圈/)).toBeTruthy();
    expect(charts).toHaveLength(0);
    fireEvent.click(screen.getByText('去分享商品'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/products/index' });
  });

  it('a failed load says why, and 重新加载 tries again', async () => {
    dashboard.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<OwnerDashboardPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('¥1,125.00')).toBeTruthy();
    expect(dashboard).toHaveBeenCalledTimes(2);
  });

  it('tells a non-owner that only the owner can see it', async () => {
    dashboard.mockResolvedValue({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerDashboardPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });

  it('pull-down reloads the range on screen; a failed reload keeps the figures with a notice', async () => {
    render(<OwnerDashboardPage />);
    await screen.findByText('¥1,125.00');
    dashboard.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    act(() => taroPage.pullDown?.());
    expect(await screen.findByText('刷新失败：网络异常，请稍后重试')).toBeTruthy();
    expect(screen.getByText('¥1,125.00')).toBeTruthy();
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(dashboard).toHaveBeenLastCalledWith({ days: 7 });
  });
});
