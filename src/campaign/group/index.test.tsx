import { act, fireEvent, render, screen } from '@testing-library/react';
import { campaignApi } from '../../api/campaign';
import type { Group } from '../../../cloudfunctions/contracts/campaign';
import { useCheckout } from '../../stores/checkout';
import { HOUR, IN_23_41_05, at, makeGroup, makeGroupBuy, member, NOW } from '../../test-utils/campaign';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import GroupPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/campaign', () => ({ campaignApi: { group: jest.fn() } }));

const Taro = mockedTaro();
const group = campaignApi.group as jest.MockedFunction<typeof campaignApi.group>;
const initialCheckout = useCheckout.getState();

const answer = (g: Partial<Group> = {}, over: { status?: 'live' | 'ended' } = {}) => ({
  ok: true as const,
  data: {
    group: makeGroup(g),
    groupBuy: makeGroupBuy(over.status ? { status: over.status } : {}),
    title: '云南古树红茶 200g',
    image: '/img/p1.png',
  },
});

/** Lets the mocked answer arrive without moving the fake clock (findBy* would, and the countdown with it). */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });

async function open(g: Partial<Group> = {}, over: { status?: 'live' | 'ended' } = {}) {
  group.mockResolvedValue(answer(g, over));
  render(<GroupPage />);
  await settle();
  expect(screen.getByText('云南古树红茶 200g')).toBeTruthy();
}

const bar = () => Array.from(document.querySelectorAll('.group__bar .group__action')).map((b) => b.textContent);

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
  resetTaroMock();
  group.mockReset();
  useCheckout.setState(initialCheckout, true);
  taroPage.params = { id: 'g_alice' };
  delete process.env.TARO_ENV;
});

afterEach(() => {
  jest.useRealTimers();
});

