import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import { pointsApi } from '../../api/points';
import { shopApi } from '../../api/shop';
import { useSession } from '../../stores/session';
import type { PointsBalance } from '../../../cloudfunctions/contracts/points';
import { deferred } from '../../test-utils/deferred';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import MePage from './index';
import { NO_SERVICE } from '../../test-utils/fixtures';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { session: jest.fn() } }));
jest.mock('../../api/commission', () => ({ commissionApi: { releaseBinding: jest.fn() } }));
jest.mock('../../api/points', () => ({ pointsApi: { join: jest.fn(), balance: jest.fn() } }));

const Taro = mockedTaro();
const session = shopApi.session as jest.MockedFunction<typeof shopApi.session>;
const releaseBinding = commissionApi.releaseBinding as jest.MockedFunction<typeof commissionApi.releaseBinding>;
const join = pointsApi.join as jest.MockedFunction<typeof pointsApi.join>;
const balance = pointsApi.balance as jest.MockedFunction<typeof pointsApi.balance>;
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;
const owner = {
  id: 'u0',
  openid: 'dev_u0',
  shareCode: 'OWN234',
  nickname: '店主小王',
  isOwner: true,
  isMember: true,
  points: { available: 0, pending: 0 },
};
const bob = { ...owner, id: 'u2', shareCode: 'BOB234', nickname: 'bob', isOwner: false };
const initialSession = useSession.getState();
// Built from local fields so the shown day holds in any time zone; far ahead so the binding is active.
const until = new Date(2099, 11, 8, 12, 0).toISOString();
const binding = { sharerCode: 'ALC234', nickname: 'alice', until };

const rules = {
  pointsEarnPerYuan: 1,
  pointsPerYuan: 100,
  pointsCapBp: 5000,
  welcomePoints: 100,
  pointsExpiryDays: 365,
};
const noPoints: PointsBalance = { isMember: true, available: 0, pending: 0, expiringSoon: 0, nextExpiry: null, rules };

beforeEach(() => {
  resetTaroMock();
  session.mockReset();
  releaseBinding.mockReset();
  join.mockReset();
  balance.mockReset().mockResolvedValue({ ok: true, data: noPoints });
  useSession.setState(initialSession, true);
});

