import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { shopApi } from '../../api/shop';
import { uploadFile } from '../../api/storage';
import { useSession } from '../../stores/session';
import { OWNER_USER } from '../../test-utils/fixtures';
import type { ShopSettings } from '../../../cloudfunctions/contracts/shop';
import { deferred } from '../../test-utils/deferred';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { field, typeInto } from '../shared/test-fields';
import OwnerSettingsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/shop', () => ({
  shopApi: { settings: jest.fn(), updateSettings: jest.fn(), session: jest.fn() },
}));
jest.mock('../../api/storage', () => ({ ...jest.requireActual('../../api/storage'), uploadFile: jest.fn() }));

const Taro = mockedTaro();
const api = {
  settings: shopApi.settings as jest.MockedFunction<typeof shopApi.settings>,
  updateSettings: shopApi.updateSettings as jest.MockedFunction<typeof shopApi.updateSettings>,
  session: shopApi.session as jest.MockedFunction<typeof shopApi.session>,
};
const upload = uploadFile as jest.MockedFunction<typeof uploadFile>;
const ok = <T,>(data: T) => ({ ok: true as const, data });
const refused = (code: 'settings.last_owner' | 'settings.member_not_found' | 'network', message: string) => ({
  ok: false as const,
  error: { code, message },
});

const me = { nickname: '老王', shareCode: 'OWNER2', isMe: true };
const partner = { nickname: '小李', shareCode: 'PARTN3', isMe: false };
const shop = (over: Partial<ShopSettings> = {}): ShopSettings => ({
  shopName: '友荐小店',
  rules: {
    shippingFeeFen: 500,
    freeShippingFromFen: 9900,
    unpaidCancelMinutes: 30,
    autoConfirmDays: 10,
    afterSaleDays: 7,
    afterSaleReplyDays: 2,
    returnShipDays: 7,
    returnReceiveDays: 10,
    commissionRateBp: 1000,
    bindingDays: 15,
    pointsEarnPerYuan: 1,
    pointsPerYuan: 100,
    pointsCapBp: 5000,
    welcomePoints: 100,
    pointsExpiryDays: 365,
  },
  owners: [me, partner],
  service: { phone: '', wechatId: '' },
  returnAddress: null,
  shippingInfoUpload: true,
  ...over,
});
const withRules = (rules: Partial<ShopSettings['rules']>) => shop({ rules: { ...shop().rules, ...rules } });

/** One row, by its label. */
const row = (label: string) => within(screen.getByLabelText(label));
const press = (text: string) => act(async () => void fireEvent.click(screen.getByText(text)));

async function openSettings(settings: ShopSettings = shop()) {
  api.settings.mockResolvedValueOnce(ok(settings));
  render(<OwnerSettingsPage />);
  await screen.findByText('运费', { selector: '.owner-settings__card-title' });
}

beforeEach(() => {
  resetTaroMock();
  api.session.mockReset();
  api.session.mockResolvedValue(ok({ user: OWNER_USER, binding: null, service: { phone: '', wechatId: '' } }));
  useSession.setState({ user: null, binding: null, status: 'idle', error: null });
  api.settings.mockReset();
  api.updateSettings.mockReset();
  upload.mockReset();
  delete process.env.TARO_ENV;
});

