import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import type { OwnerWithdrawal } from '../../../cloudfunctions/contracts/commission';
import { deferred } from '../../test-utils/deferred';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { typeInto } from '../shared/test-fields';
import OwnerWithdrawalsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/commission', () => ({ commissionApi: { withdrawals: jest.fn(), decideWithdrawal: jest.fn() } }));

const Taro = mockedTaro();
const withdrawals = commissionApi.withdrawals as jest.MockedFunction<typeof commissionApi.withdrawals>;
const decide = commissionApi.decideWithdrawal as jest.MockedFunction<typeof commissionApi.decideWithdrawal>;
type DecideResult = Awaited<ReturnType<typeof commissionApi.decideWithdrawal>>;

const page = (items: OwnerWithdrawal[], nextCursor: string | null = null) => ({
  ok: true as const,
  data: { items, nextCursor },
});
const aliceAsks: OwnerWithdrawal = {
  id: 'W20261123A001',
  amountFen: 5000,
  status: 'open',
  requestedAt: '2026-11-23T06:05:00.000Z',
  sharer: { nickname: '爱丽丝', shareCode: 'ALICE2' },
};
const bobAsks: OwnerWithdrawal = {
  ...aliceAsks,
  id: 'W20261123B002',
  amountFen: 12345,
  sharer: { nickname: '小波', shareCode: 'BOB234' },
};
const REASON_FIELD = '请说明原因，推广员会看到';

/** A request's card, found by the sharer's nickname. */
const card = (nickname: string) => within(screen.getByText(nickname).closest('.owner-withdrawal') as HTMLElement);

async function openDesk(items: OwnerWithdrawal[] = [aliceAsks, bobAsks]) {
  withdrawals.mockResolvedValueOnce(page(items));
  render(<OwnerWithdrawalsPage />);
  await screen.findByText(items[0].sharer.nickname);
}

beforeEach(() => {
  resetTaroMock();
  withdrawals.mockReset();
  decide.mockReset();
});

