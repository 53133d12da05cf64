import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import type { SharerRank } from '../../../cloudfunctions/contracts/commission';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import OwnerSharersPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/commission', () => ({ commissionApi: { sharers: jest.fn() } }));

const Taro = mockedTaro();
const sharers = commissionApi.sharers as jest.MockedFunction<typeof commissionApi.sharers>;
const page = (items: SharerRank[], nextCursor: string | null = null) => ({
  ok: true as const,
  data: { items, nextCursor },
});
const alice: SharerRank = {
  nickname: '爱丽丝',
  shareCode: 'ALICE2',
  orders: 12,
  buyers: 9,
  gmvFen: 1234500,
  commissionFen: 61725,
};
const bob: SharerRank = {
  nickname: '小波',
  shareCode: 'BOB234',
  orders: 3,
  buyers: 3,
  gmvFen: 30780,
  commissionFen: 1539,
};

/** The row of a sharer, found by nickname, to read its figures without mixing them up with another row's. */
const row = (nickname: string) => screen.getByText(nickname).closest('.owner-sharer') as HTMLElement;

beforeEach(() => {
  resetTaroMock();
  sharers.mockReset();
});

describe('owner sharers', () => {
  it('ranks sharers in the order given, each with code, paid amount, orders, buyers and commission', async () => {
    sharers.mockResolvedValueOnce(page([alice, bob]));
    render(<OwnerSharersPage />);
    expect(await screen.findByText('爱丽丝')).toBeTruthy();
    expect(sharers).toHaveBeenCalledWith({ limit: 20 });

    const first = within(row('爱丽丝'));
    expect(first.getByText('1')).toBeTruthy();
    expect(first.getByText('ALICE2')).toBeTruthy();
    expect(first.getByText('¥12,345.00')).toBeTruthy();
    expect(first.getByText('12')).toBeTruthy();
    expect(first.getByText('9')).toBeTruthy();
    expect(first.getByText('¥617.25')).toBeTruthy();
    expect(first.getByText('成交金额')).toBeTruthy();

    const second = within(row('小波'));
    expect(second.getByText('2')).toBeTruthy();
    expect(second.getByText('BOB234')).toBeTruthy();
    expect(second.getByText('¥307.80')).toBeTruthy();
    expect(second.getAllByText('3').length).toBe(2); // orders and buyers
    expect(second.getByText('¥15.39')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('continues the ranking on the next page, by cursor, at the bottom', async () => {
    sharers.mockResolvedValueOnce(page([alice], 'c1'));
    render(<OwnerSharersPage />);
    await screen.findByText('爱丽丝');
    expect(screen.queryByText('没有更多了')).toBeNull();

    sharers.mockResolvedValueOnce(page([bob]));
    act(() => taroPage.reachBottom!());
    expect(await screen.findByText('小波')).toBeTruthy();
    expect(sharers).toHaveBeenLastCalledWith({ cursor: 'c1', limit: 20 });
    expect(within(row('小波')).getByText('2')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('says when no share has sold yet', async () => {
    sharers.mockResolvedValueOnce(page([]));
    render(<OwnerSharersPage />);
    expect(await screen.findByText('还没有推广成交')).toBeTruthy();
    sharers.mockResolvedValueOnce(page([bob]));
    fireEvent.click(screen.getByText('刷新'));
    expect(await screen.findByText('小波')).toBeTruthy();
  });

  it('shows a failed load with 重新加载, and a failed refresh above the list it keeps', async () => {
    sharers.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<OwnerSharersPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    sharers.mockResolvedValueOnce(page([alice]));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('爱丽丝')).toBeTruthy();

    sharers.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    act(() => taroPage.pullDown!());
    expect(await screen.findByText('刷新失败：网络异常，请稍后重试')).toBeTruthy();
    expect(screen.getByText('爱丽丝')).toBeTruthy();
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1));
  });

  it('tells a non-owner that only the owner can see it', async () => {
    sharers.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerSharersPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
  });

  it('links to 提现审批 and 佣金设置', async () => {
    sharers.mockResolvedValueOnce(page([alice]));
    render(<OwnerSharersPage />);
    fireEvent.click(await screen.findByText('提现审批 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/withdrawals/index' });
    fireEvent.click(screen.getByText('佣金设置 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/owner/rates/index' });
  });
});
