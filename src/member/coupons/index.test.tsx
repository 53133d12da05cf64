import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { couponApi } from '../../api/coupon';
import { localDay, makeMemberCoupon } from '../../test-utils/coupons';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import MyCouponsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/coupon', () => ({ couponApi: { mine: jest.fn() } }));

const Taro = mockedTaro();
const mine = couponApi.mine as jest.MockedFunction<typeof couponApi.mine>;

const allShop = makeMemberCoupon();
const teaOnly = makeMemberCoupon({
  id: 'mc2',
  name: '红茶专享',
  kind: 'percent_off',
  offFen: undefined,
  percentOff: 10,
  maxOffFen: 2000,
  thresholdFen: 0,
  scope: 'products',
  productIds: ['p1', 'p2'],
});
const used = makeMemberCoupon({ id: 'mc3', status: 'used', usedAt: localDay(2026, 12, 5, 9), orderId: 'YJ1' });
const expired = makeMemberCoupon({ id: 'mc4', name: '旧券', status: 'expired' });

beforeEach(() => {
  resetTaroMock();
  mine.mockReset().mockImplementation(async ({ status }) => ({
    ok: true,
    data: {
      items: status === 'usable' ? [allShop, teaOnly] : status === 'used' ? [used] : [expired],
      nextCursor: null,
    },
  }));
});

describe('我的优惠券', () => {
  it('opens on 可用: the terms, and 去使用 leads to the product of a product coupon, else home', async () => {
    render(<MyCouponsPage />);
    expect(await screen.findByText('满100减10')).toBeTruthy();
    expect(mine).toHaveBeenCalledWith({ status: 'usable', limit: 20 });
    expect(screen.getByText('无门槛9折 最高减20元')).toBeTruthy();
    expect(screen.getByText('仅限指定商品')).toBeTruthy();
    const [first, second] = screen.getAllByText('去使用');
    fireEvent.click(first);
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
    fireEvent.click(second);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=p1' });
  });

  it('已使用 and 已过期 ask for their status and show the coupons greyed, without 去使用', async () => {
    render(<MyCouponsPage />);
    await screen.findByText('满100减10');
    fireEvent.click(screen.getByText('已使用'));
    await waitFor(() => expect(mine).toHaveBeenLastCalledWith({ status: 'used', limit: 20 }));
    const stamp = await screen.findByText('12月5日 09:00 使用');
    expect(stamp.closest('.coupon-card')!.className).toContain('coupon-card--muted');
    expect(screen.queryByText('去使用')).toBeNull();

    fireEvent.click(screen.getByText('已过期'));
    expect(await screen.findByText('旧券')).toBeTruthy();
    expect(mine).toHaveBeenLastCalledWith({ status: 'expired', limit: 20 });
    expect(screen.queryByText('店庆满减')).toBeNull();
  });

  it('loads the next page at the bottom', async () => {
    mine.mockResolvedValueOnce({ ok: true, data: { items: [allShop], nextCursor: 'k1' } });
    mine.mockResolvedValueOnce({ ok: true, data: { items: [teaOnly], nextCursor: null } });
    render(<MyCouponsPage />);
    await screen.findByText('店庆满减');
    await act(async () => taroPage.reachBottom!());
    expect(await screen.findByText('红茶专享')).toBeTruthy();
    expect(mine).toHaveBeenLastCalledWith({ status: 'usable', cursor: 'k1', limit: 20 });
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('with no usable coupon offers the coupon centre', async () => {
    mine.mockResolvedValueOnce({ ok: true, data: { items: [], nextCursor: null } });
    render(<MyCouponsPage />);
    expect(await screen.findByText('没有可用的优惠券')).toBeTruthy();
    fireEvent.click(screen.getByText('去领券'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/coupon-center/index' });
  });
});
