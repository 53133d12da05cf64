import { act, fireEvent, render, screen } from '@testing-library/react';
import { campaignApi } from '../../api/campaign';
import type { CampaignResults } from '../../../cloudfunctions/contracts/campaign';
import { makeGroup, member } from '../../test-utils/campaign';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import MyGroupsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/campaign', () => ({ campaignApi: { myGroups: jest.fn() } }));

const Taro = mockedTaro();
const myGroups = campaignApi.myGroups as jest.MockedFunction<typeof campaignApi.myGroups>;
type Item = CampaignResults['myGroups']['items'][number];

const item = (over: Partial<Item>): Item => ({
  ...makeGroup({ mine: { orderId: 'YJ1', paid: true } }),
  title: '云南古树红茶',
  image: '/img/p1.png',
  ...over,
});
const forming = item({});
const unpaid = item({ id: 'g_unpaid', title: '武夷岩茶', mine: { orderId: 'YJ2', paid: false } });
const succeeded = item({
  id: 'g_ok',
  title: '五常大米',
  status: 'succeeded',
  slotsLeft: 0,
  members: [member('alice', { leader: true }), member('bob'), member('carol')],
});
const failed = item({ id: 'g_failed', title: '东北木耳', status: 'failed', slotsLeft: 0 });

beforeEach(() => {
  resetTaroMock();
  myGroups.mockReset();
});

describe('我的拼团', () => {
  it('lists my groups with where each stands, and opens a group', async () => {
    myGroups.mockResolvedValueOnce({
      ok: true,
      data: { items: [forming, unpaid, succeeded, failed], nextCursor: null },
    });
    render(<MyGroupsPage />);
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
    expect(myGroups).toHaveBeenCalledWith({ limit: 20 });
    expect(screen.getAllByText('拼团中')).toHaveLength(2);
    expect(screen.getByText(/^还差 1 人成团 · .+ 截止$/)).toBeTruthy();
    expect(screen.getByText('待付款，付款后占下名额')).toBeTruthy();
    expect(screen.getByText('拼团成功')).toBeTruthy();
    expect(screen.getByText('3 人已成团，等待发货')).toBeTruthy();
    expect(screen.getByText('拼团未成功')).toBeTruthy();
    expect(screen.getByText('未成团，款项已原路退回')).toBeTruthy();
    fireEvent.click(screen.getByText('五常大米'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/campaign/group/index?id=g_ok' });
  });

  it('loads the next page at the bottom', async () => {
    myGroups
      .mockResolvedValueOnce({ ok: true, data: { items: [forming], nextCursor: 'k1' } })
      .mockResolvedValueOnce({ ok: true, data: { items: [failed], nextCursor: null } });
    render(<MyGroupsPage />);
    await screen.findByText('云南古树红茶');
    await act(async () => taroPage.reachBottom!());
    expect(await screen.findByText('东北木耳')).toBeTruthy();
    expect(myGroups).toHaveBeenLastCalledWith({ cursor: 'k1', limit: 20 });
  });

  it('with no group yet, says so and leads to the shop', async () => {
    myGroups.mockResolvedValueOnce({ ok: true, data: { items: [], nextCursor: null } });
    render(<MyGroupsPage />);
    expect(await screen.findByText('还没有参加过拼团')).toBeTruthy();
    fireEvent.click(screen.getByText('去逛逛'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('a failed first page says why and loads again on 重新加载', async () => {
    myGroups
      .mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } })
      .mockResolvedValueOnce({ ok: true, data: { items: [succeeded], nextCursor: null } });
    render(<MyGroupsPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('五常大米')).toBeTruthy();
  });
});