describe('owner withdrawals', () => {
  it('opens on 待处理 with each request: who, code, amount, when, status and its two actions', async () => {
    await openDesk();
    expect(withdrawals).toHaveBeenCalledWith({ view: 'open', limit: 20 });
    const alice = card('爱丽丝');
    expect(alice.getByText('ALICE2')).toBeTruthy();
    expect(alice.getByText('¥50.00')).toBeTruthy();
    expect(alice.getByText(/^申请时间 11月23日 \d\d:05$/)).toBeTruthy();
    expect(alice.getByText('待处理')).toBeTruthy();
    expect(alice.getByText('同意')).toBeTruthy();
    expect(alice.getByText('拒绝')).toBeTruthy();
    expect(card('小波').getByText('¥123.45')).toBeTruthy();
  });

  it('全部 lists decided requests with their status and reason, and no actions on them', async () => {
    await openDesk();
    withdrawals.mockResolvedValueOnce(
      page([
        { ...aliceAsks, status: 'approved', decidedAt: '2026-11-24T02:00:00.000Z' },
        { ...bobAsks, status: 'rejected', decidedAt: '2026-11-24T03:00:00.000Z', reason: '订单仍在售后期内' },
      ]),
    );
    fireEvent.click(screen.getByText('全部'));
    expect(await screen.findByText('已打款')).toBeTruthy();
    expect(withdrawals).toHaveBeenLastCalledWith({ view: 'all', limit: 20 });
    expect(card('爱丽丝').getByText(/^处理时间 11月24日/)).toBeTruthy();
    expect(card('小波').getByText('已拒绝')).toBeTruthy();
    expect(card('小波').getByText('拒绝原因：订单仍在售后期内')).toBeTruthy();
    expect(screen.queryByText('同意')).toBeNull();
    expect(screen.queryByText('拒绝')).toBeNull();
  });

  it('同意 asks the owner to confirm the transfer, then records it and updates the row', async () => {
    await openDesk();
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await act(async () => void fireEvent.click(card('爱丽丝').getByText('同意')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '确认已向 TA 转账 ¥50.00？同意后记为已提现' }),
    );
    expect(decide).not.toHaveBeenCalled();

    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    decide.mockResolvedValueOnce({
      ok: true,
      data: { withdrawal: { ...aliceAsks, status: 'approved', decidedAt: '2026-11-24T02:00:00.000Z' } },
    });
    await act(async () => void fireEvent.click(card('爱丽丝').getByText('同意')));
    expect(decide).toHaveBeenCalledWith({ withdrawalId: 'W20261123A001', approve: true });
    expect(card('爱丽丝').getByText('已打款')).toBeTruthy();
    expect(card('爱丽丝').queryByText('同意')).toBeNull();
    expect(card('小波').getByText('同意')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已记为已提现', icon: 'success' });
    expect(withdrawals).toHaveBeenCalledTimes(1);
  });

  it('拒绝 needs a reason of 2-100 characters and sends it trimmed', async () => {
    await openDesk();
    fireEvent.click(card('小波').getByText('拒绝'));
    expect(screen.getByText('小波 申请提现 ¥123.45，拒绝后金额退回 TA 的可提现余额。')).toBeTruthy();
    fireEvent.click(screen.getByText('确认拒绝'));
    expect(screen.getByText('请填写拒绝原因（2-100 个字）')).toBeTruthy();
    await typeInto(REASON_FIELD, ' 好 ');
    fireEvent.click(screen.getByText('确认拒绝'));
    expect(screen.getByText('请填写拒绝原因（2-100 个字）')).toBeTruthy();
    expect(decide).not.toHaveBeenCalled();

    await typeInto(REASON_FIELD, '  订单仍在售后期内，结算后再申请 ');
    decide.mockResolvedValueOnce({
      ok: true,
      data: {
        withdrawal: {
          ...bobAsks,
          status: 'rejected',
          decidedAt: '2026-11-24T03:00:00.000Z',
          reason: '订单仍在售后期内，结算后再申请',
        },
      },
    });
    await act(async () => void fireEvent.click(screen.getByText('确认拒绝')));
    expect(decide).toHaveBeenCalledWith({
      withdrawalId: 'W20261123B002',
      approve: false,
      reason: '订单仍在售后期内，结算后再申请',
    });
    expect(screen.queryByText('确认拒绝')).toBeNull();
    expect(card('小波').getByText('已拒绝')).toBeTruthy();
    expect(card('小波').getByText('拒绝原因：订单仍在售后期内，结算后再申请')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已拒绝', icon: 'success' });
  });

  it('a failed refusal keeps the sheet and what was typed; a request already decided reloads the list', async () => {
    await openDesk();
    fireEvent.click(card('小波').getByText('拒绝'));
    await typeInto(REASON_FIELD, '金额不对');
    decide.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    await act(async () => void fireEvent.click(screen.getByText('确认拒绝')));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络异常，请稍后重试', icon: 'none' });
    expect(screen.getByText('确认拒绝')).toBeTruthy();
    expect(screen.getByText('4/100')).toBeTruthy();
    expect(withdrawals).toHaveBeenCalledTimes(1);

    decide.mockResolvedValueOnce({
      ok: false,
      error: { code: 'withdraw.already_decided', message: '该提现申请已处理' },
    });
    withdrawals.mockResolvedValueOnce(page([aliceAsks]));
    await act(async () => void fireEvent.click(screen.getByText('确认拒绝')));
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '该提现申请已处理', icon: 'none' });
    expect(screen.queryByText('确认拒绝')).toBeNull();
    await waitFor(() => expect(screen.queryByText('小波')).toBeNull());
    expect(withdrawals).toHaveBeenCalledTimes(2);
  });

  it('a request that no longer exists says so and reloads the list', async () => {
    await openDesk();
    decide.mockResolvedValueOnce({ ok: false, error: { code: 'withdraw.not_found', message: '提现申请不存在' } });
    withdrawals.mockResolvedValueOnce(page([bobAsks]));
    await act(async () => void fireEvent.click(card('爱丽丝').getByText('同意')));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '提现申请不存在', icon: 'none' });
    await waitFor(() => expect(screen.queryByText('爱丽丝')).toBeNull());
    expect(withdrawals).toHaveBeenCalledTimes(2);
  });

  it('decides one request at a time', async () => {
    await openDesk();
    const answer = deferred<DecideResult>();
    decide.mockImplementationOnce(() => answer.promise);
    await act(async () => void fireEvent.click(card('爱丽丝').getByText('同意')));
    expect(card('爱丽丝').getByText('处理中…')).toBeTruthy();
    await act(async () => void fireEvent.click(card('小波').getByText('同意')));
    await act(async () => void fireEvent.click(card('小波').getByText('拒绝')));
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('确认拒绝')).toBeNull();
    expect(decide).toHaveBeenCalledTimes(1);

    await act(async () =>
      answer.resolve({
        ok: true,
        data: { withdrawal: { ...aliceAsks, status: 'approved', decidedAt: '2026-11-24T02:00:00.000Z' } },
      }),
    );
    expect(card('爱丽丝').getByText('已打款')).toBeTruthy();
    fireEvent.click(card('小波').getByText('拒绝'));
    expect(screen.getByText('确认拒绝')).toBeTruthy();
  });

  it('says when nothing waits, and loads the next page at the bottom', async () => {
    withdrawals.mockResolvedValueOnce(page([]));
    render(<OwnerWithdrawalsPage />);
    expect(await screen.findByText('没有待处理的提现申请')).toBeTruthy();

    withdrawals.mockResolvedValueOnce(page([aliceAsks], 'c1'));
    fireEvent.click(screen.getByText('全部'));
    await screen.findByText('爱丽丝');
    withdrawals.mockResolvedValueOnce(page([bobAsks]));
    act(() => taroPage.reachBottom!());
    expect(await screen.findByText('小波')).toBeTruthy();
    expect(withdrawals).toHaveBeenLastCalledWith({ view: 'all', cursor: 'c1', limit: 20 });
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('shows a failed load with 重新加载, and tells a non-owner only the owner can see it', async () => {
    withdrawals.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    const { unmount } = render(<OwnerWithdrawalsPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    withdrawals.mockResolvedValueOnce(page([aliceAsks]));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('爱丽丝')).toBeTruthy();
    unmount();

    withdrawals.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerWithdrawalsPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
    expect(screen.queryByText('待处理')).toBeNull();
  });
});
