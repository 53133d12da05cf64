import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import type { BindingHistoryItem } from '../../../cloudfunctions/contracts/commission';
import { useSession } from '../../stores/session';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import BindingsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/commission', () => ({ commissionApi: { bindingHistory: jest.fn(), releaseBinding: jest.fn() } }));

const Taro = mockedTaro();
const api = commissionApi as jest.Mocked<typeof commissionApi>;
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;
// Built from local fields so the shown day holds in any time zone.
const day = (mo: number, d: number) => new Date(2026, mo - 1, d, 12, 0).toISOString();

const item = (nickname: string, shareCode: string, extra: Partial<BindingHistoryItem>): BindingHistoryItem => ({
  sharer: { nickname, shareCode },
  channel: 'chat',
  since: day(11, 2),
  until: day(11, 17),
  ended: null,
  ...extra,
});
const current = item('carol', 'CAR234', { since: day(12, 1), until: day(12, 16), channel: 'moments' });
const past = [
  item('alice', 'ALC234', { since: day(11, 10), until: day(11, 25), ended: 'expired' }),
  item('alice', 'ALC234', { since: day(11, 2), until: day(11, 5), ended: 'released' }),
  item('dave', 'DAV234', { since: day(10, 1), until: day(10, 3), ended: 'muted', channel: 'poster' }),
];
const row = (label: string, n = 0) => screen.getAllByLabelText(label)[n];

beforeEach(() => {
  resetTaroMock();
  api.bindingHistory.mockReset();
  api.releaseBinding.mockReset();
});

describe('绑定记录', () => {
  it('lists the bindings newest first with their days and how each ended, in Chinese', async () => {
    api.bindingHistory.mockResolvedValue({ ok: true, data: { items: [current, ...past] } });
    render(<BindingsPage />);
    expect(await screen.findByText('carol（CAR234）')).toBeTruthy();
    expect(within(row('carol')).getByText('推荐中')).toBeTruthy();
    expect(within(row('carol')).getByText('2026年12月1日起，至 2026年12月16日')).toBeTruthy();
    expect(within(row('carol')).getByText('来自朋友圈')).toBeTruthy();
    expect(within(row('alice', 0)).getByText('已到期')).toBeTruthy();
    expect(within(row('alice', 0)).getByText('2026年11月10日 – 2026年11月25日')).toBeTruthy();
    expect(within(row('alice', 1)).getByText('已解除')).toBeTruthy();
    expect(within(row('dave')).getByText('已屏蔽')).toBeTruthy();
    // Only the current one can be released.
    expect(screen.getAllByText('解除绑定')).toHaveLength(1);
    expect(within(row('carol')).getByText('解除绑定')).toBeTruthy();
  });

  it('releases the current binding only after the confirmation, then reads the history again', async () => {
    useSession.setState({ binding: { sharerCode: 'CAR234', nickname: 'carol', until: day(12, 16) } });
    const released = { ...current, until: day(12, 3), ended: 'released' as const };
    api.bindingHistory
      .mockResolvedValueOnce({ ok: true, data: { items: [current, ...past] } })
      .mockResolvedValueOnce({ ok: true, data: { items: [released, ...past] } });
    api.releaseBinding.mockResolvedValue({ ok: true, data: { binding: null } });
    render(<BindingsPage />);
    await screen.findByText('carol（CAR234）');
    taroPage.confirm = false;
    fireEvent.click(screen.getByText('解除绑定'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(api.releaseBinding).not.toHaveBeenCalled();
    taroPage.confirm = true;
    fireEvent.click(screen.getByText('解除绑定'));
    await waitFor(() => expect(within(row('carol')).getByText('已解除')).toBeTruthy());
    expect(api.releaseBinding).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('解除绑定')).toBeNull();
    expect(useSession.getState().binding).toBeNull();
    expect(lastToast()).toBe('已解除绑定');
  });

  it('shows loading, then the error with a retry, and an empty history in words', async () => {
    api.bindingHistory
      .mockResolvedValueOnce({ ok: false, error: { code: 'internal', message: '网络开小差了' } })
      .mockResolvedValueOnce({ ok: true, data: { items: [] } });
    render(<BindingsPage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(await screen.findByText('网络开小差了')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText(/还没有绑定记录/)).toBeTruthy();
  });
});
