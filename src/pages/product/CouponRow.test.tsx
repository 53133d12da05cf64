import { act, fireEvent, render, screen } from '@testing-library/react';
import { couponApi } from '../../api/coupon';
import { makeAvailable } from '../../test-utils/coupons';
import { mockedTaro, resetTaroMock } from '../../test-utils/taro-mock';
import CouponRow from './CouponRow';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/coupon', () => ({ couponApi: { available: jest.fn() } }));

const Taro = mockedTaro();
const available = couponApi.available as jest.MockedFunction<typeof couponApi.available>;

beforeEach(() => {
  resetTaroMock();
  available.mockReset();
});

describe('领券 on the product page', () => {
  it('names the product’s coupons briefly and opens the coupon centre for this product', async () => {
    available.mockResolvedValue({
      ok: true,
      data: {
        items: [
          makeAvailable(),
          makeAvailable({ id: 'c2', kind: 'percent_off', offFen: undefined, percentOff: 10, thresholdFen: 0 }),
        ],
      },
    });
    render(<CouponRow productId="p1" />);
    expect(await screen.findByText('满100减10')).toBeTruthy();
    expect(screen.getByText('无门槛9折')).toBeTruthy();
    expect(available).toHaveBeenCalledWith({ productId: 'p1' });
    fireEvent.click(screen.getByText('领取 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/coupon-center/index?productId=p1' });
  });

  it('shows nothing without coupons, or when they could not be read', async () => {
    available.mockResolvedValueOnce({ ok: true, data: { items: [] } });
    const { container, unmount } = render(<CouponRow productId="p1" />);
    await act(async () => undefined);
    expect(container.textContent).toBe('');
    unmount();

    available.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    const second = render(<CouponRow productId="p1" />);
    await act(async () => undefined);
    expect(second.container.textContent).toBe('');
    expect(available).toHaveBeenCalledTimes(2);
  });
});
