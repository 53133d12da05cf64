import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { couponApi } from '../../api/coupon';
import { shopApi } from '../../api/shop';
import { makeCoupon } from '../../test-utils/coupons';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import CouponEditorPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/coupon', () => ({ couponApi: { save: jest.fn() } }));
jest.mock('../../api/shop', () => ({ shopApi: { ownerProducts: jest.fn() } }));

const Taro = mockedTaro();
const save = couponApi.save as jest.MockedFunction<typeof couponApi.save>;
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

beforeEach(() => {
  resetTaroMock();
  save.mockReset();
  ownerProducts.mockReset().mockResolvedValue({
    ok: true,
    data: { items: [card('p1', '云南古树红茶'), card('p2', '五常大米')], nextCursor: null },
  });
});

describe('新建优惠券', () => {
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
