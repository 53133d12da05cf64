import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { couponApi } from '../../api/coupon';
import { pointsApi } from '../../api/points';
import { shopApi } from '../../api/shop';
import { useSession } from '../../stores/session';
import type { ErrorCode } from '../../../cloudfunctions/contracts/errors';
import type { PointsBalance } from '../../../cloudfunctions/contracts/points';
import { makeAvailable, makeMemberCoupon } from '../../test-utils/coupons';
import { NO_SERVICE } from '../../test-utils/fixtures';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import CouponCenterPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/coupon', () => ({ couponApi: { available: jest.fn(), claim: jest.fn() } }));
jest.mock('../../api/points', () => ({ pointsApi: { join: jest.fn() } }));
jest.mock('../../api/shop', () => ({ shopApi: { session: jest.fn() } }));

const Taro = mockedTaro();
const available = couponApi.available as jest.MockedFunction<typeof couponApi.available>;
const claim = couponApi.claim as jest.MockedFunction<typeof couponApi.claim>;
const join = pointsApi.join as jest.MockedFunction<typeof pointsApi.join>;
const session = shopApi.session as jest.MockedFunction<typeof shopApi.session>;
const initialSession = useSession.getState();
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

const user = (isMember: boolean) => ({
  id: 'u2',
  openid: 'dev_u2',
  shareCode: 'BOB234',
  nickname: 'bob',
  isOwner: false,
  isMember,
  points: { available: 0, pending: 0 },
});
const tenOff = makeAvailable();
const fiveFree = makeAvailable({ id: 'c2', name: '无门槛券', offFen: 500, thresholdFen: 0, perMember: 2 });
/** The claim button of a coupon, found by its name. */
const buttonOf = (name: string) =>
  screen.getByText(name).closest('.coupon-card')!.querySelector('.coupon-center__claim')! as HTMLElement;

beforeEach(() => {
  resetTaroMock();
  useSession.setState(initialSession, true);
  session.mockReset().mockResolvedValue({ ok: true, data: { user: user(true), binding: null, service: NO_SERVICE } });
  available.mockReset().mockResolvedValue({ ok: true, data: { items: [tenOff, fiveFree] } });
  claim.mockReset();
  join.mockReset();
});

describe('领券中心', () => {
  it('lists the coupons on offer with their terms; opened from a product it asks for that product’s', async () => {
    taroPage.params = { productId: 'p1' };
    render(<CouponCenterPage />);
    expect(await screen.findByText('满100减10')).toBeTruthy();
    expect(available).toHaveBeenCalledWith({ productId: 'p1' });
    expect(screen.getByText('本商品可领的优惠券')).toBeTruthy();
    expect(screen.getByText('无门槛减5元')).toBeTruthy();
    expect(screen.getAllByText('2026.12.01–12.31')).toHaveLength(2);
    expect(buttonOf('店庆满减').textContent).toBe('立即领取');
  });

  it('claims a coupon, says so, and shows what the member now holds', async () => {
    render(<CouponCenterPage />);
    await screen.findByText('满100减10');
    claim.mockResolvedValueOnce({ ok: true, data: { memberCoupon: makeMemberCoupon() } });
    available.mockResolvedValueOnce({
      ok: true,
      data: { items: [{ ...tenOff, held: 1, canClaim: false, claimed: 13 }, fiveFree] },
    });
    fireEvent.click(buttonOf('店庆满减'));
    await waitFor(() => expect(buttonOf('店庆满减').textContent).toBe('已领取 1 张'));
    expect(claim).toHaveBeenCalledWith({ couponId: 'c1' });
    expect(lastToast()).toBe('领取成功');
    expect(buttonOf('店庆满减').getAttribute('aria-disabled')).toBe('true');
    expect(available).toHaveBeenCalledTimes(2);
  });

  it('a member who may hold two sees how many they hold and can claim one more', async () => {
    available.mockResolvedValue({ ok: true, data: { items: [{ ...fiveFree, held: 1 }] } });
    render(<CouponCenterPage />);
    expect(await screen.findByText('已领取 1 张，每人限领 2 张')).toBeTruthy();
    expect(buttonOf('无门槛券').textContent).toBe('立即领取');
  });

  it('over the limit: says the server’s refusal and shows the coupon as held', async () => {
    render(<CouponCenterPage />);
    await screen.findByText('满100减10');
    claim.mockResolvedValueOnce({
      ok: false,
      error: { code: 'coupon.limit_reached' as ErrorCode, message: '每人限领 1 张' },
    });
    available.mockResolvedValueOnce({ ok: true, data: { items: [{ ...tenOff, held: 1, canClaim: false }, fiveFree] } });
    fireEvent.click(buttonOf('店庆满减'));
    await waitFor(() => expect(buttonOf('店庆满减').textContent).toBe('已领取 1 张'));
    expect(lastToast()).toBe('每人限领 1 张');
  });

  it('sold out: says so and shows 已领完', async () => {
    render(<CouponCenterPage />);
    await screen.findByText('满100减10');
    claim.mockResolvedValueOnce({
      ok: false,
      error: { code: 'coupon.sold_out' as ErrorCode, message: '优惠券已领完' },
    });
    available.mockResolvedValueOnce({
      ok: true,
      data: { items: [{ ...tenOff, claimed: 100, status: 'claimed_out', canClaim: false }, fiveFree] },
    });
    fireEvent.click(buttonOf('店庆满减'));
    await waitFor(() => expect(buttonOf('店庆满减').textContent).toBe('已领完'));
    expect(lastToast()).toBe('优惠券已领完');
    expect(screen.getByText('店庆满减').closest('.coupon-card')!.className).toContain('coupon-card--muted');
  });

  it('someone without a member card is offered 开卡 first, then the coupon is claimed', async () => {
    session.mockResolvedValue({ ok: true, data: { user: user(false), binding: null, service: NO_SERVICE } });
    const balance = { isMember: true, available: 100, pending: 0 } as PointsBalance;
    join.mockResolvedValueOnce({ ok: true, data: { balance, gift: 100 } });
    claim.mockResolvedValueOnce({ ok: true, data: { memberCoupon: makeMemberCoupon() } });
    render(<CouponCenterPage />);
    await screen.findByText('满100减10');
    fireEvent.click(buttonOf('店庆满减'));
    await waitFor(() => expect(claim).toHaveBeenCalledWith({ couponId: 'c1' }));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '开通会员卡', confirmText: '立即开卡' }),
    );
    expect(join).toHaveBeenCalledTimes(1);
    expect(useSession.getState().user?.isMember).toBe(true);
  });

  it('declining 开卡 claims nothing', async () => {
    session.mockResolvedValue({ ok: true, data: { user: user(false), binding: null, service: NO_SERVICE } });
    taroPage.confirm = false;
    render(<CouponCenterPage />);
    await screen.findByText('满100减10');
    fireEvent.click(buttonOf('店庆满减'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(join).not.toHaveBeenCalled();
    expect(claim).not.toHaveBeenCalled();
  });

  it('says when there is nothing to claim, and a failed load offers a retry', async () => {
    available.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    available.mockResolvedValueOnce({ ok: true, data: { items: [] } });
    render(<CouponCenterPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('暂时没有可以领取的优惠券')).toBeTruthy();
  });
});
