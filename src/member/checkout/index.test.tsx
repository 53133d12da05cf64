import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { orderApi } from '../../api/order';
import { devPay } from '../../api/dev-pay';
import { useCart, type CartItem } from '../../stores/cart';
import { useCheckout, type CheckoutLine } from '../../stores/checkout';
import type { ErrorCode } from '../../../cloudfunctions/contracts/errors';
import type { Order, PayResult, Quote, QuoteCoupon, UnusableCoupon } from '../../../cloudfunctions/contracts/order';
import { deferred } from '../../test-utils/deferred';
import { mockedTaro, resetTaroMock } from '../../test-utils/taro-mock';
import CheckoutPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({ orderApi: { quote: jest.fn(), create: jest.fn(), pay: jest.fn() } }));
jest.mock('../../api/dev-pay', () => ({ devPay: jest.fn() }));

const Taro = mockedTaro();
const quote = orderApi.quote as jest.MockedFunction<typeof orderApi.quote>;
const create = orderApi.create as jest.MockedFunction<typeof orderApi.create>;
const pay = orderApi.pay as jest.MockedFunction<typeof orderApi.pay>;
const mockedDevPay = devPay as jest.MockedFunction<typeof devPay>;

const tea: CartItem = {
  productId: 'p1',
  skuId: 's1',
  title: '云南古树红茶',
  spec: '200g 罐装',
  priceFen: 1290,
  image: '/img/p1.png',
  stock: 9,
};
const teaLine: CheckoutLine = {
  productId: 'p1',
  skuId: 's1',
  qty: 2,
  title: '云南古树红茶',
  spec: '200g 罐装',
  image: '/img/p1.png',
  priceFen: 1290,
};
const address = { name: '王小明', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '文三路 100 号' };
const ORDER_ID = 'YJ7K3M9Q2W4E6R8T1Y';

const priced: Quote = {
  items: [{ ...teaLine, lineFen: 2580 }],
  amounts: { goodsFen: 2580, couponFen: 0, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: 800, payableFen: 3380 },
  coupons: { usable: [], unusable: [], best: null, applied: null },
  freeShippingFromFen: 9900,
  points: { available: 0, maxUsable: 0, perYuan: 100, step: 1, capBp: 5000 },
};
const order = {
  id: ORDER_ID,
  status: 'pending_payment',
  items: priced.items,
  amounts: priced.amounts,
  address,
} as unknown as Order;
const payResult: PayResult = {
  orderId: ORDER_ID,
  outTradeNo: ORDER_ID,
  payableFen: 3380,
  payment: { timeStamp: '1767225600', nonceStr: 'n0nce', package: 'prepay_id=wx123', signType: 'RSA', paySign: 'sig' },
};

const initialCart = useCart.getState();
const initialCheckout = useCheckout.getState();
const lastToast = () => (Taro.showToast.mock.calls.at(-1) as [{ title: string }] | undefined)?.[0].title;

