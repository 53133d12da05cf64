import { act, fireEvent, render, screen } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import { useSession } from '../../stores/session';
import { mockedTaro, resetTaroMock } from '../../test-utils/taro-mock';
import { NO_SERVICE, OWNER_USER } from '../../test-utils/fixtures';
import ContactService from './index';
import { contactFrom } from './types';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({ shopApi: { session: jest.fn() } }));

const Taro = mockedTaro();
const session = shopApi.session as jest.Mock;
const initial = useSession.getState();

beforeEach(() => {
  resetTaroMock();
  session.mockReset();
  useSession.setState(initial, true);
});

async function openSheet(service: { phone: string; wechatId: string }) {
  session.mockResolvedValueOnce({ ok: true, data: { user: OWNER_USER, binding: null, service } });
  render(<ContactService sessionFrom={contactFrom.order('YJ7K3M9Q2W4E6R8T1Y')} />);
  await act(async () => fireEvent.click(screen.getByText('联系客服')));
}

describe('联系客服 (h5)', () => {
  it('shows the shop’s service phone and WeChat ID from the session, to copy or call', async () => {
    await openSheet({ phone: '0571-88886666', wechatId: 'youjian_kf' });
    expect(screen.getByRole('dialog', { name: '联系客服' })).toBeTruthy();
    expect(screen.getByText('0571-88886666')).toBeTruthy();
    expect(screen.getByText('youjian_kf')).toBeTruthy();

    const [copyPhone, copyWechat] = screen.getAllByText('复制');
    await act(async () => fireEvent.click(copyPhone));
    expect(Taro.setClipboardData).toHaveBeenLastCalledWith({ data: '0571-88886666' });
    await act(async () => fireEvent.click(copyWechat));
    expect(Taro.setClipboardData).toHaveBeenLastCalledWith({ data: 'youjian_kf' });
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '微信号已复制', icon: 'none' });

    await act(async () => fireEvent.click(screen.getByText('拨打')));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0571-88886666' });

    fireEvent.click(screen.getByText('关闭'));
    expect(screen.queryByText('0571-88886666')).toBeNull();
  });

  it('offers only what the shop set: a WeChat ID alone has nothing to call', async () => {
    await openSheet({ phone: '', wechatId: 'youjian_kf' });
    expect(screen.getByText('youjian_kf')).toBeTruthy();
    expect(screen.queryByText('拨打')).toBeNull();
    expect(screen.queryByText('客服电话')).toBeNull();
  });

  it('says so plainly when the shop set neither', async () => {
    await openSheet(NO_SERVICE);
    expect(screen.getByText('店主还没有设置客服联系方式')).toBeTruthy();
    expect(screen.queryByText('复制')).toBeNull();
    expect(screen.queryByText('拨打')).toBeNull();
  });
});
