import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { pointsApi } from '../../api/points';
import type { PointsRules } from '../../../cloudfunctions/contracts/points';
import { deferred } from '../../test-utils/deferred';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { field, typeInto } from '../shared/test-fields';
import OwnerPointsPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/points', () => ({ pointsApi: { rules: jest.fn(), setRules: jest.fn() } }));

const Taro = mockedTaro();
const api = pointsApi as jest.Mocked<typeof pointsApi>;
const ok = <T,>(data: T) => ({ ok: true as const, data });

const defaults: PointsRules = {
  pointsEarnPerYuan: 1,
  pointsPerYuan: 100,
  pointsCapBp: 5000,
  welcomePoints: 100,
  pointsExpiryDays: 365,
};
/** One rule's row, by its label. */
const row = (label: string) => within(screen.getByLabelText(label));
const save = () => act(async () => void fireEvent.click(screen.getByText('保存')));

async function openRules(rules: PointsRules = defaults) {
  api.rules.mockResolvedValueOnce(ok(rules));
  render(<OwnerPointsPage />);
  await screen.findByText('积分规则');
}

beforeEach(() => {
  resetTaroMock();
  api.rules.mockReset();
  api.setRules.mockReset();
});

describe('owner points rules', () => {
  it('states the five rules', async () => {
    await openRules();
    const shown = Array.from(document.querySelectorAll('.owner-points__rule')).map((el) => el.textContent);
    expect(shown).toEqual([
      '购物得积分每 ¥1 得 1 积分修改',
      '积分抵现100 积分抵 ¥1修改',
      '抵扣上限最多抵商品金额的 50%修改',
      '开卡礼开卡送 100 积分修改',
      '积分有效期到账后 365 天有效修改',
    ]);
  });

  it('edits one rule: prefilled, checked against its bounds, confirmed as applying to new orders, saved', async () => {
    await openRules();
    fireEvent.click(row('积分有效期').getByText('修改'));
    const placeholder = '请输入 30-3650 的整数';
    expect((await field(placeholder)).value).toBe('365');

    for (const [typed, error] of [
      ['29', '有效期可设 30-3650 天'],
      ['3651', '有效期可设 30-3650 天'],
      ['', '请输入积分有效期'],
    ]) {
      await typeInto(placeholder, typed);
      fireEvent.click(screen.getByText('保存'));
      expect(screen.getByText(error)).toBeTruthy();
    }
    expect(Taro.showModal).not.toHaveBeenCalled();

    await typeInto(placeholder, '180');
    taroPage.confirm = false;
    await save();
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '积分有效期改为「到账后 180 天有效」。修改后仅对新订单生效。' }),
    );
    expect(api.setRules).not.toHaveBeenCalled();
    expect(screen.getByText('保存')).toBeTruthy();

    taroPage.confirm = true;
    api.setRules.mockResolvedValueOnce(ok({ ...defaults, pointsExpiryDays: 180 }));
    await save();
    expect(api.setRules).toHaveBeenCalledWith({ pointsExpiryDays: 180 });
    expect(row('积分有效期').getByText('到账后 180 天有效')).toBeTruthy();
    expect(screen.queryByText('保存')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
  });

  it('edits the cap in percent and saves it in basis points', async () => {
    await openRules();
    fireEvent.click(row('抵扣上限').getByText('修改'));
    const placeholder = '请输入 0-90 的数字';
    expect((await field(placeholder)).value).toBe('50');
    await typeInto(placeholder, '95');
    fireEvent.click(screen.getByText('保存'));
    expect(screen.getByText('抵扣上限可设 0%-90%')).toBeTruthy();

    await typeInto(placeholder, '33.5');
    api.setRules.mockResolvedValueOnce(ok({ ...defaults, pointsCapBp: 3350 }));
    await save();
    expect(api.setRules).toHaveBeenCalledWith({ pointsCapBp: 3350 });
    expect(row('抵扣上限').getByText('最多抵商品金额的 33.5%')).toBeTruthy();
  });

  it('says who a change reaches: the ratio also prices points members hold, the gift reaches new members', async () => {
    await openRules();
    fireEvent.click(row('积分抵现').getByText('修改'));
    await typeInto('请输入 1-10000 的整数', '200');
    api.setRules.mockResolvedValueOnce(ok({ ...defaults, pointsPerYuan: 200 }));
    await save();
    expect(Taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({
        content: '积分抵现改为「200 积分抵 ¥1」。修改后仅对新订单生效；会员已有的积分，之后下单时也按新比例抵扣。',
      }),
    );

    fireEvent.click(row('开卡礼').getByText('修改'));
    await typeInto('请输入 0-100000 的整数', '0');
    api.setRules.mockResolvedValueOnce(ok({ ...defaults, pointsPerYuan: 200, welcomePoints: 0 }));
    await save();
    expect(Taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: '开卡礼改为「开卡不送积分」。修改后仅对之后开卡的会员生效。' }),
    );
    expect(api.setRules).toHaveBeenLastCalledWith({ welcomePoints: 0 });
    expect(row('开卡礼').getByText('开卡不送积分')).toBeTruthy();
  });

  it('saving the value already set sends nothing', async () => {
    await openRules();
    fireEvent.click(row('购物得积分').getByText('修改'));
    expect((await field('请输入 0-100 的整数')).value).toBe('1');
    await save();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(api.setRules).not.toHaveBeenCalled();
    expect(screen.queryByText('保存')).toBeNull();
  });

  it('a failed save keeps the sheet and what was typed, and shows the message', async () => {
    await openRules();
    fireEvent.click(row('开卡礼').getByText('修改'));
    await typeInto('请输入 0-100000 的整数', '200');
    api.setRules.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    await save();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络异常，请稍后重试', icon: 'none' });
    expect((await field('请输入 0-100000 的整数')).value).toBe('200');
    expect(row('开卡礼').getByText('开卡送 100 积分')).toBeTruthy();
  });

  it('saves one rule at a time', async () => {
    await openRules();
    fireEvent.click(row('开卡礼').getByText('修改'));
    await typeInto('请输入 0-100000 的整数', '200');
    const answer = deferred<Awaited<ReturnType<typeof pointsApi.setRules>>>();
    api.setRules.mockReturnValueOnce(answer.promise);
    await save();
    expect(screen.getByText('保存中…', { selector: '.owner-sheet__submit' })).toBeTruthy();
    expect(row('开卡礼').getByText('保存中…')).toBeTruthy();
    // The other rules wait.
    expect(screen.getByText('开卡礼', { selector: '.owner-sheet__title' })).toBeTruthy();
    fireEvent.click(row('积分抵现').getByText('修改'));
    expect(screen.queryByText('积分抵现', { selector: '.owner-sheet__title' })).toBeNull();
    await act(async () => answer.resolve(ok({ ...defaults, welcomePoints: 200 })));
    expect(row('开卡礼').getByText('开卡送 200 积分')).toBeTruthy();
    expect(api.setRules).toHaveBeenCalledTimes(1);
  });

  it('loading fails with 重新加载; pull-down reloads; a non-owner is told only the owner can see it', async () => {
    api.rules.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    const { unmount } = render(<OwnerPointsPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    api.rules.mockResolvedValueOnce(ok(defaults));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('开卡送 100 积分')).toBeTruthy();

    api.rules.mockResolvedValueOnce(ok({ ...defaults, welcomePoints: 50 }));
    act(() => taroPage.pullDown!());
    expect(await screen.findByText('开卡送 50 积分')).toBeTruthy();
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1));
    unmount();

    api.rules.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerPointsPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });
});
