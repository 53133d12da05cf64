import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { pointsApi } from '../../api/points';
import type { PointsBalance, PointsEntry } from '../../../cloudfunctions/contracts/points';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import PointsLedgerPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/points', () => ({ pointsApi: { balance: jest.fn(), ledger: jest.fn() } }));

const Taro = mockedTaro();
const api = pointsApi as jest.Mocked<typeof pointsApi>;
const ok = <T,>(data: T) => ({ ok: true as const, data });
const failed = { ok: false as const, error: { code: 'network' as const, message: '网络异常，请稍后重试' } };
// Built from local fields so the shown day holds in any time zone; this year, so no year is shown.
const year = new Date().getFullYear();
const day = (mo: number, d: number, y = year) => new Date(y, mo - 1, d, 12, 0).toISOString();

const balance = (over: Partial<PointsBalance> = {}): PointsBalance => ({
  isMember: true,
  available: 1280,
  pending: 35,
  expiringSoon: 0,
  nextExpiry: null,
  rules: { pointsEarnPerYuan: 1, pointsPerYuan: 100, pointsCapBp: 5000, welcomePoints: 100, pointsExpiryDays: 365 },
  ...over,
});
const entry = (id: string, over: Partial<PointsEntry>): PointsEntry => ({
  id,
  kind: 'welcome',
  available: 0,
  pending: 0,
  at: day(1, 5),
  ...over,
});
const entries = [
  entry('e4', { kind: 'spend', available: -100, orderId: 'YJ7K3M9Q2W4E6R8T1Y', at: day(1, 9) }),
  entry('e3', { kind: 'earn', pending: 35, orderId: 'YJ0000000000000001', at: day(1, 8) }),
  entry('e2', { kind: 'welcome', available: 100, at: day(1, 7) }),
];
const rows = () => Array.from(document.querySelectorAll('.points-entry')).map((el) => el.textContent);

beforeEach(() => {
  resetTaroMock();
  api.balance.mockReset().mockResolvedValue(ok(balance()));
  api.ledger.mockReset().mockResolvedValue(ok({ items: entries, nextCursor: null }));
});

async function openLedger() {
  render(<PointsLedgerPage />);
  await screen.findByText('1280');
  await screen.findByText('下单抵扣');
}

describe('积分明细', () => {
  it('shows the balance, and each entry with its reason, date, signed amount and pending bucket', async () => {
    await openLedger();
    expect(screen.getByText('待到账 35')).toBeTruthy();
    expect(api.ledger).toHaveBeenCalledWith({ limit: 20 });
    expect(rows()).toEqual([
      '下单抵扣1月9日 12:00查看订单 ›-100',
      '购物得积分1月8日 12:00查看订单 ›+35待到账',
      '开卡礼1月7日 12:00+100',
    ]);
    // The rules, stated without figures the owner may change.
    expect(
      screen.getByText('· 下单时 100 积分抵 ¥1，最多抵商品金额的 50%，本单能抵多少以结算页显示为准。'),
    ).toBeTruthy();
  });

  it('opens the order an entry belongs to', async () => {
    await openLedger();
    fireEvent.click(screen.getAllByText('查看订单 ›')[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/order/index?id=YJ7K3M9Q2W4E6R8T1Y' });
  });

  it('names the year of an entry from another year', async () => {
    api.ledger.mockResolvedValueOnce(
      ok({ items: [entry('e1', { kind: 'expire', available: -20, at: day(12, 30, year - 1) })], nextCursor: null }),
    );
    render(<PointsLedgerPage />);
    expect(await screen.findByText(`${year - 1}年12月30日 12:00`)).toBeTruthy();
    expect(rows()).toEqual([`积分过期${year - 1}年12月30日 12:00-20`]);
  });

  it('warns of points that expire soon', async () => {
    api.balance.mockResolvedValueOnce(ok(balance({ expiringSoon: 100, nextExpiry: { points: 100, at: day(12, 8) } })));
    await openLedger();
    expect(screen.getByText('100 积分将于 12月8日 过期')).toBeTruthy();
  });

  it('loads more entries at the bottom of the page, by cursor', async () => {
    api.ledger.mockResolvedValueOnce(ok({ items: entries.slice(0, 2), nextCursor: 'c1' }));
    render(<PointsLedgerPage />);
    await screen.findByText('购物得积分');
    expect(screen.queryByText('开卡礼')).toBeNull();
    api.ledger.mockResolvedValueOnce(ok({ items: entries.slice(2), nextCursor: null }));
    await act(async () => taroPage.reachBottom!());
    expect(api.ledger).toHaveBeenLastCalledWith({ cursor: 'c1', limit: 20 });
    expect(await screen.findByText('开卡礼')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('pulling down reads the balance and the ledger again', async () => {
    await openLedger();
    api.balance.mockResolvedValueOnce(ok(balance({ available: 1180 })));
    api.ledger.mockResolvedValueOnce(
      ok({
        items: [
          entry('e5', { kind: 'return', available: 100, orderId: 'YJ7K3M9Q2W4E6R8T1Y', at: day(1, 10) }),
          ...entries,
        ],
        nextCursor: null,
      }),
    );
    await act(async () => taroPage.pullDown!());
    expect(await screen.findByText('1180')).toBeTruthy();
    expect(screen.getByText('订单取消/退款，积分退还')).toBeTruthy();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('says so when there are no entries yet', async () => {
    api.ledger.mockResolvedValueOnce(ok({ items: [], nextCursor: null }));
    render(<PointsLedgerPage />);
    expect(await screen.findByText('还没有积分记录：购物完成后，得到的积分会记在这里')).toBeTruthy();
  });

  it('a failed ledger retries on tap', async () => {
    api.ledger.mockResolvedValueOnce(failed);
    render(<PointsLedgerPage />);
    const retry = await screen.findByText('网络异常，请稍后重试，点击重试');
    fireEvent.click(retry);
    expect(await screen.findByText('下单抵扣')).toBeTruthy();
    expect(api.ledger).toHaveBeenCalledTimes(2);
  });

  it('a failed balance shows an error with 重新加载', async () => {
    api.balance.mockResolvedValueOnce(failed);
    render(<PointsLedgerPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('1280')).toBeTruthy();
  });

  it('a failed refresh keeps what is on screen and says so', async () => {
    await openLedger();
    api.balance.mockResolvedValueOnce(failed);
    await act(async () => taroPage.pullDown!());
    expect(await screen.findByText('刷新失败：网络异常，请稍后重试')).toBeTruthy();
    expect(screen.getByText('1280')).toBeTruthy();
  });

  it('sends someone who is not a member to 开卡', async () => {
    api.balance.mockResolvedValueOnce(ok(balance({ isMember: false, available: 0, pending: 0 })));
    render(<PointsLedgerPage />);
    fireEvent.click(await screen.findByText('去开卡'));
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }));
  });
});
