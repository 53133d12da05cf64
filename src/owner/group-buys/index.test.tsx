import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { campaignOwnerApi } from '../../api/campaign-owner';
import { localTime, makeOwnerGroupBuy } from '../../test-utils/campaigns-owner';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import OwnerGroupBuysPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/campaign-owner', () => ({
  campaignOwnerApi: { ownerGroupBuys: jest.fn(), stopGroupBuy: jest.fn() },
}));

const Taro = mockedTaro();
const list = campaignOwnerApi.ownerGroupBuys as jest.MockedFunction<typeof campaignOwnerApi.ownerGroupBuys>;
const stop = campaignOwnerApi.stopGroupBuy as jest.MockedFunction<typeof campaignOwnerApi.stopGroupBuy>;

const live = makeOwnerGroupBuy();
const ended = makeOwnerGroupBuy({
  id: 'gb2',
  title: '五常大米',
  skus: [{ skuId: 's3', spec: '5kg', priceFen: 4990, groupPriceFen: 2990 }],
  size: 2,
  hours: 12,
  startAt: localTime(2026, 11, 1, 9),
  endAt: localTime(2026, 11, 11, 23, 59),
  stockCap: 50,
  sold: 50,
  perMember: 1,
  status: 'ended',
  groups: { forming: 0, succeeded: 25, failed: 3 },
});
const upcoming = makeOwnerGroupBuy({ id: 'gb3', title: '普洱茶饼', status: 'upcoming', sold: 0 });
const stopped = makeOwnerGroupBuy({ id: 'gb4', title: '滇红', status: 'stopped' });

const cardOf = (title: string) => screen.getByText(title).closest('.campaigns__card')! as HTMLElement;
const countsOf = (title: string) =>
  Array.from(cardOf(title).querySelectorAll('.campaigns__count')).map((el) => el.textContent);
const stopOn = (title: string) => Array.from(cardOf(title).querySelectorAll('.campaigns__action'))[1] as HTMLElement;

beforeEach(() => {
  resetTaroMock();
  list.mockReset().mockResolvedValue({ ok: true, data: { items: [live, ended, upcoming, stopped], nextCursor: null } });
  stop.mockReset();
});

describe('the owner’s 拼团活动', () => {
  it('lists each activity with its size, group prices, window, status, sold of its cap and its groups', async () => {
    render(<OwnerGroupBuysPage />);
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
    expect(list).toHaveBeenCalledWith({ limit: 20 });
    const tea = cardOf('云南古树红茶');
    expect(tea.textContent).toContain('3人团 · 拼团价 ¥39.90–¥69.90');
    expect(tea.textContent).toContain('12月8日 10:00 至 12月10日 22:00');
    expect(tea.textContent).toContain('成团时限 24 小时 · 每人限购 2 件');
    expect(tea.textContent).toContain('进行中');
    expect(countsOf('云南古树红茶')).toEqual(['12/100已售/库存', '4已成团', '2拼团中', '1未成团']);
    const rice = cardOf('五常大米');
    expect(rice.textContent).toContain('2人团 · 拼团价 ¥29.90');
    expect(rice.textContent).toContain('11月1日 09:00 至 11月11日 23:59');
    expect(rice.textContent).toContain('已结束');
    expect(countsOf('五常大米')).toEqual(['50/50已售/库存', '25已成团', '0拼团中', '3未成团']);
    expect(cardOf('普洱茶饼').textContent).toContain('未开始');
    expect(cardOf('滇红').textContent).toContain('已停止');
    // Only an activity not yet begun or running can be stopped.
    expect(screen.getAllByText('停止')).toHaveLength(2);
    expect(rice.textContent).not.toContain('停止');
  });

  it('a tap opens the activity’s groups', async () => {
    render(<OwnerGroupBuysPage />);
    fireEvent.click(await screen.findByText('五常大米'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/groups/index?groupBuyId=gb2' });
    fireEvent.click(Array.from(cardOf('云南古树红茶').querySelectorAll('.campaigns__action'))[0]);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/groups/index?groupBuyId=gb1' });
  });

  it('停止 asks first, saying what happens to the groups forming; declined, nothing is stopped', async () => {
    taroPage.confirm = false;
    render(<OwnerGroupBuysPage />);
    await screen.findByText('云南古树红茶');
    fireEvent.click(stopOn('云南古树红茶'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '停止拼团',
          content:
            '停止后「云南古树红茶」不能再开团或参团，且不能恢复；正在拼的 2 个团进行到时限结束：' +
            '凑齐即成团，未凑齐的自动全额退款。',
        }),
      ),
    );
    expect(stop).not.toHaveBeenCalled();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('confirmed, stops the activity and shows it stopped with its figures kept', async () => {
    const { title: _t, groups: _g, ...answered } = { ...live, status: 'stopped' as const };
    stop.mockResolvedValueOnce({ ok: true, data: { groupBuy: answered } });
    render(<OwnerGroupBuysPage />);
    await screen.findByText('云南古树红茶');
    fireEvent.click(stopOn('云南古树红茶'));
    await waitFor(() => expect(stop).toHaveBeenCalledWith({ id: 'gb1' }));
    await waitFor(() => expect(cardOf('云南古树红茶').textContent).toContain('已停止'));
    expect(countsOf('云南古树红茶')).toEqual(['12/100已售/库存', '4已成团', '2拼团中', '1未成团']);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已停止', icon: 'success' });
    expect(screen.getAllByText('停止')).toHaveLength(1);
  });

  it('a refused stop is said and changes nothing', async () => {
    stop.mockResolvedValueOnce({ ok: false, error: { code: 'campaign.not_found', message: '活动不存在' } });
    render(<OwnerGroupBuysPage />);
    await screen.findByText('云南古树红茶');
    fireEvent.click(stopOn('云南古树红茶'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '活动不存在', icon: 'none' }));
    expect(cardOf('云南古树红茶').textContent).toContain('进行中');
  });

  it('opens 新建拼团, and reads the list again on coming back', async () => {
    render(<OwnerGroupBuysPage />);
    fireEvent.click(await screen.findByText('新建拼团'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/group-buy/index' });
    act(() => taroPage.didShow?.());
    act(() => taroPage.didShow?.());
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('says when there is none yet, and offers to create one', async () => {
    list.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
    render(<OwnerGroupBuysPage />);
    expect(await screen.findByText('还没有拼团活动')).toBeTruthy();
  });

  it('a failed load offers 重新加载', async () => {
    list.mockResolvedValueOnce({ ok: false, error: { code: 'system.busy', message: '系统繁忙，请重试' } });
    render(<OwnerGroupBuysPage />);
    expect(await screen.findByText('系统繁忙，请重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
  });

  it('tells a non-owner that only the owner can see it', async () => {
    list.mockResolvedValue({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerGroupBuysPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });
});
