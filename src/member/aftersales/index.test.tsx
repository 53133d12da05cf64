import { act, fireEvent, render, screen } from '@testing-library/react';
import { orderApi } from '../../api/order';
import type { AfterSaleSummary } from '../../../cloudfunctions/contracts/order';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import AfterSalesPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({ orderApi: { afterSales: jest.fn() } }));

const Taro = mockedTaro();
const afterSales = orderApi.afterSales as jest.MockedFunction<typeof orderApi.afterSales>;
const summary = (n: number, extra: Partial<AfterSaleSummary> = {}): AfterSaleSummary => ({
  id: `YJ7K3M9Q2W4E6R8T1YS${n}`,
  orderId: 'YJ7K3M9Q2W4E6R8T1Y',
  type: 'return_refund',
  status: 'awaiting_return',
  refundFen: 1290,
  createdAt: '2026-01-06T02:00:00.000Z',
  title: '云南古树红茶',
  image: '/img/p1.png',
  units: 1,
  ...extra,
});
const page = (items: AfterSaleSummary[], nextCursor: string | null = null) => ({
  ok: true as const,
  data: { items, nextCursor },
});

beforeEach(() => {
  resetTaroMock();
  afterSales.mockReset();
});

describe('我的售后', () => {
  it('lists the buyer’s cases with type, goods, amount and status; a tap opens the case', async () => {
    afterSales.mockResolvedValueOnce(
      page([summary(2), summary(1, { type: 'refund_only', status: 'refunded', units: 2 })]),
    );
    render(<AfterSalesPage />);
    expect(await screen.findByText('待寄回')).toBeTruthy();
    expect(afterSales).toHaveBeenCalledWith({ limit: 20 });
    expect(screen.getByText('退货退款')).toBeTruthy();
    expect(screen.getByText('共 1 件 · 退款 ¥12.90')).toBeTruthy();
    expect(screen.getByText('仅退款')).toBeTruthy();
    expect(screen.getByText('已退款')).toBeTruthy();
    expect(screen.getByText('共 2 件 · 退款 ¥12.90')).toBeTruthy();
    fireEvent.click(screen.getByText('待寄回'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/aftersale/index?id=YJ7K3M9Q2W4E6R8T1YS2' });
  });

  it('loads more at the bottom', async () => {
    afterSales.mockResolvedValueOnce(page([summary(2)], 'c1'));
    render(<AfterSalesPage />);
    await screen.findByText('待寄回');
    afterSales.mockResolvedValueOnce(page([summary(1, { status: 'closed' })]));
    await act(async () => taroPage.reachBottom!());
    expect(await screen.findByText('已关闭')).toBeTruthy();
    expect(afterSales).toHaveBeenLastCalledWith({ cursor: 'c1', limit: 20 });
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('says when there is none', async () => {
    afterSales.mockResolvedValueOnce(page([]));
    render(<AfterSalesPage />);
    expect(await screen.findByText('还没有售后申请')).toBeTruthy();
  });
});