describe('me page', () => {
  it('shows my nickname and my share code to copy', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: owner, binding: null, service: NO_SERVICE } });
    render(<MePage />);
    expect(await screen.findByText('店主小王')).toBeTruthy();
    expect(screen.getByText('店主')).toBeTruthy();
    fireEvent.click(screen.getByText('我的推荐码 OWN234'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'OWN234' });
  });

  it('shows an error with a retry', async () => {
    session.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<MePage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    session.mockResolvedValueOnce({
      ok: true,
      data: { user: { ...owner, isOwner: false, nickname: 'bob' }, binding: null, service: NO_SERVICE },
    });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('bob')).toBeTruthy();
    expect(screen.queryByText('店主')).toBeNull();
  });

  it('opens my orders by state from the 我的订单 card', async () => {
    session.mockResolvedValueOnce({
      ok: true,
      data: { user: { ...owner, isOwner: false, nickname: 'bob' }, binding: null, service: NO_SERVICE },
    });
    render(<MePage />);
    expect(await screen.findByText('我的订单')).toBeTruthy();
    const shortcuts: Array<[string, string]> = [
      ['待付款', 'pending_payment'],
      ['待发货', 'to_ship'],
      ['待收货', 'to_receive'],
    ];
    for (const [label, tab] of shortcuts) {
      fireEvent.click(screen.getByText(label));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/orders/index?tab=${tab}` });
    }
    // 售后 opens 我的售后, the buyer's cases.
    fireEvent.click(screen.getByText('售后'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/aftersales/index' });
    fireEvent.click(screen.getByText('全部订单 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/orders/index?tab=all' });
    // Not an owner: no way into the shop's management.
    expect(screen.queryByText('店铺管理')).toBeNull();
    expect(screen.queryByText('今日概况')).toBeNull();
  });

  it(
    'gives the owner every desk: ' +
      'orders, products, summary, sharers, withdrawals, rates, points, reviews, coupons, campaigns and settings',
    async () => {
      session.mockResolvedValueOnce({ ok: true, data: { user: owner, binding: null, service: NO_SERVICE } });
      render(<MePage />);
      await screen.findByText('店铺管理');
      const entries: Array<[string, string]> = [
        ['店铺管理', '/owner/orders/index'],
        ['今日概况', '/owner/summary/index'],
        ['推广员', '/owner/sharers/index'],
        ['提现审批', '/owner/withdrawals/index'],
        ['佣金设置', '/owner/rates/index'],
        ['积分设置', '/owner/points/index'],
        ['商品管理', '/owner/products/index'],
        ['评价管理', '/owner/reviews/index'],
        ['优惠券', '/owner/coupons/index'],
        ['拼团活动', '/owner/group-buys/index'],
        ['秒杀活动', '/owner/flash-sales/index'],
        ['店铺设置', '/owner/settings/index'],
      ];
      for (const [label, url] of entries) {
        fireEvent.click(screen.getByText(label));
        expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
      }
    },
  );

  it('opens 绑定记录 and 不看推荐的人', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: bob, binding: null, service: NO_SERVICE } });
    render(<MePage />);
    fireEvent.click(await screen.findByText('绑定记录'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/bindings/index' });
    fireEvent.click(screen.getByText('不看推荐的人'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/mutes/index' });
  });

  it('opens the 推广中心 for everyone', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: bob, binding: null, service: NO_SERVICE } });
    render(<MePage />);
    fireEvent.click(await screen.findByText('分享赚佣金 · 推广中心 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/share/center/index' });
    expect(screen.queryByText('推广员')).toBeNull();
  });

  it('opens 我的优惠券 for everyone', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: bob, binding: null, service: NO_SERVICE } });
    render(<MePage />);
    fireEvent.click(await screen.findByText('我的优惠券'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/coupons/index' });
    expect(screen.queryByText('优惠券')).toBeNull();
  });

  it('opens 我的收藏', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: bob, binding: null, service: NO_SERVICE } });
    render(<MePage />);
    fireEvent.click(await screen.findByText('我的收藏'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/favorites/index' });
  });

  it('opens 我的拼团, beside 我的优惠券', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: bob, binding: null, service: NO_SERVICE } });
    render(<MePage />);
    const entry = await screen.findByText('我的拼团');
    const labels = Array.from(document.querySelectorAll('.me__links .me__entry-label')).map((el) => el.textContent);
    expect(labels.slice(0, 2)).toEqual(['我的优惠券', '我的拼团']);
    fireEvent.click(entry);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/campaign/my-groups/index' });
  });
});

describe('me page: my recommender', () => {
  async function openWithBinding(b: typeof binding | null = binding) {
    session.mockResolvedValueOnce({ ok: true, data: { user: bob, binding: b, service: NO_SERVICE } });
    render(<MePage />);
    await screen.findByText('bob');
  }

  it('shows who recommended me and until when', async () => {
    await openWithBinding();
    expect(screen.getByText('你的推荐人：alice，至 12月8日')).toBeTruthy();
  });

  it('shows no card without a binding, or once it has ended', async () => {
    await openWithBinding(null);
    expect(screen.queryByText(/你的推荐人/)).toBeNull();
    act(() => useSession.getState().setBinding({ ...binding, until: '2020-01-01T00:00:00.000Z' }));
    expect(screen.queryByText(/你的推荐人/)).toBeNull();
  });

  it('shows a binding that a visit made while the page is open', async () => {
    await openWithBinding(null);
    act(() => useSession.getState().setBinding(binding));
    expect(screen.getByText('你的推荐人：alice，至 12月8日')).toBeTruthy();
  });

  it('releases it after confirming', async () => {
    await openWithBinding();
    releaseBinding.mockResolvedValueOnce({ ok: true, data: { binding: null } });
    await act(async () => fireEvent.click(screen.getByText('解除')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '解除后，你之后的订单不再计入 TA 的推广' }),
    );
    expect(releaseBinding).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText(/你的推荐人/)).toBeNull());
    expect(useSession.getState().binding).toBeNull();
    expect(lastToast()).toBe('已解除推荐关系');
  });

  it('keeps it when I change my mind', async () => {
    await openWithBinding();
    taroPage.confirm = false;
    await act(async () => fireEvent.click(screen.getByText('解除')));
    expect(releaseBinding).not.toHaveBeenCalled();
    expect(screen.getByText('你的推荐人：alice，至 12月8日')).toBeTruthy();
  });

  it('keeps it and says why when releasing fails', async () => {
    await openWithBinding();
    releaseBinding.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    await act(async () => fireEvent.click(screen.getByText('解除')));
    expect(lastToast()).toBe('网络异常，请稍后重试');
    expect(useSession.getState().binding).toEqual(binding);
    expect(screen.getByText('你的推荐人：alice，至 12月8日')).toBeTruthy();
  });
});

describe('me page: the member card', () => {
  const guest = { ...bob, isMember: false };
  /** The figures the member card shows: spendable, then pending. */
  const figures = () => [
    document.querySelector('.me__points-available')?.textContent,
    document.querySelector('.me__points-pending')?.textContent,
  ];
  const day = (mo: number, d: number) => new Date(2099, mo - 1, d, 12, 0).toISOString();

  it('invites someone who is not a member; 开卡 joins once, shows the gift and the balance', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: guest, binding: null, service: NO_SERVICE } });
    render(<MePage />);
    expect(await screen.findByText('开通会员卡')).toBeTruthy();
    expect(document.querySelector('.me__points-available')).toBeNull();
    expect(balance).not.toHaveBeenCalled();

    const answer = deferred<Awaited<ReturnType<typeof pointsApi.join>>>();
    join.mockReturnValueOnce(answer.promise);
    fireEvent.click(screen.getByText('开卡'));
    expect(await screen.findByText('开卡中…')).toBeTruthy();
    fireEvent.click(screen.getByText('开卡中…'));
    expect(join).toHaveBeenCalledTimes(1);

    await act(async () => answer.resolve({ ok: true, data: { gift: 100, balance: { ...noPoints, available: 100 } } }));
    expect(lastToast()).toBe('开卡成功，获得 100 积分');
    expect(figures()).toEqual(['100', '0']);
    expect(screen.queryByText('开通会员卡')).toBeNull();
    expect(useSession.getState().user).toMatchObject({ isMember: true, points: { available: 100, pending: 0 } });
    // The join answered with the balance: nothing more to read.
    expect(balance).not.toHaveBeenCalled();
  });

  it('says so when joining fails, and keeps the invitation', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: guest, binding: null, service: NO_SERVICE } });
    render(<MePage />);
    join.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    const button = await screen.findByText('开卡');
    await act(async () => fireEvent.click(button));
    expect(lastToast()).toBe('网络异常，请稍后重试');
    expect(screen.getByText('开卡')).toBeTruthy();
    expect(useSession.getState().user?.isMember).toBe(false);
  });

  it('shows a member the spendable and pending points, what expires soon, and opens 积分明细', async () => {
    const read = deferred<Awaited<ReturnType<typeof pointsApi.balance>>>();
    balance.mockReturnValueOnce(read.promise);
    session.mockResolvedValueOnce({
      ok: true,
      data: { user: { ...bob, points: { available: 1300, pending: 35 } }, binding: null, service: NO_SERVICE },
    });
    render(<MePage />);
    // The session's figures until the balance arrives.
    await screen.findByText('会员积分');
    expect(figures()).toEqual(['1300', '35']);

    await act(async () =>
      read.resolve({
        ok: true,
        data: {
          isMember: true,
          available: 1280,
          pending: 35,
          expiringSoon: 120,
          nextExpiry: { points: 120, at: day(12, 8) },
          rules,
        },
      }),
    );
    expect(figures()).toEqual(['1280', '35']);
    expect(screen.getByText('120 积分将于 12月8日 过期')).toBeTruthy();
    expect(useSession.getState().user?.points).toEqual({ available: 1280, pending: 35 });

    fireEvent.click(screen.getByText('积分明细 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/member/points/index' });
  });

  it('reads the balance again on coming back to the page', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: bob, binding: null, service: NO_SERVICE } });
    render(<MePage />);
    await screen.findByText('会员积分');
    await waitFor(() => expect(balance).toHaveBeenCalledTimes(1));
    act(() => taroPage.didShow!());
    expect(balance).toHaveBeenCalledTimes(1);

    balance.mockResolvedValueOnce({ ok: true, data: { ...noPoints, available: 0, pending: 129 } });
    await act(async () => taroPage.didShow!());
    expect(balance).toHaveBeenCalledTimes(2);
    expect(figures()).toEqual(['0', '129']);
  });

  it('a failed balance keeps the session’s figures and retries on tap, without opening the ledger', async () => {
    balance.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    session.mockResolvedValueOnce({
      ok: true,
      data: { user: { ...bob, points: { available: 300, pending: 0 } }, binding: null, service: NO_SERVICE },
    });
    render(<MePage />);
    const retry = await screen.findByText('积分刷新失败：网络异常，请稍后重试，点击重试');
    expect(figures()).toEqual(['300', '0']);

    balance.mockResolvedValueOnce({ ok: true, data: { ...noPoints, available: 200 } });
    await act(async () => fireEvent.click(retry));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    expect(figures()).toEqual(['200', '0']);
    expect(screen.queryByText(/积分刷新失败/)).toBeNull();
  });
});
