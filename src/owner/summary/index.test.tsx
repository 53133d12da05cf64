import { fireEvent, render, screen } from '@testing-library/react';
import { orderApi } from '../../api/order';
import { mockedTaro, resetTaroMock } from '../../test-utils/taro-mock';
import OwnerSummaryPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({ orderApi: { summary: jest.fn() } }));

const Taro = mockedTaro();
const summary = orderApi.summary as jest.MockedFunction<typeof orderApi.summary>;
const today = { date: '2026-11-23', orders: 12, paidFen: 123450, toShip: 3, refundsWaiting: 1 };

beforeEach(() => {
  resetTaroMock();
  summary.mockReset();
});

describe('owner summary', () => {
  it("shows today's orders, takings in ¥, and what waits", async () => {
    summary.mockResolvedValueOnce({ ok: true, data: today });
    render(<OwnerSummaryPage />);
    expect(await screen.findByText('¥1,234.50')).toBeTruthy();
    expect(screen.getByText('2026-11-23')).toBeTruthy();
    expect(screen.getByText('12')).toBeTruthy();
    expect(screen.getByText('3')).toBeTruthy();
    expect(screen.getByText('1')).toBeTruthy();
    expect(screen.getByText('去发货 ›')).toBeTruthy();
  });

  it('each tile opens the order desk on its view', async () => {
    summary.mockResolvedValueOnce({ ok: true, data: today });
    render(<OwnerSummaryPage />);
    fireEvent.click(await screen.findByText('待发货'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/orders/index?view=to_ship' });
    fireEvent.click(screen.getByText('待处理售后'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/orders/index?view=after_sale' });
    fireEvent.click(screen.getByText('今日收款'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/orders/index?view=all' });
  });

  it('opens 经营数据 and 客户', async () => {
    summary.mockResolvedValueOnce({ ok: true, data: today });
    render(<OwnerSummaryPage />);
    fireEvent.click(await screen.findByText('经营数据'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/dashboard/index' });
    fireEvent.click(screen.getByText('客户'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/customers/index' });
  });

  it('a quiet day: zero in ¥ and nothing waiting', async () => {
    summary.mockResolvedValueOnce({
      ok: true,
      data: { date: '2026-11-24', orders: 0, paidFen: 0, toShip: 0, refundsWaiting: 0 },
    });
    render(<OwnerSummaryPage />);
    expect(await screen.findByText('¥0.00')).toBeTruthy();
    expect(screen.getByText('都发完了 ›')).toBeTruthy();
    expect(screen.getByText('暂无售后 ›')).toBeTruthy();
  });

  it('tells a non-owner that only the owner can see it', async () => {
    summary.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerSummaryPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });

  it('shows an error with 重新加载', async () => {
    summary.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<OwnerSummaryPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    summary.mockResolvedValueOnce({ ok: true, data: today });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('¥1,234.50')).toBeTruthy();
  });
});
