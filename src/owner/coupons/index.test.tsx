import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { couponApi } from '../../api/coupon';
import { makeCoupon } from '../../test-utils/coupons';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import OwnerCouponsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/coupon', () => ({ couponApi: { list: jest.fn(), stop: jest.fn() } }));

const Taro = mockedTaro();
const list = couponApi.list as jest.MockedFunction<typeof couponApi.list>;
const stop = couponApi.stop as jest.MockedFunction<typeof couponApi.stop>;

const active = makeCoupon();
const ended = makeCoupon({
  id: 'c2',
  name: '双十一',
  kind: 'percent_off',
  offFen: undefined,
  percentOff: 10,
  maxOffFen: 2000,
  thresholdFen: 0,
  scope: 'products',
  productIds: ['p1'],
  validFrom: undefined,
  validTo: undefined,
  validDays: 7,
  status: 'ended',
  claimed: 40,
  used: 25,
  total: 40,
});
const countsOf = (name: string) =>
  Array.from(screen.getByText(name).closest('.owner-coupons__card')!.querySelectorAll('.owner-coupons__count')).map(
    (el) => el.textContent,
  );

beforeEach(() => {
  resetTaroMock();
  list.mockReset().mockResolvedValue({ ok: true, data: { items: [active, ended], nextCursor: null } });
  stop.mockReset();
});

describe('the owner’s 优惠券', () => {
  it('lists each coupon with its terms, status, and claimed / used / total', async () => {
    render(<OwnerCouponsPage />);
    expect(await screen.findByText('店庆满减')).toBeTruthy();
    expect(list).toHaveBeenCalledWith({ limit: 20 });
    expect(screen.getByText('满100减10 · 全场通用')).toBeTruthy();
    expect(screen.getByText('2026.12.01–12.31 · 每人限领 1 张')).toBeTruthy();
    expect(countsOf('店庆满减')).toEqual(['12已领取', '3已使用', '100发放总量']);
    expect(screen.getByText('发放中')).toBeTruthy();
    expect(screen.getByText('无门槛9折 最高减20元 · 仅限指定商品')).toBeTruthy();
    expect(screen.getByText('领取后 7 天内有效 · 每人限领 1 张')).toBeTruthy();
    expect(countsOf('双十一')).toEqual(['40已领取', '25已使用', '40发放总量']);
    expect(screen.getByText('已结束')).toBeTruthy();
    // Only an active coupon can be stopped; an ended one cannot be edited either.
    expect(screen.getAllByText('停止发放')).toHaveLength(1);
    expect(screen.getAllByText('编辑')).toHaveLength(1);
  });

  it('编辑 opens the editor on that coupon, a stopped or claimed-out one too', async () => {
    const stopped = makeCoupon({ id: 'c3', name: '已停券', status: 'stopped' });
    const claimedOut = makeCoupon({ id: 'c4', name: '抢光券', status: 'claimed_out', claimed: 100 });
    list.mockResolvedValue({ ok: true, data: { items: [active, ended, stopped, claimedOut], nextCursor: null } });
    render(<OwnerCouponsPage />);
    const editOf = async (name: string) => {
      const card = (await screen.findByText(name)).closest('.owner-coupons__card') as HTMLElement;
      return within(card).queryByText('编辑');
    };
    expect(await editOf('双十一')).toBeNull();
    for (const [name, id] of [
      ['店庆满减', 'c1'],
      ['已停券', 'c3'],
      ['抢光券', 'c4'],
    ]) {
      fireEvent.click((await editOf(name)) as HTMLElement);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/owner/coupon/index?id=${id}` });
    }
    expect(
      within(screen.getByText('已停券').closest('.owner-coupons__card') as HTMLElement).queryByText('停止发放'),
    ).toBeNull();
  });

  it('停止发放 asks first; declined, nothing is stopped', async () => {
    taroPage.confirm = false;
    render(<OwnerCouponsPage />);
    fireEvent.click(await screen.findByText('停止发放'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '停止发放',
          content: '停止后「店庆满减」不能再领取，且不能恢复；已领取的 12 张在有效期内仍可使用。',
        }),
      ),
    );
    expect(stop).not.toHaveBeenCalled();
  });

  it('confirmed, stops the coupon and shows it stopped', async () => {
    stop.mockResolvedValueOnce({ ok: true, data: { coupon: { ...active, status: 'stopped' } } });
    render(<OwnerCouponsPage />);
    fireEvent.click(await screen.findByText('停止发放'));
    expect(await screen.findByText('已停止发放')).toBeTruthy();
    expect(stop).toHaveBeenCalledWith({ couponId: 'c1' });
    expect(screen.queryByText('停止发放')).toBeNull();
  });

  it('a refused stop is said and changes nothing', async () => {
    stop.mockResolvedValueOnce({ ok: false, error: { code: 'input.invalid', message: '请求参数有误' } });
    render(<OwnerCouponsPage />);
    fireEvent.click(await screen.findByText('停止发放'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '请求参数有误', icon: 'none' }));
    expect(screen.getByText('发放中')).toBeTruthy();
  });

  it('opens the new coupon form, and reads the list again on coming back', async () => {
    render(<OwnerCouponsPage />);
    fireEvent.click(await screen.findByText('新建优惠券'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/coupon/index' });
    act(() => taroPage.didShow?.());
    act(() => taroPage.didShow?.());
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('tells a non-owner that only the owner can see it', async () => {
    list.mockResolvedValue({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerCouponsPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });
});