describe('group page', () => {
  it('forming, the caller not in it: product, 拼团价, members and seats, the countdown, and 参团', async () => {
    await open();
    expect(group).toHaveBeenCalledWith({ groupId: 'g_alice' });
    expect(screen.getByText('拼团价 ¥9.90')).toBeTruthy();
    expect(screen.getByText('3人团')).toBeTruthy();
    expect(screen.getByText('alice')).toBeTruthy();
    expect(screen.getByText('团长')).toBeTruthy();
    // One seat is held by an unpaid join, one is open.
    expect(screen.getAllByText('待付款')).toHaveLength(1);
    expect(screen.getAllByText('待参团')).toHaveLength(1);
    expect(screen.getByText('还差 1 人成团')).toBeTruthy();
    expect(screen.getByText('剩 23:41:05')).toBeTruthy();
    act(() => jest.advanceTimersByTime(2000));
    expect(screen.getByText('剩 23:41:03')).toBeTruthy();
    expect(bar()).toEqual(['查看商品', '参团']);
  });

  it('参团 picks a SKU of the activity (the group’s own first) and opens the checkout joining this group', async () => {
    await open();
    fireEvent.click(screen.getByText('参团'));
    fireEvent.click(screen.getByText('参团 ¥9.90'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/checkout/index?groupBuyId=gb1&groupId=g_alice' });
    expect(useCheckout.getState().draft?.lines).toEqual([
      {
        productId: 'p1',
        skuId: 's1',
        qty: 1,
        spec: '200g 罐装',
        priceFen: 990,
        title: '云南古树红茶 200g',
        image: '/img/p1.png',
      },
    ]);
  });

  it('the caller in it (weapp): 邀请好友 shares the group card with what is missing, the price and the title', async () => {
    await open({ mine: { orderId: 'YJ1', paid: true }, members: [member('alice', { leader: true }), member('bob')] });
    expect(bar()).toEqual(['查看订单', '邀请好友']);
    expect(document.querySelector('.group__action--native')?.textContent).toBe('邀请好友');
    expect(taroPage.shareApp!()).toMatchObject({
      title: '还差 1 人，¥9.90 拼 云南古树红茶 200g',
      path: '/campaign/group/index?id=g_alice',
    });
    fireEvent.click(screen.getByText('查看订单'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/order/index?id=YJ1' });
  });

  it('the caller in it (h5): 邀请好友 opens the link to this group to copy', async () => {
    process.env.TARO_ENV = 'h5';
    await open({ mine: { orderId: 'YJ1', paid: true } });
    fireEvent.click(screen.getByText('邀请好友'));
    expect(screen.getByText('还差 1 人成团，好友打开链接即可参团')).toBeTruthy();
    expect(screen.getByText(`${window.location.origin}/#/campaign/group/index?id=g_alice`)).toBeTruthy();
    fireEvent.click(screen.getByText('复制链接'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({
      data: `${window.location.origin}/#/campaign/group/index?id=g_alice`,
    });
  });

  it('the caller’s unpaid join leads to paying it', async () => {
    await open({ mine: { orderId: 'YJ2', paid: false } });
    expect(bar()).toEqual(['查看商品', '去付款']);
    fireEvent.click(screen.getByText('去付款'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/order/index?id=YJ2' });
  });

  it('a full group (its last slots held by unpaid joins) offers a group of one’s own instead', async () => {
    await open({ slotsLeft: 0 });
    expect(screen.getByText('名额已占满，等待付款')).toBeTruthy();
    expect(bar()).toEqual(['已满员', '去开团']);
    fireEvent.click(screen.getByText('去开团'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=p1' });
  });

  it('an activity no longer live: no 参团', async () => {
    await open({}, { status: 'ended' });
    expect(bar()).toEqual(['活动已结束', '去开团']);
  });

  it('succeeded: 拼团成功, 待发货 for a member, and the way to the order', async () => {
    await open({
      status: 'succeeded',
      slotsLeft: 0,
      members: [member('alice', { leader: true }), member('bob'), member('carol')],
      mine: { orderId: 'YJ1', paid: true },
    });
    expect(screen.getByText('拼团成功')).toBeTruthy();
    expect(screen.getByText('待发货，店主正在备货')).toBeTruthy();
    expect(screen.queryByText(/^剩 /)).toBeNull();
    expect(screen.queryByText('待参团')).toBeNull();
    expect(bar()).toEqual(['查看订单', '去看看商品']);
  });

  it('failed: 拼团未成功 with the money back, the seats that stayed empty, and 再开一团', async () => {
    await open({ status: 'failed', slotsLeft: 0, endsAt: at(-HOUR) });
    expect(screen.getByText('拼团未成功，款项已原路退回')).toBeTruthy();
    expect(screen.getAllByText('待参团')).toHaveLength(2);
    expect(bar()).toEqual(['再开一团']);
    expect(screen.getByText('拼团未成功')).toBeTruthy();
  });

  it('reads the group again in place when its time runs out, once', async () => {
    await open({ endsAt: at(2000) });
    group.mockResolvedValue(answer({ status: 'failed', slotsLeft: 0, endsAt: at(2000) }));
    await act(async () => jest.advanceTimersByTime(1000));
    expect(group).toHaveBeenCalledTimes(1);
    await act(async () => jest.advanceTimersByTime(1000));
    expect(group).toHaveBeenCalledTimes(2);
    await settle();
    expect(screen.getByText('拼团未成功，款项已原路退回')).toBeTruthy();
    await act(async () => jest.advanceTimersByTime(IN_23_41_05));
    expect(group).toHaveBeenCalledTimes(2);
  });

  it('past its time but not yet settled: says the result is coming, offers no 参团', async () => {
    await open({ endsAt: at(-1000) });
    expect(screen.getByText('拼团时间已到')).toBeTruthy();
    expect(screen.queryByText('参团')).toBeNull();
  });

  it('comes back from paying to the group as it is now', async () => {
    await open({ mine: { orderId: 'YJ2', paid: false } });
    act(() => taroPage.didShow!());
    expect(group).toHaveBeenCalledTimes(1);
    group.mockResolvedValue(answer({ mine: { orderId: 'YJ2', paid: true } }));
    await act(async () => taroPage.didShow!());
    await settle();
    expect(bar()).toEqual(['查看订单', '邀请好友']);
  });

  it('a link without a valid id asks nothing; an unknown group says so; an error offers a reload', async () => {
    taroPage.params = { id: 'g/../1' };
    const { unmount } = render(<GroupPage />);
    expect(screen.getByText('拼团不存在或链接有误')).toBeTruthy();
    expect(group).not.toHaveBeenCalled();
    unmount();

    taroPage.params = { id: 'g_gone' };
    group.mockResolvedValueOnce({ ok: false, error: { code: 'group.not_found', message: '拼团不存在' } });
    const gone = render(<GroupPage />);
    await settle();
    expect(screen.getByText('拼团不存在或链接有误')).toBeTruthy();
    gone.unmount();

    group.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    group.mockResolvedValueOnce(answer());
    render(<GroupPage />);
    await settle();
    expect(screen.getByText('网络异常，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    await settle();
    expect(screen.getByText('还差 1 人成团')).toBeTruthy();
  });
});