describe('owner shop settings', () => {
  it('states every value in the units the owner reads', async () => {
    await openSettings();
    const value = (label: string) =>
      row(label).getByText((_, el) => el?.classList.contains('owner-settings__value') ?? false).textContent;
    expect(value('店铺名称')).toBe('友荐小店');
    expect(value('运费')).toBe('¥5.00');
    expect(value('满额包邮')).toBe('满 ¥99.00 包邮');
    expect(value('未付款自动取消')).toBe('30 分钟');
    expect(value('自动确认收货')).toBe('发货后 10 天');
    expect(value('售后期限')).toBe('确认收货后 7 天');
    expect(value('默认佣金比例')).toBe('10%');
    expect(value('推荐关系有效期')).toBe('15 天');
    expect(value('积分抵现')).toBe('100 积分抵 ¥1');
    expect(value('积分有效期')).toBe('到账后 365 天有效');
    expect(row('店主 老王').getByText('我')).toBeTruthy();
    expect(row('店主 小李').getByText('会员码 PARTN3')).toBeTruthy();
    expect(row('店主 小李').queryByText('我')).toBeNull();
  });

  it(
    'edits the shipping fee in yuan: ' +
      'nothing is sent when the confirmation is cancelled, only that fee in fen after it',
    async () => {
      await openSettings();
      fireEvent.click(row('运费').getByText('修改'));
      const placeholder = '请输入 0-1000 的金额';
      expect((await field(placeholder)).value).toBe('5.00');
      expect(screen.getByText(/^可设 ¥0.00-¥1,000.00。/)).toBeTruthy();

      await typeInto(placeholder, '8.5');
      taroPage.confirm = false;
      await press('保存');
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: '运费改为「¥8.50」。修改后仅对新订单生效，已下的订单按下单时的规则。' }),
      );
      expect(api.updateSettings).not.toHaveBeenCalled();
      expect(row('运费').getByText('¥5.00')).toBeTruthy();

      taroPage.confirm = true;
      api.updateSettings.mockResolvedValueOnce(ok(withRules({ shippingFeeFen: 850 })));
      await press('保存');
      expect(api.updateSettings).toHaveBeenCalledTimes(1);
      expect(api.updateSettings).toHaveBeenCalledWith({ rules: { shippingFeeFen: 850 } });
      expect(row('运费').getByText('¥8.50')).toBeTruthy();
      expect(screen.queryByText('保存')).toBeNull();
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
    },
  );

  it('refuses a value out of bounds without asking the server', async () => {
    await openSettings();
    fireEvent.click(row('未付款自动取消').getByText('修改'));
    const placeholder = '请输入 5-1440 的整数';
    await typeInto(placeholder, '4');
    await press('保存');
    expect(screen.getByText('可设 5-1440 分钟', { selector: '.owner-sheet__error' })).toBeTruthy();
    await typeInto(placeholder, '1441');
    await press('保存');
    expect(screen.getByText('可设 5-1440 分钟', { selector: '.owner-sheet__error' })).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(api.updateSettings).not.toHaveBeenCalled();

    // The edge itself is allowed, and the percent rule goes as basis points.
    await typeInto(placeholder, '5');
    api.updateSettings.mockResolvedValueOnce(ok(withRules({ unpaidCancelMinutes: 5 })));
    await press('保存');
    expect(api.updateSettings).toHaveBeenLastCalledWith({ rules: { unpaidCancelMinutes: 5 } });
    fireEvent.click(row('默认佣金比例').getByText('修改'));
    await typeInto('请输入 0-50 的数字', '12.5');
    api.updateSettings.mockResolvedValueOnce(ok(withRules({ unpaidCancelMinutes: 5, commissionRateBp: 1250 })));
    await press('保存');
    expect(api.updateSettings).toHaveBeenLastCalledWith({ rules: { commissionRateBp: 1250 } });
    expect(row('默认佣金比例').getByText('12.5%')).toBeTruthy();
  });

  it('says honestly who a change reaches: the after-sale window applies at once, also to received orders', async () => {
    await openSettings();
    fireEvent.click(row('售后期限').getByText('修改'));
    await typeInto('请输入 1-30 的整数', '14');
    api.updateSettings.mockResolvedValueOnce(ok(withRules({ afterSaleDays: 14 })));
    await press('保存');
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        content:
          '售后期限改为「确认收货后 14 天」。修改后立即生效：已确认收货的订单也按新期限判断能否申请售后，佣金和积分也按新期限到账。',
      }),
    );
    expect(api.updateSettings).toHaveBeenCalledWith({ rules: { afterSaleDays: 14 } });
  });

  it('edits a points rule through updateSettings, in the 积分设置 page’s words', async () => {
    await openSettings();
    fireEvent.click(row('开卡礼').getByText('修改'));
    await typeInto('请输入 0-100000 的整数', '0');
    api.updateSettings.mockResolvedValueOnce(ok(withRules({ welcomePoints: 0 })));
    await press('保存');
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '开卡礼改为「开卡不送积分」。修改后仅对之后开卡的会员生效。' }),
    );
    expect(api.updateSettings).toHaveBeenCalledWith({ rules: { welcomePoints: 0 } });
    expect(row('开卡礼').getByText('开卡不送积分')).toBeTruthy();
  });

  it('a refused save keeps the sheet and what was typed, and shows the server’s message', async () => {
    await openSettings();
    fireEvent.click(row('满额包邮').getByText('修改'));
    await typeInto('请输入 0-100000 的金额', '0');
    api.updateSettings.mockResolvedValueOnce(refused('network', '网络异常，请稍后重试'));
    await press('保存');
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringMatching(/^满额包邮改为「全场包邮」/) }),
    );
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络异常，请稍后重试', icon: 'none' });
    expect((await field('请输入 0-100000 的金额')).value).toBe('0');
    expect(row('满额包邮').getByText('满 ¥99.00 包邮')).toBeTruthy();
  });

  it('renames the shop, checking its length first', async () => {
    await openSettings();
    fireEvent.click(row('店铺名称').getByText('修改'));
    const placeholder = '请输入店铺名称，最多 20 个字';
    await typeInto(placeholder, '好'.repeat(21));
    await press('保存');
    expect(screen.getByText('店铺名称最多 20 个字')).toBeTruthy();
    expect(api.updateSettings).not.toHaveBeenCalled();

    await typeInto(placeholder, ' 老王的茶 ');
    api.updateSettings.mockResolvedValueOnce(ok(shop({ shopName: '老王的茶' })));
    await press('保存');
    expect(api.updateSettings).toHaveBeenCalledWith({ shopName: '老王的茶' });
    expect(row('店铺名称').getByText('老王的茶')).toBeTruthy();
  });

  it("changes the logo: the picked image goes under the owner's own shop/ folder, its fileID then saved", async () => {
    process.env.TARO_ENV = 'weapp';
    const chooseMedia = jest.fn().mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/logo.png' }] });
    Object.assign(Taro, { chooseMedia });
    await openSettings(shop({ logo: { fileId: 'cloud://env.b/shop/old.png', url: 'https://t/old.png' } }));
    const uploaded = deferred<Awaited<ReturnType<typeof uploadFile>>>();
    upload.mockReturnValueOnce(uploaded.promise);
    await press('更换标志');
    expect(chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 1, mediaType: ['image'] }));
    expect(upload).toHaveBeenCalledWith(
      expect.stringMatching(/^shop\/dev_owner\/[0-9a-z]+-[0-9a-z]{8}\.png$/),
      'wxfile://tmp/logo.png',
    );
    expect(row('店铺标志').getByText('上传中…')).toBeTruthy();
    expect(api.updateSettings).not.toHaveBeenCalled();

    const fileID = 'cloud://env.b/shop/new.png';
    api.updateSettings.mockResolvedValueOnce(ok(shop({ logo: { fileId: fileID, url: 'https://t/new.png' } })));
    await act(async () => uploaded.resolve({ ok: true, data: { fileID } }));
    expect(api.updateSettings).toHaveBeenCalledWith({ logo: fileID });
    await waitFor(() =>
      expect(document.querySelector('.owner-settings__logo')?.getAttribute('src')).toBe('https://t/new.png'),
    );
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '标志已更换', icon: 'success' });
  });

  it('h5 picks the logo with chooseImage; a failed upload saves nothing', async () => {
    process.env.TARO_ENV = 'h5';
    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:http://127.0.0.1/1'] });
    await openSettings();
    upload.mockResolvedValueOnce({ ok: false, error: { code: 'upload.failed', message: '图片上传失败，请重试' } });
    await press('上传标志');
    expect(upload).toHaveBeenCalledWith(expect.stringMatching(/^shop\/dev_owner\//), 'blob:http://127.0.0.1/1');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '图片上传失败，请重试', icon: 'none' });
    expect(api.updateSettings).not.toHaveBeenCalled();
    expect(row('店铺标志').getByText('上传标志')).toBeTruthy();
  });

  it('adds an owner by member code, typed in any case, and shows the new list', async () => {
    await openSettings();
    await press('添加店主');
    const placeholder = '请输入对方的 6 位会员码';
    await typeInto(placeholder, 'abc23');
    await press('添加');
    expect(screen.getByText('会员码是 6 位字母或数字')).toBeTruthy();

    await typeInto(placeholder, 'abc234');
    expect((await field(placeholder)).value).toBe('ABC234');
    const newcomer = { nickname: '阿珍', shareCode: 'ABC234', isMe: false };
    api.updateSettings.mockResolvedValueOnce(ok(shop({ owners: [me, partner, newcomer] })));
    await press('添加');
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '添加店主', content: expect.stringContaining('会员码 ABC234') }),
    );
    expect(api.updateSettings).toHaveBeenCalledWith({ addOwner: 'ABC234' });
    expect(row('店主 阿珍').getByText('会员码 ABC234')).toBeTruthy();
    expect(screen.queryByText('添加', { selector: '.owner-sheet__submit' })).toBeNull();
  });

  it('an unknown member code keeps the sheet open with the server’s message', async () => {
    await openSettings();
    await press('添加店主');
    await typeInto('请输入对方的 6 位会员码', 'ZZZ999');
    api.updateSettings.mockResolvedValueOnce(refused('settings.member_not_found', '找不到这个会员码对应的会员'));
    await press('添加');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '找不到这个会员码对应的会员', icon: 'none' });
    expect((await field('请输入对方的 6 位会员码')).value).toBe('ZZZ999');
  });

  it('removing an owner asks first; a last-owner refusal is shown and the list reloaded', async () => {
    await openSettings();
    taroPage.confirm = false;
    await act(async () => void fireEvent.click(row('店主 小李').getByText('移除')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '移除店主', content: '移除后「小李」将不能再管理本店。' }),
    );
    expect(api.updateSettings).not.toHaveBeenCalled();

    // 小李 left meanwhile, so removing oneself would leave the shop without an owner.
    taroPage.confirm = true;
    api.updateSettings.mockResolvedValueOnce(refused('settings.last_owner', '店铺至少要有一位店主，不能移除最后一位'));
    api.settings.mockResolvedValueOnce(ok(shop({ owners: [me] })));
    await act(async () => void fireEvent.click(row('店主 老王').getByText('移除')));
    expect(Taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: '移除后你将不能再管理本店，也打不开店主页面。' }),
    );
    expect(api.updateSettings).toHaveBeenCalledWith({ removeOwner: 'OWNER2' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '店铺至少要有一位店主，不能移除最后一位', icon: 'none' });
    await waitFor(() => expect(screen.queryByLabelText('店主 小李')).toBeNull());
    expect(row('店主 老王').queryByText('移除')).toBeNull();
  });

  it('removes an owner after confirmation; the last one left cannot be removed', async () => {
    await openSettings();
    api.updateSettings.mockResolvedValueOnce(ok(shop({ owners: [me] })));
    await act(async () => void fireEvent.click(row('店主 小李').getByText('移除')));
    expect(api.updateSettings).toHaveBeenCalledWith({ removeOwner: 'PARTN3' });
    expect(screen.queryByLabelText('店主 小李')).toBeNull();
    expect(row('店主 老王').queryByText('移除')).toBeNull();
  });

  it('saves one thing at a time', async () => {
    await openSettings();
    fireEvent.click(row('运费').getByText('修改'));
    await typeInto('请输入 0-1000 的金额', '6');
    const answer = deferred<Awaited<ReturnType<typeof shopApi.updateSettings>>>();
    api.updateSettings.mockReturnValueOnce(answer.promise);
    await press('保存');
    expect(row('运费').getByText('保存中…')).toBeTruthy();
    fireEvent.click(row('售后期限').getByText('修改'));
    expect(screen.queryByText('售后期限', { selector: '.owner-sheet__title' })).toBeNull();
    await act(async () => answer.resolve(ok(withRules({ shippingFeeFen: 600 }))));
    expect(row('运费').getByText('¥6.00')).toBeTruthy();
    expect(api.updateSettings).toHaveBeenCalledTimes(1);
  });

  it('loading fails with 重新加载; pull-down reloads; a non-owner is told only the owner can see it', async () => {
    api.settings.mockResolvedValueOnce(refused('network', '网络异常，请稍后重试'));
    const { unmount } = render(<OwnerSettingsPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    api.settings.mockResolvedValueOnce(ok(shop()));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('¥5.00')).toBeTruthy();

    api.settings.mockResolvedValueOnce(ok(withRules({ shippingFeeFen: 0 })));
    act(() => taroPage.pullDown!());
    expect(await screen.findByText('不收运费')).toBeTruthy();
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1));
    unmount();

    api.settings.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerSettingsPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });

  describe('after-sale rules, customer service, the return address and the shipping-info switch', () => {
    const value = (label: string) =>
      row(label).getByText((_, el) => el?.classList.contains('owner-settings__value') ?? false).textContent;

    it('shows the after-sale deadlines in days and saves one within its bounds', async () => {
      await openSettings();
      expect(screen.getByText('售后', { selector: '.owner-settings__card-title' })).toBeTruthy();
      expect(value('商家处理时限')).toBe('2 天');
      expect(value('买家寄回时限')).toBe('7 天');
      expect(value('自动确认收到退货')).toBe('买家寄出后 10 天');

      fireEvent.click(row('商家处理时限').getByText('修改'));
      await typeInto('请输入 1-7 的整数', '8');
      await press('保存');
      expect(screen.getByText('可设 1-7 天', { selector: '.owner-sheet__error' })).toBeTruthy();
      expect(api.updateSettings).not.toHaveBeenCalled();
      await typeInto('请输入 1-7 的整数', '3');
      api.updateSettings.mockResolvedValueOnce(ok(withRules({ afterSaleReplyDays: 3 })));
      await press('保存');
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: expect.stringMatching(/^商家处理时限改为「3 天」。/) }),
      );
      expect(api.updateSettings).toHaveBeenCalledWith({ rules: { afterSaleReplyDays: 3 } });
      expect(value('商家处理时限')).toBe('3 天');
    });

    it('edits the service phone and WeChat ID: bad ones are said at once, empty clears', async () => {
      await openSettings(shop({ service: { phone: '', wechatId: 'old_kefu' } }));
      expect(value('客服电话')).toBe('未设置');
      expect(value('客服微信号')).toBe('old_kefu');

      fireEvent.click(row('客服电话').getByText('修改'));
      await typeInto('手机或座机，如 0571-88886666', '400-CALL');
      await press('保存');
      expect(screen.getByText('请输入正确的电话，如 13812345678 或 0571-88886666')).toBeTruthy();
      expect(api.updateSettings).not.toHaveBeenCalled();
      await typeInto('手机或座机，如 0571-88886666', ' 0571-8888 6666 ');
      api.updateSettings.mockResolvedValueOnce(ok(shop({ service: { phone: '0571-88886666', wechatId: 'old_kefu' } })));
      await press('保存');
      expect(api.updateSettings).toHaveBeenLastCalledWith({ service: { phone: '0571-88886666' } });
      expect(value('客服电话')).toBe('0571-88886666');

      fireEvent.click(row('客服微信号').getByText('修改'));
      expect((await field('请输入微信号')).value).toBe('old_kefu');
      await typeInto('请输入微信号', '9kefu');
      await press('保存');
      expect(screen.getByText('微信号为 6-20 位字母、数字、下划线或减号，以字母开头')).toBeTruthy();
      await typeInto('请输入微信号', '');
      api.updateSettings.mockResolvedValueOnce(ok(shop({ service: { phone: '0571-88886666', wechatId: '' } })));
      await press('保存');
      expect(api.updateSettings).toHaveBeenLastCalledWith({ service: { wechatId: '' } });
      expect(value('客服微信号')).toBe('未设置');
    });

    it('edits the return address: every field checked, the trimmed address saved', async () => {
      await openSettings();
      expect(value('退货地址')).toBe('未设置');
      fireEvent.click(row('退货地址').getByText('修改'));
      await typeInto('收件人姓名', ' 小满 ');
      await typeInto('收件人手机号', '1391234567');
      await press('保存');
      expect(screen.getByText('请填写 11 位手机号')).toBeTruthy();
      expect(screen.getByText('请填写省市区')).toBeTruthy();
      expect(screen.getByText('请填写详细地址')).toBeTruthy();
      expect(screen.queryByText(/请填写收件人/)).toBeNull();
      expect(api.updateSettings).not.toHaveBeenCalled();

      await typeInto('收件人手机号', '13912345678');
      await typeInto('省 市 区，如 浙江省 杭州市 余杭区', '浙江省 杭州市 余杭区');
      await typeInto('街道、门牌号', '文一西路 1 号 退货仓 ');
      const address = {
        name: '小满',
        phone: '13912345678',
        region: '浙江省 杭州市 余杭区',
        detail: '文一西路 1 号 退货仓',
      };
      api.updateSettings.mockResolvedValueOnce(ok(shop({ returnAddress: address })));
      await press('保存');
      expect(api.updateSettings).toHaveBeenCalledWith({ returnAddress: address });
      expect(value('退货地址')).toBe('小满 13912345678，浙江省 杭州市 余杭区 文一西路 1 号 退货仓');
    });

    it('the shipping-info switch: turning it off is confirmed first, on is saved at once', async () => {
      await openSettings();
      expect(row('上传发货信息到微信').getByText(/发货信息管理服务/)).toBeTruthy();
      const toggle = async (on: boolean) => {
        const el = await waitFor(() => {
          const found = document.querySelector('[aria-label="上传发货信息到微信"] taro-switch-core');
          if (!found) throw new Error('no switch');
          return found;
        });
        await act(async () => void fireEvent(el, new CustomEvent('change', { detail: { value: on } })));
      };

      taroPage.confirm = false;
      await toggle(false);
      expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '关闭上传发货信息' }));
      expect(api.updateSettings).not.toHaveBeenCalled();

      taroPage.confirm = true;
      api.updateSettings.mockResolvedValueOnce(ok(shop({ shippingInfoUpload: false })));
      await toggle(false);
      expect(api.updateSettings).toHaveBeenCalledWith({ shippingInfoUpload: false });
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '已关闭', icon: 'success' });

      Taro.showModal.mockClear();
      api.updateSettings.mockResolvedValueOnce(ok(shop({ shippingInfoUpload: true })));
      await toggle(true);
      expect(Taro.showModal).not.toHaveBeenCalled();
      expect(api.updateSettings).toHaveBeenLastCalledWith({ shippingInfoUpload: true });
    });
  });
});