/** Types into a Taro Input the way its web component reports typing: an `input` event carrying `detail.value`. */
function typeInto(placeholder: string, value: string) {
  // The web component and its inner <input> both carry the placeholder.
  const host = screen.getAllByPlaceholderText(placeholder)[0].closest('taro-input-core')!;
  act(() => {
    host.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

beforeEach(() => {
  resetTaroMock();
  quote.mockReset().mockResolvedValue({ ok: true, data: priced });
  create.mockReset();
  pay.mockReset().mockResolvedValue({ ok: true, data: payResult });
  mockedDevPay.mockReset().mockResolvedValue({ ok: true, data: null });
  useCart.setState(initialCart, true);
  useCheckout.setState(initialCheckout, true);
  delete process.env.TARO_ENV;
});

function startCheckout(opts: { remembered?: boolean } = {}) {
  useCart.getState().add(tea, 2);
  useCheckout.getState().start([teaLine], 'cart');
  if (opts.remembered !== false) useCheckout.getState().rememberAddress(address);
}

describe('checkout page', () => {
  it('shows the server’s quote: goods, shipping with the free-shipping threshold, discount, payable', async () => {
    startCheckout();
    render(<CheckoutPage />);
    expect(await screen.findByText('¥25.80')).toBeTruthy();
    expect(quote).toHaveBeenCalledWith({ items: [{ productId: 'p1', skuId: 's1', qty: 2 }] });
    expect(screen.getByText('¥8.00')).toBeTruthy();
    expect(screen.getByText('满¥99.00免运费')).toBeTruthy();
    // No points: no 积分抵扣 row.
    expect(screen.queryByText('积分抵扣')).toBeNull();
    expect(screen.getAllByText('¥33.80')).toHaveLength(2); // the amounts card and the bar
    expect(screen.getByText('13800138000')).toBeTruthy();
  });

  it('says 免运费 when the quote has no shipping', async () => {
    startCheckout();
    quote.mockResolvedValue({
      ok: true,
      data: { ...priced, amounts: { ...priced.amounts, shippingFen: 0, payableFen: 2580 } },
    });
    render(<CheckoutPage />);
    expect(await screen.findByText('免运费')).toBeTruthy();
  });

  it('shows a failed quote with 重新计算 and does not submit', async () => {
    startCheckout();
    quote.mockResolvedValueOnce({ ok: false, error: { code: 'order.stock_insufficient', message: '库存不足' } });
    render(<CheckoutPage />);
    expect(await screen.findByText('库存不足')).toBeTruthy();
    fireEvent.click(screen.getByText('提交订单'));
    expect(create).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('重新计算'));
    expect(await screen.findByText('¥25.80')).toBeTruthy();
    expect(quote).toHaveBeenCalledTimes(2);
  });

  it('places the order once on a double tap, with the same requestId on retry, pays (h5), opens it', async () => {
    process.env.TARO_ENV = 'h5';
    startCheckout();
    const requestId = useCheckout.getState().draft!.requestId;
    const first = deferred<Awaited<ReturnType<typeof orderApi.create>>>();
    create.mockReturnValueOnce(first.promise).mockResolvedValueOnce({ ok: true, data: { order } });
    render(<CheckoutPage />);
    await screen.findByText('¥25.80');
    typeInto('选填，给店主留言', ' 请用礼盒包装 ');

    fireEvent.click(screen.getByText('提交订单'));
    expect(await screen.findByText('提交中…')).toBeTruthy();
    fireEvent.click(screen.getByText('提交中…'));
    expect(create).toHaveBeenCalledTimes(1);
    await act(async () => first.resolve({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } }));
    expect(lastToast()).toBe('网络异常，请稍后重试');
    expect(useCart.getState().lines).toHaveLength(1);

    fireEvent.click(screen.getByText('提交订单'));
    expect(await screen.findByText('微信支付（本地模拟）')).toBeTruthy();
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[0][0]).toEqual({
      requestId,
      items: [{ productId: 'p1', skuId: 's1', qty: 2 }],
      address,
      note: '请用礼盒包装',
    });
    expect(create.mock.calls[1][0].requestId).toBe(requestId);
    expect(pay).toHaveBeenCalledWith({ orderId: ORDER_ID });
    // The ordered lines left the cart as soon as the order existed.
    expect(useCart.getState().lines).toEqual([]);

    fireEvent.click(screen.getByText('确认支付'));
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/member/order/index?id=${ORDER_ID}&paid=1` }),
    );
    expect(mockedDevPay).toHaveBeenCalledWith(ORDER_ID);
    await waitFor(() => expect(useCheckout.getState().draft).toBeNull());
    expect(useCheckout.getState().address).toEqual(address);
  });

  it('opens the unpaid order when the buyer closes the pay sheet', async () => {
    process.env.TARO_ENV = 'h5';
    startCheckout();
    create.mockResolvedValueOnce({ ok: true, data: { order } });
    render(<CheckoutPage />);
    await screen.findByText('¥25.80');
    fireEvent.click(screen.getByText('提交订单'));
    fireEvent.click(await screen.findByText('取消'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/member/order/index?id=${ORDER_ID}` }));
    expect(mockedDevPay).not.toHaveBeenCalled();
  });

  it('on stock_insufficient says so and asks for a new quote', async () => {
    startCheckout();
    process.env.TARO_ENV = 'h5';
    create.mockResolvedValueOnce({ ok: false, error: { code: 'order.stock_insufficient', message: '库存不足' } });
    render(<CheckoutPage />);
    await screen.findByText('¥25.80');
    quote.mockResolvedValueOnce({ ok: false, error: { code: 'order.stock_insufficient', message: '库存不足' } });
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '下单失败', content: '库存不足' })),
    );
    expect(await screen.findByText('重新计算')).toBeTruthy();
    expect(quote).toHaveBeenCalledTimes(2);
    expect(pay).not.toHaveBeenCalled();
    expect(useCart.getState().lines).toHaveLength(1);
  });

  it('h5: checks the address form field by field before the order can be placed', async () => {
    process.env.TARO_ENV = 'h5';
    startCheckout({ remembered: false });
    render(<CheckoutPage />);
    await screen.findByText('¥25.80');
    fireEvent.click(screen.getByText('提交订单'));
    expect(lastToast()).toBe('请先保存收货地址');

    fireEvent.click(screen.getByText('保存地址'));
    expect(screen.getByText('请填写收货人')).toBeTruthy();
    expect(screen.getByText('请填写手机号')).toBeTruthy();

    typeInto('请填写收货人姓名', '王小明');
    typeInto('请填写 11 位手机号', '12345678901');
    typeInto('省 市 区，如：浙江省 杭州市 西湖区', '浙江省 杭州市 西湖区');
    typeInto('街道、楼栋、门牌号', '文三路 100 号');
    fireEvent.click(screen.getByText('保存地址'));
    expect(screen.getByText('请填写正确的 11 位手机号')).toBeTruthy();
    expect(screen.queryByText('请填写收货人')).toBeNull();
    expect(create).not.toHaveBeenCalled();

    typeInto('请填写 11 位手机号', '13800138000');
    fireEvent.click(screen.getByText('保存地址'));
    expect(screen.getByText('13800138000')).toBeTruthy();
    expect(useCheckout.getState().address).toEqual(address);
  });

  it('weapp: takes the address from WeChat, asks for notifications, and pays with requestPayment', async () => {
    startCheckout({ remembered: false });
    Taro.chooseAddress.mockResolvedValue({
      userName: '王小明',
      telNumber: '13800138000',
      provinceName: '浙江省',
      cityName: '杭州市',
      countyName: '西湖区',
      detailInfo: '文三路 100 号',
    });
    Taro.requestSubscribeMessage.mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      SET_YOUR_SHIPPED_TEMPLATE_ID: 'accept',
      SET_YOUR_REFUND_TEMPLATE_ID: 'reject',
    });
    create.mockResolvedValueOnce({ ok: true, data: { order } });
    render(<CheckoutPage />);
    await screen.findByText('¥25.80');

    fireEvent.click(screen.getByText('选择微信收货地址'));
    expect(await screen.findByText('13800138000')).toBeTruthy();
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/member/order/index?id=${ORDER_ID}&paid=1` }),
    );
    expect(create.mock.calls[0][0].address).toEqual(address);
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({
      tmplIds: ['SET_YOUR_SHIPPED_TEMPLATE_ID', 'SET_YOUR_REFUND_TEMPLATE_ID'],
    });
    expect(pay).toHaveBeenCalledWith({ orderId: ORDER_ID, notify: { shipped: true, refund: false } });
    expect(Taro.requestPayment).toHaveBeenCalledWith(payResult.payment);
    // Subscribing comes first: WeChat shows its dialog only in answer to the tap.
    expect(Taro.requestSubscribeMessage.mock.invocationCallOrder[0]).toBeLessThan(create.mock.invocationCallOrder[0]);
  });

  it('weapp: a refused subscription still pays, with no notifications', async () => {
    startCheckout();
    Taro.requestSubscribeMessage.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail', errCode: 20001 });
    create.mockResolvedValueOnce({ ok: true, data: { order } });
    render(<CheckoutPage />);
    await screen.findByText('¥25.80');
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(pay).toHaveBeenCalledWith({ orderId: ORDER_ID, notify: { shipped: false, refund: false } });
  });

  it('says there is nothing to check out without a draft', () => {
    render(<CheckoutPage />);
    expect(screen.getByText('没有待结算的商品')).toBeTruthy();
    fireEvent.click(screen.getByText('去购物车'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/cart/index' });
    expect(quote).not.toHaveBeenCalled();
  });
});

describe('checkout page: 积分抵扣', () => {
  const items = [{ productId: 'p1', skuId: 's1', qty: 2 }];
  const offer = { available: 150, maxUsable: 100, perYuan: 100, step: 1, capBp: 5000 };
  const offered: Quote = { ...priced, points: offer };
  const withPoints: Quote = {
    ...offered,
    amounts: { ...priced.amounts, pointsUsed: 100, pointsDiscountFen: 100, payableFen: 3280 },
  };
  const pointsSwitch = () => screen.getByLabelText('使用积分抵扣');
  const payable = () => document.querySelector('.checkout__total-value')?.textContent;
  /** Answers a quote by the points it asks for, as the server does. */
  const quoteByPoints = () =>
    quote.mockImplementation(async (input) => ({ ok: true, data: input.pointsToUse ? withPoints : offered }));

  async function openWithOffer() {
    process.env.TARO_ENV = 'h5';
    startCheckout();
    quoteByPoints();
    render(<CheckoutPage />);
    expect(await screen.findByText('可用 100 积分，抵 ¥1.00')).toBeTruthy();
  }

  it('offers the points, off at first; turned on it prices them in and the order spends them', async () => {
    await openWithOffer();
    expect(pointsSwitch().getAttribute('aria-checked')).toBe('false');
    expect(payable()).toBe('¥33.80');

    fireEvent.click(pointsSwitch());
    expect(await screen.findByText('-¥1.00')).toBeTruthy();
    expect(quote).toHaveBeenLastCalledWith({ items, pointsToUse: 100 });
    expect(pointsSwitch().getAttribute('aria-checked')).toBe('true');
    expect(payable()).toBe('¥32.80');

    const requestId = useCheckout.getState().draft!.requestId;
    create.mockResolvedValueOnce({ ok: true, data: { order } });
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0]).toEqual({ requestId, items, address, pointsToUse: 100 });
  });

  it('turned off again, the order is priced and placed without points', async () => {
    await openWithOffer();
    fireEvent.click(pointsSwitch());
    await screen.findByText('-¥1.00');
    fireEvent.click(pointsSwitch());
    await waitFor(() => expect(screen.queryByText('-¥1.00')).toBeNull());
    expect(quote).toHaveBeenLastCalledWith({ items });
    expect(payable()).toBe('¥33.80');

    create.mockResolvedValueOnce({ ok: true, data: { order } });
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0]).not.toHaveProperty('pointsToUse');
  });

  it('the switch waits while a quote is on its way', async () => {
    await openWithOffer();
    const answer = deferred<Awaited<ReturnType<typeof orderApi.quote>>>();
    quote.mockReturnValueOnce(answer.promise);
    fireEvent.click(pointsSwitch());
    expect(pointsSwitch().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(pointsSwitch());
    expect(quote).toHaveBeenCalledTimes(2);
    await act(async () => answer.resolve({ ok: true, data: withPoints }));
    expect(pointsSwitch().getAttribute('aria-checked')).toBe('true');
    expect(pointsSwitch().getAttribute('aria-disabled')).toBe('false');
  });

  it('says why when the buyer has points this order cannot take', async () => {
    startCheckout();
    quote.mockResolvedValue({ ok: true, data: { ...priced, points: { ...offer, available: 30, maxUsable: 0 } } });
    const { unmount } = render(<CheckoutPage />);
    expect(await screen.findByText('有 30 积分，本单不满足积分抵扣条件')).toBeTruthy();
    expect(screen.queryByLabelText('使用积分抵扣')).toBeNull();
    unmount();

    quote.mockResolvedValue({
      ok: true,
      data: { ...priced, points: { ...offer, available: 30, maxUsable: 0, capBp: 0 } },
    });
    render(<CheckoutPage />);
    expect(await screen.findByText('本店暂不支持积分抵扣')).toBeTruthy();
  });

  it('if create refuses the points: says why, prices without them, places the same request without them', async () => {
    await openWithOffer();
    fireEvent.click(pointsSwitch());
    await screen.findByText('-¥1.00');
    const requestId = useCheckout.getState().draft!.requestId;
    const refusal = '积分不足：当前可用 50 积分';
    create.mockResolvedValueOnce({ ok: false, error: { code: 'points.insufficient', message: refusal } });
    quote.mockImplementation(async (input) => ({
      ok: true,
      data: input.pointsToUse ? withPoints : { ...offered, points: { ...offer, available: 50, maxUsable: 50 } },
    }));

    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '积分抵扣失败',
          content: `${refusal}。已取消积分抵扣，请确认实付金额后重新提交。`,
        }),
      ),
    );
    expect(await screen.findByText(`${refusal}，已取消积分抵扣`)).toBeTruthy();
    expect(quote).toHaveBeenLastCalledWith({ items });
    expect(await screen.findByText('可用 50 积分，抵 ¥0.50')).toBeTruthy();
    expect(pointsSwitch().getAttribute('aria-checked')).toBe('false');
    expect(payable()).toBe('¥33.80');
    expect(pay).not.toHaveBeenCalled();

    // Nothing was placed under the requestId: the checkout places it again, now without points.
    create.mockResolvedValueOnce({ ok: true, data: { order } });
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls[1][0]).toEqual({ requestId, items, address });
  });

  it('when the quote refuses the points (the balance moved), prices without them and says why', async () => {
    await openWithOffer();
    quote.mockResolvedValueOnce({
      ok: false,
      error: { code: 'points.insufficient', message: '积分不足：当前可用 0 积分' },
    });
    quote.mockResolvedValueOnce({ ok: true, data: { ...priced, points: { ...offer, available: 0, maxUsable: 0 } } });
    fireEvent.click(pointsSwitch());
    expect(await screen.findByText('积分不足：当前可用 0 积分，已取消积分抵扣')).toBeTruthy();
    expect(quote).toHaveBeenLastCalledWith({ items });
    expect(screen.queryByLabelText('使用积分抵扣')).toBeNull();
    expect(payable()).toBe('¥33.80');
    expect(screen.queryByText('重新计算')).toBeNull();
  });
});

describe('checkout page: 优惠券', () => {
  const items = [{ productId: 'p1', skuId: 's1', qty: 2 }];
  const memberCoupon = {
    couponId: 'c1',
    thresholdFen: 0,
    scope: 'all' as const,
    validFrom: new Date(2026, 11, 1).toISOString(),
    validTo: new Date(2026, 11, 31, 23).toISOString(),
    status: 'usable' as const,
    claimedAt: new Date(2026, 11, 1).toISOString(),
  };
  const fiveOff: QuoteCoupon = {
    ...memberCoupon,
    id: 'mc5',
    name: '新客立减',
    kind: 'amount_off',
    offFen: 500,
    discountFen: 500,
  };
  const twoOff: QuoteCoupon = {
    ...memberCoupon,
    id: 'mc2',
    name: '店庆券',
    kind: 'amount_off',
    offFen: 200,
    discountFen: 200,
  };
  const tooBig: UnusableCoupon = {
    ...memberCoupon,
    id: 'mc9',
    name: '满百券',
    kind: 'amount_off',
    offFen: 1000,
    thresholdFen: 10000,
    why: '还差 ¥74.20 可用',
  };
  const coupons = { usable: [fiveOff, twoOff], unusable: [tooBig], best: 'mc5' };
  /** Answers a quote by the coupon it asks for, as the server does: absent → the best one. */
  const quoteByCoupon = () =>
    quote.mockImplementation(async (input) => {
      const id = input.couponId === undefined ? 'mc5' : input.couponId;
      const off = id === 'mc5' ? 500 : id === 'mc2' ? 200 : 0;
      const amounts = { ...priced.amounts, couponFen: off, payableFen: 3380 - off };
      return { ok: true, data: { ...priced, amounts, coupons: { ...coupons, applied: id } } };
    });
  const couponRow = () => screen.getByLabelText('选择优惠券');
  const payable = () => document.querySelector('.checkout__total-value')?.textContent;

  async function openWithCoupons() {
    process.env.TARO_ENV = 'h5';
    startCheckout();
    quoteByCoupon();
    render(<CheckoutPage />);
    expect(await screen.findByText('-¥5.00')).toBeTruthy();
  }

  it('the first quote lets the server apply the best coupon; the row shows it and the order spends it', async () => {
    await openWithCoupons();
    expect(quote).toHaveBeenCalledTimes(1);
    expect(quote).toHaveBeenCalledWith({ items });
    expect(quote.mock.calls[0][0]).not.toHaveProperty('couponId');
    expect(screen.getByText('新客立减')).toBeTruthy();
    expect(payable()).toBe('¥28.80');

    const requestId = useCheckout.getState().draft!.requestId;
    create.mockResolvedValueOnce({ ok: true, data: { order } });
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0]).toEqual({ requestId, items, address, couponId: 'mc5' });
  });

  it('the chooser lists usable coupons with their discount and unusable ones greyed with why', async () => {
    await openWithCoupons();
    fireEvent.click(couponRow());
    expect(screen.getByText('选择优惠券')).toBeTruthy();
    expect(screen.getByText('可用优惠券（2）')).toBeTruthy();
    expect(screen.getByText('-¥2.00')).toBeTruthy();
    expect(screen.getByText('本单不可用（1）')).toBeTruthy();
    const why = screen.getByText('还差 ¥74.20 可用');
    expect(why.closest('.coupon-card')?.className).toContain('coupon-card--muted');
    // An unusable coupon cannot be chosen.
    fireEvent.click(screen.getByText('满百券'));
    expect(quote).toHaveBeenCalledTimes(1);
    expect(screen.getByText('已选').closest('.coupon-card')?.textContent).toContain('新客立减');
  });

  it('switching re-quotes with that coupon, dropping with null; the order is placed with the applied one', async () => {
    await openWithCoupons();
    fireEvent.click(couponRow());
    fireEvent.click(screen.getByText('店庆券'));
    expect(await screen.findByText('-¥2.00')).toBeTruthy();
    expect(quote).toHaveBeenLastCalledWith({ items, couponId: 'mc2' });
    expect(screen.queryByText('选择优惠券')).toBeNull();
    expect(payable()).toBe('¥31.80');

    fireEvent.click(couponRow());
    fireEvent.click(screen.getByText('不使用优惠券'));
    await waitFor(() => expect(quote).toHaveBeenLastCalledWith({ items, couponId: null }));
    await waitFor(() => expect(payable()).toBe('¥33.80'));
    expect(screen.getByText('2 张可用')).toBeTruthy();

    create.mockResolvedValueOnce({ ok: true, data: { order } });
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0]).not.toHaveProperty('couponId');
  });

  it('keeps the chosen coupon when 积分抵扣 is turned on', async () => {
    await openWithCoupons();
    quote.mockImplementation(async (input) => {
      const off = input.couponId === 'mc2' ? 200 : 500;
      const used = input.pointsToUse ?? 0;
      const amounts = {
        ...priced.amounts,
        couponFen: off,
        pointsUsed: used,
        pointsDiscountFen: used,
        payableFen: 3380 - off - used,
      };
      const points = { available: 150, maxUsable: 100, perYuan: 100, step: 1, capBp: 5000 };
      const applied = input.couponId ?? 'mc5';
      return { ok: true, data: { ...priced, amounts, points, coupons: { ...coupons, applied } } };
    });
    fireEvent.click(couponRow());
    fireEvent.click(screen.getByText('店庆券'));
    await screen.findByText('-¥2.00');
    fireEvent.click(screen.getByLabelText('使用积分抵扣'));
    await waitFor(() => expect(quote).toHaveBeenLastCalledWith({ items, pointsToUse: 100, couponId: 'mc2' }));
    await waitFor(() => expect(payable()).toBe('¥30.80'));
  });

  it('if create refuses the coupon: says why, lets the server pick again, and places the order anew', async () => {
    await openWithCoupons();
    fireEvent.click(couponRow());
    fireEvent.click(screen.getByText('店庆券'));
    await screen.findByText('-¥2.00');
    const refusal = '优惠券已被使用';
    create.mockResolvedValueOnce({
      ok: false,
      // The coupon function's refusals are `coupon.*` codes.
      error: { code: 'coupon.used' as ErrorCode, message: refusal },
    });
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '优惠券不可用',
          content: `${refusal}。已重新选择优惠券，请确认实付金额后重新提交。`,
        }),
      ),
    );
    expect(await screen.findByText(`${refusal}，已为你重新选择优惠券`)).toBeTruthy();
    expect(quote).toHaveBeenLastCalledWith({ items });
    expect(await screen.findByText('-¥5.00')).toBeTruthy();
    expect(pay).not.toHaveBeenCalled();

    // Nothing was placed under the requestId: the same request goes again with the coupon now applied.
    const requestId = useCheckout.getState().draft!.requestId;
    create.mockResolvedValueOnce({ ok: true, data: { order } });
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls[1][0]).toEqual({ requestId, items, address, couponId: 'mc5' });
  });

  it('a chosen coupon the quote refuses is dropped for the server’s pick, with why', async () => {
    await openWithCoupons();
    quote.mockResolvedValueOnce({ ok: false, error: { code: 'coupon.expired' as ErrorCode, message: '优惠券已过期' } });
    fireEvent.click(couponRow());
    fireEvent.click(screen.getByText('店庆券'));
    expect(await screen.findByText('优惠券已过期，已为你重新选择优惠券')).toBeTruthy();
    expect(quote).toHaveBeenLastCalledWith({ items });
    expect(screen.queryByText('重新计算')).toBeNull();
  });
});
