import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import type { CommissionLine, MyStats, Withdrawal } from '../../../cloudfunctions/contracts/commission';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import SharerCenterPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/commission', () => ({
  commissionApi: {
    myStats: jest.fn(),
    myCommissions: jest.fn(),
    myWithdrawals: jest.fn(),
    withdraw: jest.fn(),
    suggestions: jest.fn(),
  },
}));

const Taro = mockedTaro();
const api = commissionApi as jest.Mocked<typeof commissionApi>;
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;
// Built from local fields so the shown day holds in any time zone.
const day = (mo: number, d: number) => new Date(2026, mo - 1, d, 12, 0).toISOString();

const stats = (extra: Partial<MyStats> = {}): MyStats => ({
  friends: { released: 0, muted: 0 },
  visits: 37,
  visitors: 21,
  orders: 4,
  gmvFen: 45600,
  commission: { pendingFen: 1230, settledFen: 4560, withdrawnFen: 700, reversedFen: 310 },
  availableFen: 3860,
  openWithdrawal: null,
  rows: [
    {
      productId: 'p1',
      title: '云南古树红茶',
      channel: 'chat',
      visits: 30,
      visitors: 18,
      orders: 3,
      gmvFen: 38700,
      pendingFen: 1110,
      settledFen: 2220,
      reversedFen: 0,
      chatSplit: { group: 12, single: 18, groups: 3 },
    },
    {
      productId: 'p2',
      title: '宁夏枸杞',
      channel: 'poster',
      visits: 7,
      visitors: 3,
      orders: 1,
      gmvFen: 6900,
      pendingFen: 120,
      settledFen: 0,
      reversedFen: 310,
    },
  ],
  ...extra,
});

const line = (id: string, extra: Partial<CommissionLine>): CommissionLine => ({
  id,
  orderId: `o-${id}`,
  productId: 'p1',
  title: '云南古树红茶',
  spec: '200g 罐装',
  channel: 'chat',
  baseFen: 12900,
  rateBp: 500,
  amountFen: 645,
  reversedFen: 0,
  status: 'pending',
  createdAt: day(11, 20),
  settlesAt: null,
  ...extra,
});

const lines = [
  line('c1', { settlesAt: day(12, 8) }),
  line('c2', { title: '宁夏枸杞', spec: '500g', channel: 'poster', amountFen: 345, settlesAt: null }),
  line('c3', { status: 'settled', amountFen: 888, reversedFen: 222, settledAt: day(11, 30) }),
  line('c4', { status: 'reversed', amountFen: 310, reversedFen: 310, reversedAt: day(11, 28) }),
];

const withdrawals: Withdrawal[] = [
  {
    id: 'W0002',
    amountFen: 500,
    status: 'rejected',
    requestedAt: day(11, 26),
    decidedAt: day(11, 27),
    reason: '信息有误',
  },
  { id: 'W0001', amountFen: 700, status: 'approved', requestedAt: day(11, 10), decidedAt: day(11, 11) },
];

const ok = <T,>(data: T) => ({ ok: true as const, data });

beforeEach(() => {
  resetTaroMock();
  api.myStats.mockReset().mockResolvedValue(ok(stats()));
  api.myCommissions.mockReset().mockResolvedValue(ok({ items: lines, nextCursor: null }));
  api.myWithdrawals.mockReset().mockResolvedValue(ok({ items: withdrawals, nextCursor: null }));
  api.withdraw.mockReset();
  api.suggestions.mockReset().mockResolvedValue(ok({ items: [] }));
});

async function openCenter() {
  render(<SharerCenterPage />);
  await screen.findByText('¥38.60');
  await screen.findByText('预计 12月8日 结算');
}

