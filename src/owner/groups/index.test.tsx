import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { campaignOwnerApi } from '../../api/campaign-owner';
import { localTime, makeOwnerGroup } from '../../test-utils/campaigns-owner';
import { resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import OwnerGroupsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/campaign-owner', () => ({ campaignOwnerApi: { ownerGroups: jest.fn() } }));

const groups = campaignOwnerApi.ownerGroups as jest.MockedFunction<typeof campaignOwnerApi.ownerGroups>;

const forming = makeOwnerGroup();
const succeeded = makeOwnerGroup({
  id: 'g2',
  title: '五常大米',
  size: 2,
  members: [
    { nickname: '阿强', leader: true, joinedAt: localTime(2026, 12, 7, 9) },
    { nickname: '阿珍', leader: false, joinedAt: localTime(2026, 12, 7, 10) },
  ],
  status: 'succeeded',
  slotsLeft: 0,
});
const failed = makeOwnerGroup({
  id: 'g3',
  title: '普洱茶饼',
  members: [{ nickname: '老王', leader: true, joinedAt: localTime(2026, 12, 6, 9) }],
  status: 'failed',
  endsAt: localTime(2026, 12, 7, 9),
  slotsLeft: 2,
});

const cardOf = (title: string) => screen.getByText(title).closest('.campaigns__card')! as HTMLElement;
const membersOf = (title: string) =>
  Array.from(cardOf(title).querySelectorAll('.campaigns__member')).map((el) => el.textContent);

beforeEach(() => {
  resetTaroMock();
  groups.mockReset().mockResolvedValue({ ok: true, data: { items: [forming, succeeded, failed], nextCursor: null } });
});

describe('the owner’s 团列表', () => {
  it('shows each group’s members (avatar, nickname, 团长), slots left, end and status', async () => {
    render(<OwnerGroupsPage />);
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
    expect(groups).toHaveBeenCalledWith({ limit: 20 });
    expect(membersOf('云南古树红茶')).toEqual(['小明团长', '小小红']);
    const avatar = cardOf('云南古树红茶').querySelector('img, taro-image-core');
    expect(avatar?.getAttribute('src')).toBe('https://example.com/a.png');
    expect(cardOf('云南古树红茶').textContent).toContain('拼团中');
    expect(cardOf('云南古树红茶').textContent).toContain('3人团 · 已付款 2 人');
    expect(cardOf('云南古树红茶').textContent).toContain('还差 1 人 · 12月9日 10:00 截止');
    expect(cardOf('五常大米').textContent).toContain('已成团');
    expect(cardOf('五常大米').textContent).toContain('2 人已成团');
    expect(cardOf('普洱茶饼').textContent).toContain('未成团');
    expect(cardOf('普洱茶饼').textContent).toContain('到 12月7日 09:00 未凑齐，已付款的成员自动全额退款');
  });

  it('filters by status: each tab asks for its groups', async () => {
    render(<OwnerGroupsPage />);
    await screen.findByText('云南古树红茶');
    groups.mockResolvedValueOnce({ ok: true, data: { items: [failed], nextCursor: null } });
    fireEvent.click(screen.getByRole('tab', { name: '未成团' }));
    await waitFor(() => expect(groups).toHaveBeenLastCalledWith({ limit: 20, status: 'failed' }));
    expect(await screen.findByText('普洱茶饼')).toBeTruthy();
    expect(screen.queryByText('云南古树红茶')).toBeNull();
    expect(screen.getByRole('tab', { name: '未成团' }).getAttribute('aria-selected')).toBe('true');

    groups.mockResolvedValueOnce({ ok: true, data: { items: [], nextCursor: null } });
    fireEvent.click(screen.getByRole('tab', { name: '拼团中' }));
    await waitFor(() => expect(groups).toHaveBeenLastCalledWith({ limit: 20, status: 'forming' }));
    expect(await screen.findByText('没有正在拼的团')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '全部' }));
    await waitFor(() => expect(groups).toHaveBeenLastCalledWith({ limit: 20 }));
  });

  it('opened from an activity, shows its groups only, in the status asked, until 看全部活动', async () => {
    taroPage.params = { groupBuyId: 'gb1', status: 'succeeded' };
    render(<OwnerGroupsPage />);
    await screen.findByText('云南古树红茶');
    expect(groups).toHaveBeenCalledWith({ limit: 20, groupBuyId: 'gb1', status: 'succeeded' });
    expect(screen.getByRole('tab', { name: '已成团' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByText('看全部活动'));
    await waitFor(() => expect(groups).toHaveBeenLastCalledWith({ limit: 20, status: 'succeeded' }));
    expect(screen.queryByText('只看这个拼团活动的团')).toBeNull();
  });

  it('an unknown status in the link is no filter', async () => {
    taroPage.params = { status: 'everything' };
    render(<OwnerGroupsPage />);
    await screen.findByText('云南古树红茶');
    expect(groups).toHaveBeenCalledWith({ limit: 20 });
  });

  it('says when there is none; a failed load offers 重新加载; a non-owner is told', async () => {
    groups.mockResolvedValueOnce({ ok: true, data: { items: [], nextCursor: null } });
    const first = render(<OwnerGroupsPage />);
    expect(await screen.findByText('还没有人开团')).toBeTruthy();
    first.unmount();

    groups.mockResolvedValueOnce({ ok: false, error: { code: 'system.busy', message: '系统繁忙，请重试' } });
    const second = render(<OwnerGroupsPage />);
    expect(await screen.findByText('系统繁忙，请重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
    second.unmount();

    groups.mockResolvedValue({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerGroupsPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });
});
