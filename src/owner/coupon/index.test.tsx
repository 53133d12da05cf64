import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { couponApi } from '../../api/coupon';
import { shopApi } from '../../api/shop';
import { makeCoupon } from '../../test-utils/coupons';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import { field, nativeField } from '../shared/test-fields';
import CouponEditorPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/coupon', () => ({ couponApi: { save: jest.fn(), get: jest.fn() } }));
jest.mock('../../api/shop', () => ({ shopApi: { ownerProducts: jest.fn() } }));

// setNavigationBarTitle: this page calls it and the shared mock does not carry it.
const Taro = Object.assign(mockedTaro(), { setNavigationBarTitle: jest.fn(() => Promise.resolve()) });
const save = couponApi.save as jest.MockedFunction<typeof couponApi.save>;
const get = couponApi.get as jest.MockedFunction<typeof couponApi.get>;
const ownerProducts = shopApi.ownerProducts as jest.MockedFunction<typeof shopApi.ownerProducts>;

const card = (id: string, title: string) => ({
  id,
  title,
  image: '',
  priceFen: 1290,
  stock: 5,
  skuCount: 1,
  status: 'on_sale' as const,
  soldOut: false,
});

/** Types into a Taro Input the way its web component reports typing: an `input` event carrying `detail.value`. */
function typeInto(placeholder: string, value: string) {
  const host = screen.getAllByPlaceholderText(placeholder)[0].closest('taro-input-core')!;
  act(() => {
    host.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

/** The native field of a Taro Input, found by its placeholder once the web component has rendered. */
const fieldOf = (placeholder: string) => nativeField(placeholder) as HTMLInputElement;

beforeEach(() => {
  resetTaroMock();
  save.mockReset();
  get.mockReset();
  Taro.setNavigationBarTitle.mockClear();
  ownerProducts.mockReset().mockResolvedValue({
    ok: true,
    data: { items: [card('p1', '云南古树红茶'), card('p2', '五常大米')], nextCursor: null },
  });
});

describe('新建优惠券', () => {
  it('is titled 新建优惠券 and loads nothing', () => {
    render(<CouponEditorPage />);
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '新建优惠券' });
    expect(get).not.toHaveBeenCalled();
    expect(screen.getByText('发布优惠券')).toBeTruthy();
  });

  it('checks the form before sending and says what to fix, in Chinese', async () => {
    render(<CouponEditorPage />);
    fireEvent.click(screen.getByText('发布优惠券'));
    expect(screen.getByText('请填写优惠券名称')).toBeTruthy();
    expect(screen.getByText('请填写减免金额，如 10 或 9.9')).toBeTruthy();
    expect(screen.getByText('发放总量为 1 到 1000000 张')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('折扣券'));
    typeInto('如：9 或 8.5', '9.55');
    fireEvent.click(screen.getByText('指定商品'));
    expect(await screen.findByText('云南古树红茶')).toBeTruthy();
    fireEvent.click(screen.getByText('发布优惠券'));
    expect(screen.getByText('请填写折扣，1 到 9.9 折，如 9 或 8.5')).toBeTruthy();
    expect(screen.getByText('请选择适用的商品')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it('publishes 满100减10 after a confirmation, and goes back', async () => {
    save.mockResolvedValueOnce({ ok: true, data: { coupon: makeCoupon() } });
    render(<CouponEditorPage />);
    typeInto('如：店庆满减', ' 店庆满减 ');
    typeInto('如：10', '10');
    typeInto('0 为无门槛', '100');
    typeInto('如：100', '100');
    fireEvent.click(screen.getByText('发布优惠券'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '发布优惠券',
        content: expect.stringContaining('「店庆满减」满100减10，共 100 张'),
      }),
    );
    expect(save).toHaveBeenCalledWith({
      coupon: {
        name: '店庆满减',
        kind: 'amount_off',
        scope: 'all',
        offFen: 1000,
        thresholdFen: 10000,
        validDays: 30,
        total: 100,
        perMember: 1,
      },
    });
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  it('a percentage off on chosen products picked from the catalogue', async () => {
    save.mockResolvedValueOnce({ ok: true, data: { coupon: makeCoupon() } });
    render(<CouponEditorPage />);
    typeInto('如：店庆满减', '红茶专享');
    fireEvent.click(screen.getByText('折扣券'));
    typeInto('如：9 或 8.5', '8.5');
    typeInto('不限可留空', '20');
    fireEvent.click(screen.getByText('指定商品'));
    fireEvent.click(await screen.findByText('云南古树红茶'));
    expect(screen.getByText('已选 1 件')).toBeTruthy();
    typeInto('如：100', '50');
    fireEvent.click(screen.getByText('发布优惠券'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0][0].coupon).toMatchObject({
      kind: 'percent_off',
      percentOff: 15,
      maxOffFen: 2000,
      thresholdFen: 0,
      scope: 'products',
      productIds: ['p1'],
    });
  });

  it('fixed dates: an end date is asked for, then sent as the end of that day', async () => {
    save.mockResolvedValueOnce({ ok: true, data: { coupon: makeCoupon() } });
    render(<CouponEditorPage />);
    typeInto('如：店庆满减', '年末券');
    typeInto('如：10', '5');
    typeInto('如：100', '10');
    fireEvent.click(screen.getByText('固定日期'));
    fireEvent.click(screen.getByText('发布优惠券'));
    expect(screen.getByText('请选择结束日期')).toBeTruthy();

    const [, end] = Array.from(document.querySelectorAll('taro-picker-core'));
    act(() => void fireEvent(end, new CustomEvent('change', { detail: { value: '2099-12-31' } })));
    expect(screen.getByText('2099-12-31')).toBeTruthy();
    fireEvent.click(screen.getByText('发布优惠券'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const sent = save.mock.calls[0][0].coupon;
    expect(sent.validTo).toBe(new Date(2099, 11, 31, 23, 59, 59, 999).toISOString());
    expect(sent).not.toHaveProperty('validFrom');
    expect(sent).not.toHaveProperty('validDays');
  });

  it('declined at the confirmation, nothing is sent', async () => {
    taroPage.confirm = false;
    render(<CouponEditorPage />);
    typeInto('如：店庆满减', '店庆满减');
    typeInto('如：10', '5');
    typeInto('如：100', '10');
    fireEvent.click(screen.getByText('发布优惠券'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(save).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal and stays on the form', async () => {
    save.mockResolvedValueOnce({
      ok: false,
      error: { code: 'content.risky', message: '内容含有违规信息，请修改后再提交' },
    });
    render(<CouponEditorPage />);
    typeInto('如：店庆满减', '店庆满减');
    typeInto('如：10', '5');
    typeInto('如：100', '10');
    fireEvent.click(screen.getByText('发布优惠券'));
    expect(await screen.findByText('内容含有违规信息，请修改后再提交')).toBeTruthy();
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });
});

describe('编辑优惠券', () => {
  const claimed = makeCoupon({ claimed: 12, used: 3 });

  async function open(coupon = claimed) {
    taroPage.params = { id: coupon.id };
    get.mockResolvedValue({ ok: true, data: { coupon } });
    render(<CouponEditorPage />);
    await field('如：店庆满减');
    await waitFor(() => expect(fieldOf('如：店庆满减').value).toBe(coupon.name));
  }

  it('loads the coupon by its id into the form, titled 编辑优惠券', async () => {
    await open();
    expect(get).toHaveBeenCalledWith({ couponId: 'c1' });
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '编辑优惠券' });
    expect(fieldOf('如：10').value).toBe('10');
    expect(fieldOf('0 为无门槛').value).toBe('100');
    expect(fieldOf('如：100').value).toBe('100');
    expect(screen.getByText('2026-12-01')).toBeTruthy();
    expect(screen.getByText('2026-12-31')).toBeTruthy();
    expect(screen.getByText('保存修改')).toBeTruthy();
  });

  it('claimed: the terms are shown but disabled, with a note; name, total and per member stay open', async () => {
    await open();
    expect(
      screen.getByText(
        '已领取 12 张，优惠内容和有效期不能再改；可修改名称、发放总量（不少于已领取的 12 张）和每人限领。',
      ),
    ).toBeTruthy();
    for (const placeholder of ['如：10', '0 为无门槛']) expect(fieldOf(placeholder).disabled).toBe(true);
    for (const placeholder of ['如：店庆满减', '如：100', '如：1']) expect(fieldOf(placeholder).disabled).toBe(false);
    fireEvent.click(screen.getByText('折扣券'));
    fireEvent.click(screen.getByText('领取后几天内'));
    expect(screen.getByText('满减券').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('固定日期').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('折扣券').getAttribute('aria-disabled')).toBe('true');
  });

  it('saves the name and total under the id after saying what changes, the terms as loaded', async () => {
    save.mockResolvedValueOnce({ ok: true, data: { coupon: { ...claimed, name: '年终满减', total: 200 } } });
    await open();
    typeInto('如：店庆满减', '年终满减');
    typeInto('如：100', '200');
    fireEvent.click(screen.getByText('保存修改'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith({
      title: '保存修改',
      content: '「店庆满减」名称改为「年终满减」；发放总量 100 → 200 张。已领取的 12 张按领取时的条款使用。',
      confirmText: '保存',
      cancelText: '再看看',
    });
    expect(save).toHaveBeenCalledWith({
      coupon: {
        id: 'c1',
        name: '年终满减',
        kind: 'amount_off',
        offFen: 1000,
        thresholdFen: 10000,
        scope: 'all',
        validFrom: claimed.validFrom,
        validTo: claimed.validTo,
        total: 200,
        perMember: 1,
      },
    });
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
  });

  it('a total below what was claimed is said on the form; nothing changed, nothing is asked', async () => {
    await open();
    typeInto('如：100', '11');
    fireEvent.click(screen.getByText('保存修改'));
    expect(screen.getByText('发放总量不能少于已领取的 12 张')).toBeTruthy();
    typeInto('如：100', '100');
    fireEvent.click(screen.getByText('保存修改'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '没有需要保存的修改', icon: 'none' }));
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
  });

  it('not yet claimed: every term is open and a new one is sent', async () => {
    save.mockResolvedValueOnce({ ok: true, data: { coupon: claimed } });
    await open(makeCoupon({ claimed: 0, used: 0 }));
    expect(screen.queryByText(/不能再改/)).toBeNull();
    expect(fieldOf('如：10').disabled).toBe(false);
    typeInto('如：10', '20');
    fireEvent.click(screen.getByText('保存修改'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0][0].coupon).toMatchObject({ id: 'c1', offFen: 2000, thresholdFen: 10000 });
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '「店庆满减」优惠改为满100减20。' }),
    );
  });

  it('a refusal is toasted and the coupon loaded again: claimed meanwhile, its terms are now frozen', async () => {
    save.mockResolvedValueOnce({
      ok: false,
      error: { code: 'coupon.terms_frozen', message: '优惠券已有人领取，不能再修改优惠内容和有效期' },
    });
    await open(makeCoupon({ claimed: 0, used: 0 }));
    get.mockResolvedValue({ ok: true, data: { coupon: makeCoupon({ claimed: 1 }) } });
    typeInto('如：店庆满减', '年终满减');
    typeInto('如：10', '20');
    fireEvent.click(screen.getByText('保存修改'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({
        title: '优惠券已有人领取，不能再修改优惠内容和有效期',
        icon: 'none',
      }),
    );
    await waitFor(() => expect(get).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(fieldOf('如：10').disabled).toBe(true));
    // The frozen terms are the server's again; the open fields keep what was typed.
    expect(fieldOf('如：10').value).toBe('10');
    expect(fieldOf('如：店庆满减').value).toBe('年终满减');
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('a failed load shows the error with 重新加载, which loads again', async () => {
    taroPage.params = { id: 'c1' };
    get.mockResolvedValueOnce({ ok: false, error: { code: 'coupon.not_found', message: '优惠券不存在' } });
    render(<CouponEditorPage />);
    expect(await screen.findByText('优惠券不存在')).toBeTruthy();
    expect(screen.queryByText('保存修改')).toBeNull();
    get.mockResolvedValueOnce({ ok: true, data: { coupon: claimed } });
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('保存修改')).toBeTruthy();
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('tells a non-owner that only the owner can see it', async () => {
    taroPage.params = { id: 'c1' };
    get.mockResolvedValue({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<CouponEditorPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });
});
