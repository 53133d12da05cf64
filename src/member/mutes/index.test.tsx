import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { commissionApi } from '../../api/commission';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import MutesPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/commission', () => ({ commissionApi: { mutes: jest.fn(), muteSharer: jest.fn() } }));

const Taro = mockedTaro();
const api = commissionApi as jest.Mocked<typeof commissionApi>;
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;
const day = (mo: number, d: number) => new Date(2026, mo - 1, d, 12, 0).toISOString();
const alice = { nickname: 'alice', shareCode: 'ALC234', at: day(12, 2) };
const dave = { nickname: 'dave', shareCode: 'DAV234', at: day(11, 20) };

beforeEach(() => {
  resetTaroMock();
  api.mutes.mockReset();
  api.muteSharer.mockReset();
});

describe('不看推荐的人', () => {
  it('lists the muted sharers and restores one only after the confirmation', async () => {
    api.mutes.mockResolvedValue({ ok: true, data: { items: [alice, dave] } });
    api.muteSharer.mockResolvedValue({ ok: true, data: { sharer: alice, muted: false } });
    render(<MutesPage />);
    expect(await screen.findByText('alice（ALC234）')).toBeTruthy();
    expect(within(screen.getByLabelText('alice')).getByText('12月2日 起不看')).toBeTruthy();
    expect(screen.getByText('dave（DAV234）')).toBeTruthy();
    taroPage.confirm = false;
    fireEvent.click(within(screen.getByLabelText('alice')).getByText('恢复'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(api.muteSharer).not.toHaveBeenCalled();
    taroPage.confirm = true;
    fireEvent.click(within(screen.getByLabelText('alice')).getByText('恢复'));
    await waitFor(() => expect(screen.queryByText('alice（ALC234）')).toBeNull());
    expect(api.muteSharer).toHaveBeenCalledWith({ shareCode: 'ALC234', on: false });
    expect(screen.getByText('dave（DAV234）')).toBeTruthy();
    expect(lastToast()).toBe('已恢复 alice 的推荐');
  });

  it('keeps the row and says why when restoring fails', async () => {
    api.mutes.mockResolvedValue({ ok: true, data: { items: [alice] } });
    api.muteSharer.mockResolvedValue({ ok: false, error: { code: 'system.busy', message: '系统繁忙，请重试' } });
    render(<MutesPage />);
    fireEvent.click(await screen.findByText('恢复'));
    await waitFor(() => expect(lastToast()).toBe('系统繁忙，请重试'));
    expect(screen.getByText('alice（ALC234）')).toBeTruthy();
  });

  it('shows loading, then the error with a retry, and an empty list in words', async () => {
    api.mutes
      .mockResolvedValueOnce({ ok: false, error: { code: 'internal', message: '网络开小差了' } })
      .mockResolvedValueOnce({ ok: true, data: { items: [] } });
    render(<MutesPage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(await screen.findByText('网络开小差了')).toBeTruthy();
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText(/没有不看推荐的人/)).toBeTruthy();
  });
});
