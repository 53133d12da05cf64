import { fireEvent, render, screen } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import { useSession } from '../../stores/session';
import { mockedTaro, resetTaroMock } from '../../test-utils/taro-mock';
import MePage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { session: jest.fn() } }));

const Taro = mockedTaro();
const session = shopApi.session as jest.MockedFunction<typeof shopApi.session>;
const owner = { id: 'u0', shareCode: 'OWN234', nickname: '店主小王', isOwner: true, isMember: true, points: { available: 0, pending: 0 } };
const initialSession = useSession.getState();

beforeEach(() => {
  resetTaroMock();
  session.mockReset();
  useSession.setState(initialSession, true);
});

describe('me page', () => {
  it('shows my nickname, my share code to copy and the points placeholder', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: owner, binding: null } });
    render(<MePage />);
    expect(await screen.findByText('店主小王')).toBeTruthy();
    expect(screen.getByText('店主')).toBeTruthy();
    expect(screen.getByText('积分 · 即将上线')).toBeTruthy();
    fireEvent.click(screen.getByText('我的推荐码 OWN234'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'OWN234' });
  });

  it('shows an error with a retry', async () => {
    session.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<MePage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    session.mockResolvedValueOnce({ ok: true, data: { user: { ...owner, isOwner: false, nickname: 'bob' }, binding: null } });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('bob')).toBeTruthy();
    expect(screen.queryByText('店主')).toBeNull();
  });

  it('opens my orders by state from the 我的订单 card', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: { ...owner, isOwner: false, nickname: 'bob' }, binding: null } });
    render(<MePage />);
    expect(await screen.findByText('我的订单')).toBeTruthy();
    const shortcuts: Array<[string, string]> = [
      ['待付款', 'pending_payment'],
      ['待发货', 'to_ship'],
      ['待收货', 'to_receive'],
      ['售后', 'after_sale'],
    ];
    for (const [label, tab] of shortcuts) {
      fireEvent.click(screen.getByText(label));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/orders/index?tab=${tab}` });
    }
    fireEvent.click(screen.getByText('全部订单 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/orders/index?tab=all' });
    // Not an owner: no way into the shop's management.
    expect(screen.queryByText('店铺管理')).toBeNull();
    expect(screen.queryByText('今日概况')).toBeNull();
  });

  it('gives the owner 店铺管理 and 今日概况', async () => {
    session.mockResolvedValueOnce({ ok: true, data: { user: owner, binding: null } });
    render(<MePage />);
    fireEvent.click(await screen.findByText('店铺管理'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/orders/index' });
    fireEvent.click(screen.getByText('今日概况'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/summary/index' });
  });
});