/** Types into a Taro Input the way its web component reports typing: an `input` event carrying `detail.value`. */
function typeAmount(value: string) {
  const host = screen.getAllByPlaceholderText('请输入提现金额')[0].closest('taro-input-core')!;
  act(() => {
    host.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

describe('推广中心', () => {
  it('shows what can be withdrawn, commission by state, and the totals of my shares', async () => {
    await openCenter();
    for (const [label, value] of [
      ['待结算', '¥12.30'],
      ['已结算', '¥45.60'],
      ['已提现', '¥7.00'],
      ['已退回', '¥3.10'],
      ['访问', '37'],
      ['访客', '21'],
      ['成交订单', '4'],
      ['成交金额', '¥456.00'],
    ]) {
      const figure = screen
        .getAllByText(label)
        .map((el) => el.closest('.share-center__figure'))
        .find(Boolean)!;
      expect(figure.textContent).toBe(`${value}${label}`);
    }
    expect(api.myWithdrawals).toHaveBeenCalledWith({ limit: 5 });
    expect(api.myCommissions).toHaveBeenCalledWith({ limit: 10 });
  });

  it('says how many friends released or muted me, never who, and why it matters', async () => {
    api.myStats.mockReset().mockResolvedValue(ok(stats({ friends: { released: 3, muted: 1 } })));
    await openCenter();
    const card = screen.getByLabelText('好友的选择');
    expect(card.textContent).toContain('3 位好友解除了绑定 · 1 位好友不再看你的推荐');
    expect(card.textContent).toContain('分享要赢得信任，而不是透支关系');
  });

  it('shows the funnel per product and channel, commission counting pending and settled', async () => {
    await openCenter();
    const tea = screen.getByLabelText('云南古树红茶 微信聊天');
    expect(tea.textContent).toBe(
      '云南古树红茶微信聊天30访问→18访客→3成交→¥387.00成交额→¥33.30佣金群聊 12 次（3 个群） · 单聊 18 次',
    );
    const goji = screen.getByLabelText('宁夏枸杞 海报');
    expect(goji.textContent).toContain('¥1.20佣金');
  });

  it('lists commission lines with their state and when they settle', async () => {
    await openCenter();
    const rows = Array.from(document.querySelectorAll('.commission')).map((el) => el.textContent);
    expect(rows).toEqual([
      '云南古树红茶200g 罐装 · 微信聊天预计 12月8日 结算¥6.45待结算',
      '宁夏枸杞500g · 海报订单完成且售后期结束后结算¥3.45待结算',
      '云南古树红茶200g 罐装 · 微信聊天已于 11月30日 结算¥8.88已结算已退回 ¥2.22',
      '云南古树红茶200g 罐装 · 微信聊天11月28日 因退款退回¥3.10已退回',
    ]);
  });

  it('lists my latest withdrawals with their outcome', async () => {
    await openCenter();
    const rows = Array.from(document.querySelectorAll('.withdrawal')).map((el) => el.textContent);
    expect(rows[0]).toMatch(/^¥5\.00申请于 11月26日 12:00原因：信息有误未通过$/);
    expect(rows[1]).toMatch(/^¥7\.00申请于 11月10日 12:00已通过$/);
  });

  it('loads more lines at the bottom of the page', async () => {
    api.myCommissions.mockResolvedValueOnce(ok({ items: lines.slice(0, 2), nextCursor: 'n1' }));
    render(<SharerCenterPage />);
    await screen.findByText('预计 12月8日 结算');
    api.myCommissions.mockResolvedValueOnce(ok({ items: lines.slice(2), nextCursor: null }));
    await act(async () => taroPage.reachBottom!());
    expect(api.myCommissions).toHaveBeenLastCalledWith({ cursor: 'n1', limit: 10 });
    expect(await screen.findByText('已于 11月30日 结算')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('pulling down reads everything again', async () => {
    await openCenter();
    api.myStats.mockResolvedValueOnce(ok(stats({ availableFen: 9990 })));
    await act(async () => taroPage.pullDown!());
    expect(await screen.findByText('¥99.90')).toBeTruthy();
    expect(api.myStats).toHaveBeenCalledTimes(2);
    expect(api.myWithdrawals).toHaveBeenCalledTimes(2);
    expect(api.myCommissions).toHaveBeenCalledTimes(2);
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('opens the one-level rules', async () => {
    await openCenter();
    fireEvent.click(screen.getByText('单级分佣说明 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/share/rules/index' });
  });

  it('says how to start when nothing has been shared yet', async () => {
    const none = { pendingFen: 0, settledFen: 0, withdrawnFen: 0, reversedFen: 0 };
    api.myStats.mockResolvedValueOnce(
      ok(stats({ visits: 0, visitors: 0, orders: 0, gmvFen: 0, commission: none, availableFen: 0, rows: [] })),
    );
    api.myCommissions.mockResolvedValueOnce(ok({ items: [], nextCursor: null }));
    render(<SharerCenterPage />);
    expect(await screen.findByText('还没有推广数据：在商品页点「分享」发给朋友')).toBeTruthy();
    expect(screen.queryByText('申请提现')).toBeNull();
    fireEvent.click(screen.getByText('去逛逛'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
    fireEvent.click(screen.getByText('单级分佣说明 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/share/rules/index' });
  });

  it('shows an error with a retry', async () => {
    api.myStats.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<SharerCenterPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('¥38.60')).toBeTruthy();
  });
});

describe('推广中心: 申请提现', () => {
  it('checks the amount before asking to confirm', async () => {
    await openCenter();
    fireEvent.click(screen.getByText('申请提现'));
    fireEvent.click(screen.getByText('提交申请'));
    expect(screen.getByText('请输入提现金额')).toBeTruthy();
    typeAmount('0.99');
    fireEvent.click(screen.getByText('提交申请'));
    expect(screen.getByText('单次至少提现 ¥1.00')).toBeTruthy();
    typeAmount('1.234');
    fireEvent.click(screen.getByText('提交申请'));
    expect(screen.getByText('请输入正确的金额，最多两位小数')).toBeTruthy();
    typeAmount('38.61');
    fireEvent.click(screen.getByText('提交申请'));
    expect(screen.getByText('最多可提现 ¥38.60')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(api.withdraw).not.toHaveBeenCalled();
  });

  it('confirms, sends the amount in fen, and shows the request as under review', async () => {
    await openCenter();
    fireEvent.click(screen.getByText('申请提现'));
    typeAmount('12.5');
    const open = { id: 'W0003', amountFen: 1250, status: 'open' as const, requestedAt: day(12, 1) };
    api.withdraw.mockResolvedValueOnce(ok({ withdrawal: open }));
    api.myStats.mockResolvedValueOnce(ok(stats({ availableFen: 2610, openWithdrawal: open })));
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认提现 ¥12.50？' }));
    expect(api.withdraw).toHaveBeenCalledWith({ amountFen: 1250 });
    expect(lastToast()).toBe('提现申请已提交');
    expect(await screen.findByText('提现申请处理中 ¥12.50')).toBeTruthy();
    expect(screen.queryByText('提交申请')).toBeNull();
    // Under review: the button stays shut.
    const button = screen.getByText('申请提现');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(screen.queryByText('提交申请')).toBeNull();
  });

  it('全部 fills in everything available', async () => {
    await openCenter();
    fireEvent.click(screen.getByText('申请提现'));
    fireEvent.click(screen.getByText('全部'));
    api.withdraw.mockResolvedValueOnce(
      ok({ withdrawal: { id: 'W0003', amountFen: 3860, status: 'open', requestedAt: day(12, 1) } }),
    );
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(api.withdraw).toHaveBeenCalledWith({ amountFen: 3860 });
  });

  it('sends nothing when I change my mind at the confirmation', async () => {
    await openCenter();
    fireEvent.click(screen.getByText('申请提现'));
    typeAmount('5');
    taroPage.confirm = false;
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(api.withdraw).not.toHaveBeenCalled();
    expect(screen.getByText('提交申请')).toBeTruthy();
  });

  it('shows why the server refused, keeping the sheet open', async () => {
    await openCenter();
    fireEvent.click(screen.getByText('申请提现'));
    typeAmount('5');
    api.withdraw.mockResolvedValueOnce({
      ok: false,
      error: { code: 'withdraw.open_exists', message: '已有一笔提现正在处理，请等店主处理后再申请' },
    });
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(await screen.findByText('已有一笔提现正在处理，请等店主处理后再申请')).toBeTruthy();
    expect(screen.getByText('提交申请')).toBeTruthy();
    // The totals are read again: they moved under me.
    await waitFor(() => expect(api.myStats).toHaveBeenCalledTimes(2));
  });

  it('keeps the button shut below ¥1 and says why', async () => {
    api.myStats.mockResolvedValueOnce(ok(stats({ availableFen: 99 })));
    render(<SharerCenterPage />);
    expect(await screen.findByText('满 ¥1.00 可申请提现')).toBeTruthy();
    fireEvent.click(screen.getByText('申请提现'));
    expect(screen.queryByText('提交申请')).toBeNull();
  });
});

describe('推荐分享', () => {
  const suggestion = (productId: string, title: string, bought: number, reviewed: boolean) => ({
    productId,
    title,
    image: '/img.png',
    priceFen: 6800,
    bought,
    reviewed,
  });

  it('lists what the sharer used first, says so, and opens the product to share it', async () => {
    api.suggestions.mockResolvedValue(
      ok({
        items: [
          suggestion('cup', '青花茶杯', 1, true),
          suggestion('honey', '土蜂蜜', 2, false),
          suggestion('rice', '五常大米', 0, false),
        ],
      }),
    );
    await openCenter();
    await screen.findByText('推荐分享');
    expect(screen.getByText('你买过 1 次 · 已评价')).toBeTruthy();
    expect(screen.getByText('你买过 2 次')).toBeTruthy();
    expect(screen.getAllByText(/^你买过/)).toHaveLength(2);
    fireEvent.click(screen.getByText('五常大米'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=rice' });
  });

  it('opens 一键发圈 of a suggested product, not its product page', async () => {
    api.suggestions.mockResolvedValue(ok({ items: [suggestion('honey', '土蜂蜜', 2, false)] }));
    await openCenter();
    await screen.findByText('推荐分享');
    Taro.navigateTo.mockClear();
    fireEvent.click(screen.getByText('一键发圈'));
    expect(Taro.navigateTo.mock.calls).toEqual([[{ url: '/share/moments/index?id=honey' }]]);
  });

  it('shows on an empty center too, and not at all when there is nothing to suggest', async () => {
    const empty = stats({
      visits: 0,
      visitors: 0,
      orders: 0,
      gmvFen: 0,
      rows: [],
      availableFen: 0,
      commission: { pendingFen: 0, settledFen: 0, withdrawnFen: 0, reversedFen: 0 },
    });
    api.myStats.mockResolvedValue(ok(empty));
    api.suggestions.mockResolvedValue(ok({ items: [suggestion('cup', '青花茶杯', 0, false)] }));
    const { unmount } = render(<SharerCenterPage />);
    await screen.findByText('推荐分享');
    unmount();
    api.suggestions.mockResolvedValue({
      ok: false as const,
      error: { code: 'network' as const, message: '网络异常，请稍后重试' },
    });
    render(<SharerCenterPage />);
    await screen.findByText('还没有推广数据：在商品页点「分享」发给朋友');
    await waitFor(() => expect(api.suggestions).toHaveBeenCalledTimes(2));
    expect(screen.queryByText('推荐分享')).toBeNull();
  });
});

describe('推广中心: 群聊 and 单聊', () => {
  it('splits a chat row’s visits into 群聊 (with its groups) and 单聊, and no other row', async () => {
    await openCenter();
    const split = screen.getByText('群聊 12 次（3 个群） · 单聊 18 次');
    expect(split.closest('.funnel__row')?.getAttribute('aria-label')).toBe('云南古树红茶 微信聊天');
    expect(screen.getAllByText(/群聊/)).toHaveLength(1);
  });
});

describe('推广中心: 好友看到的你', () => {
  const me = {
    nickname: 'alice',
    shareCode: 'ALC234',
    memberSince: new Date(2023, 4, 2, 10, 0).toISOString(),
    keptProducts: 6,
    reviews: 4,
  };

  it('shows the trust banner’s head and track record friends see, from myStats', async () => {
    api.myStats.mockResolvedValue(ok(stats({ asFriendsSee: { ...me, referredRefundRate: 4 } })));
    await openCenter();
    const card = screen.getByText('好友看到的你').closest('.share-center__card')!;
    expect(card.textContent).toContain('来自 alice 的推荐');
    expect(card.textContent).toContain('2023 年加入 · 买过 6 件 · 写过 4 条评价');
    expect(card.textContent).toContain('推荐的订单退款率 4%');
  });

  it('shows it to a new sharer too, without a rate the shop does not give', async () => {
    const empty = stats({ visits: 0, orders: 0, rows: [], availableFen: 0, asFriendsSee: { ...me, keptProducts: 0 } });
    empty.commission = { pendingFen: 0, settledFen: 0, withdrawnFen: 0, reversedFen: 0 };
    api.myStats.mockResolvedValue(ok(empty));
    render(<SharerCenterPage />);
    await screen.findByText('还没有推广数据：在商品页点「分享」发给朋友');
    const card = screen.getByText('好友看到的你').closest('.share-center__card')!;
    expect(card.textContent).toContain('2023 年加入 · 写过 4 条评价');
    expect(card.textContent).not.toContain('退款率');
  });

  it('shows no card when the server sends none', async () => {
    await openCenter();
    expect(screen.queryByText('好友看到的你')).toBeNull();
  });
});
