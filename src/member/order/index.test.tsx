import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { orderApi } from '../../api/order';
import { devPay } from '../../api/dev-pay';
import type { BuyAgainLine, Order, OrderCommand, OrderStatus } from '../../../cloudfunctions/contracts/order';
import { useCart } from '../../stores/cart';
import { useSession } from '../../stores/session';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import OrderPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({
  orderApi: { get: jest.fn(), pay: jest.fn(), cancel: jest.fn(), confirmReceipt: jest.fn(), buyAgain: jest.fn() },
}));
jest.mock('../../api/dev-pay', () => ({ devPay: jest.fn() }));

const Taro = mockedTaro();
const api = orderApi as jest.Mocked<typeof orderApi>;
const mockedDevPay = devPay as jest.MockedFunction<typeof devPay>;

const ID = 'YJ7K3M9Q2W4E6R8T1Y';
const initialSession = useSession.getState();
const initialCart = useCart.getState();
// Built from local fields so the expectations hold in any time zone the tests run in.
const local = (mo: number, d: number, h: number, mi: number) => new Date(2026, mo - 1, d, h, mi).toISOString();

function order(status: OrderStatus, commands: OrderCommand[], extra: Partial<Order> = {}): Order {
  return {
    id: ID,
    status,
    items: [
      {
        productId: 'p1',
        skuId: 's1',
        title: '云南古树红茶',
        spec: '200g 罐装',
        image: '/img/p1.png',
        priceFen: 1290,
        qty: 2,
        lineFen: 2580,
      },
    ],
    amounts: { goodsFen: 2580, couponFen: 0, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: 800, payableFen: 3380 },
    address: { name: '王小明', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '文三路 100 号' },
    createdAt: local(1, 5, 9, 3),
    payBefore: new Date(Date.now() + 20 * 60 * 1000).toISOString(),
    timeline: [{ at: local(1, 5, 9, 3), label: '已下单' }],
    commands,
    afterSales: [],
    refundedFen: 0,
    ...extra,
  };
}
const got = (o: Order) => ({ ok: true as const, data: { order: o } });

beforeEach(() => {
  resetTaroMock();
  taroPage.params = { id: ID };
  for (const fn of Object.values(api)) fn.mockReset();
  mockedDevPay.mockReset().mockResolvedValue({ ok: true, data: null });
  delete process.env.TARO_ENV;
  useSession.setState(initialSession, true);
  useCart.setState(initialCart, true);
});

async function open(o: Order) {
  api.get.mockResolvedValueOnce(got(o));
  render(<OrderPage />);
  await screen.findByText('云南古树红茶');
}

const buttons = () => Array.from(document.querySelectorAll('.order__action')).map((b) => b.textContent);

describe('order page', () => {
  it('shows the status, address, lines, amounts, parcel and what happened when', async () => {
    await open(
      order('shipped', ['confirmReceipt', 'applyAfterSale'], {
        paidAt: local(1, 5, 9, 10),
        shipping: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
        autoConfirmAt: local(1, 15, 10, 0),
        note: '请用礼盒包装',
        timeline: [
          { at: local(1, 5, 9, 3), label: '已下单' },
          { at: local(1, 5, 9, 10), label: '已付款' },
          { at: local(1, 6, 14, 30), label: '已发货', detail: '顺丰速运 SF1234567890' },
        ],
      }),
    );
    expect(api.get).toHaveBeenCalledWith({ orderId: ID });
    expect(screen.getByText('待收货')).toBeTruthy();
    expect(screen.getByText('商品已发出，1月15日 10:00 将自动确认收货')).toBeTruthy();
    expect(screen.getByText('王小明')).toBeTruthy();
    expect(screen.getByText('浙江省 杭州市 西湖区 文三路 100 号')).toBeTruthy();
    expect(screen.getByText('×2')).toBeTruthy();
    expect(screen.getByText('¥25.80')).toBeTruthy();
    expect(screen.getByText('¥8.00')).toBeTruthy();
    expect(screen.getByText('¥33.80')).toBeTruthy();
    expect(screen.getByText('请用礼盒包装')).toBeTruthy();
    expect(screen.getByText('1月6日 14:30')).toBeTruthy();
    expect(screen.getByText('顺丰速运 SF1234567890')).toBeTruthy();
    // Newest first.
    expect(Array.from(document.querySelectorAll('.timeline__label')).map((n) => n.textContent)).toEqual([
      '已发货',
      '已付款',
      '已下单',
    ]);

    fireEvent.click(screen.getAllByText('复制')[0]);
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'SF1234567890' });
  });

  it('shows the points the order spent', async () => {
    await open(
      order('paid', [], {
        amounts: {
          goodsFen: 2580,
          couponFen: 0,
          pointsUsed: 100,
          pointsDiscountFen: 100,
          shippingFen: 800,
          payableFen: 3280,
        },
      }),
    );
    expect(screen.getByText('积分抵扣（100 积分）')).toBeTruthy();
    expect(screen.getByText('-¥1.00')).toBeTruthy();
    expect(screen.getByText('¥32.80')).toBeTruthy();
  });

  it('shows what the order’s coupon took off, by its name, before the points', async () => {
    await open(
      order('paid', [], {
        amounts: {
          goodsFen: 2580,
          couponFen: 500,
          pointsUsed: 100,
          pointsDiscountFen: 100,
          shippingFen: 800,
          payableFen: 2780,
        },
        coupon: { id: 'mc1', name: '新客立减' },
      }),
    );
    expect(screen.getByText('优惠券（新客立减）')).toBeTruthy();
    expect(screen.getByText('-¥5.00')).toBeTruthy();
    expect(screen.getByText('¥27.80')).toBeTruthy();
  });

  it('shows no coupon row for an order without one', async () => {
    await open(order('paid', []));
    expect(screen.queryByText(/^优惠券/)).toBeNull();
  });

  it('says 已下架 on a line whose product is no longer sold, and still opens its page', async () => {
    const base = order('completed', []);
    await open({ ...base, items: [{ ...base.items[0], offSale: true }] });
    expect(screen.getByText('200g 罐装 · 已下架')).toBeTruthy();
    fireEvent.click(screen.getByText('云南古树红茶'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: expect.stringContaining('id=p1') });
  });

  it('shows no points row for an order that spent none', async () => {
    await open(order('paid', []));
    expect(screen.queryByText(/积分抵扣/)).toBeNull();
  });

  it('shows exactly the buttons of `commands`, whatever the status', async () => {
    await open(order('pending_payment', ['pay', 'cancel', 'ship']));
    expect(buttons()).toEqual(['取消订单', '去支付']);
    expect(screen.getByText(/^请在 \d{2}:\d{2} 前付款/)).toBeTruthy();
    expect(screen.getByText(/^剩余 \d{2}:\d{2}$/)).toBeTruthy();
  });

  it('shows no buttons when the order has no commands for the buyer', async () => {
    await open(order('shipped', []));
    expect(buttons()).toEqual([]);
    expect(screen.queryByText('确认收货')).toBeNull();
  });

  it('asks before cancelling, then shows the cancelled order', async () => {
    await open(order('pending_payment', ['pay', 'cancel']));
    taroPage.confirm = false;
    await act(async () => fireEvent.click(screen.getByText('取消订单')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '取消订单', content: '确定取消这笔订单吗？' }),
    );
    expect(api.cancel).not.toHaveBeenCalled();

    taroPage.confirm = true;
    api.cancel.mockResolvedValueOnce(got(order('cancelled', [], { cancelledAt: local(1, 5, 9, 20) })));
    await act(async () => fireEvent.click(screen.getByText('取消订单')));
    expect(api.cancel).toHaveBeenCalledWith({ orderId: ID });
    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(buttons()).toEqual(['再来一单']);
  });

  it('says why an action failed and keeps the order as it was', async () => {
    await open(order('pending_payment', ['pay', 'cancel']));
    api.cancel.mockResolvedValueOnce({
      ok: false,
      error: { code: 'order.invalid_transition', message: '当前订单状态不支持该操作' },
    });
    await act(async () => fireEvent.click(screen.getByText('取消订单')));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '当前订单状态不支持该操作', icon: 'none' }),
    );
    expect(screen.getByText('待付款')).toBeTruthy();
  });

  it('asks before confirming receipt, then shows the completed order', async () => {
    await open(order('shipped', ['confirmReceipt']));
    api.confirmReceipt.mockResolvedValueOnce(got(order('completed', ['applyAfterSale'])));
    await act(async () => fireEvent.click(screen.getByText('确认收货')));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认收货' }));
    expect(api.confirmReceipt).toHaveBeenCalledWith({ orderId: ID });
    expect(await screen.findByText('已完成')).toBeTruthy();
    expect(buttons()).toEqual(['申请售后', '再来一单']);
  });

  it('申请售后 shows only when the order offers it, and opens the after-sale form of this order', async () => {
    await open(order('shipped', ['confirmReceipt']));
    expect(screen.queryByText('申请售后')).toBeNull();
    cleanup();
    await open(order('shipped', ['confirmReceipt', 'applyAfterSale']));
    expect(buttons()).toEqual(['申请售后', '确认收货']);
    fireEvent.click(screen.getByText('申请售后'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/member/aftersale-apply/index?orderId=${ID}` });
  });

  it('lists the order’s after-sale cases with their status, each opening its case, and what was refunded', async () => {
    await open(
      order('shipped', ['confirmReceipt'], {
        refundedFen: 1290,
        afterSales: [
          {
            id: `${ID}S2`,
            orderId: ID,
            type: 'return_refund',
            status: 'awaiting_return',
            refundFen: 1290,
            createdAt: local(1, 8, 10, 0),
            title: '云南古树红茶',
            image: '/img/p1.png',
            units: 1,
          },
          {
            id: `${ID}S1`,
            orderId: ID,
            type: 'refund_only',
            status: 'refunded',
            refundFen: 1290,
            createdAt: local(1, 7, 10, 0),
            title: '云南古树红茶',
            image: '/img/p1.png',
            units: 1,
          },
        ],
      }),
    );
    expect(screen.getByText('售后记录')).toBeTruthy();
    expect(screen.getByText('退货退款 ¥12.90')).toBeTruthy();
    expect(screen.getByText('待寄回')).toBeTruthy();
    expect(screen.getByText('仅退款 ¥12.90')).toBeTruthy();
    // The first case's status, and the order's refunded amount under what was paid.
    expect(screen.getAllByText('已退款')).toHaveLength(2);
    const refunded = Array.from(document.querySelectorAll('.order__row')).find((r) =>
      r.textContent?.startsWith('已退款'),
    );
    expect(refunded?.textContent).toBe('已退款¥12.90');
    fireEvent.click(screen.getByText('退货退款 ¥12.90'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/member/aftersale/index?id=${ID}S2` });
  });

  it('shows no refunded row and no cases for an order without any', async () => {
    await open(order('completed', []));
    expect(screen.queryByText('售后记录')).toBeNull();
    expect(screen.queryByText('已退款')).toBeNull();
  });

  it('联系客服 (h5) shows the shop’s service contacts', async () => {
    useSession.setState({ status: 'ready', service: { phone: '13900001111', wechatId: '' } });
    await open(order('paid', []));
    fireEvent.click(screen.getByText('联系客服'));
    expect(screen.getByText('13900001111')).toBeTruthy();
    expect(screen.getByText('拨打')).toBeTruthy();
  });

  it('h5: 去支付 opens the pay sheet; once paid the order is loaded again', async () => {
    process.env.TARO_ENV = 'h5';
    await open(order('pending_payment', ['pay', 'cancel']));
    api.pay.mockResolvedValueOnce({
      ok: true,
      data: {
        orderId: ID,
        outTradeNo: ID,
        payableFen: 3380,
        payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' },
      },
    });
    fireEvent.click(screen.getByText('去支付'));
    expect(await screen.findByText('微信支付（本地模拟）')).toBeTruthy();
    expect(api.pay).toHaveBeenCalledWith({ orderId: ID });
    expect(screen.getAllByText('¥33.80').length).toBeGreaterThan(1);

    api.get.mockResolvedValueOnce(got(order('paid', ['applyAfterSale'], { paidAt: local(1, 5, 9, 10) })));
    fireEvent.click(screen.getByText('确认支付'));
    expect(await screen.findByText('待发货')).toBeTruthy();
    expect(mockedDevPay).toHaveBeenCalledWith(ID);
    expect(api.get).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('微信支付（本地模拟）')).toBeNull();
    expect(buttons()).toEqual(['申请售后']);
  });

  it('says the order does not exist for a malformed id, without asking the server', async () => {
    taroPage.params = { id: 'nope' };
    render(<OrderPage />);
    expect(screen.getByText('订单不存在')).toBeTruthy();
    expect(api.get).not.toHaveBeenCalled();
  });

  it('shows an error with a retry', async () => {
    api.get.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<OrderPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    api.get.mockResolvedValueOnce(got(order('paid', [])));
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('待发货')).toBeTruthy();
  });
});

describe('reviews from the order page', () => {
  it('a completed order offers 评价 on lines not yet reviewed and says 已评价 on the others', async () => {
    const two = order('completed', ['applyAfterSale'], {
      items: [
        {
          productId: 'p1',
          skuId: 's1',
          title: '云南古树红茶',
          spec: '200g 罐装',
          image: '/img/p1.png',
          priceFen: 1290,
          qty: 2,
          lineFen: 2580,
        },
        {
          productId: 'p2',
          skuId: 's2',
          title: '秦岭土蜂蜜',
          spec: '500g',
          image: '/img/p2.png',
          priceFen: 6800,
          qty: 1,
          lineFen: 6800,
        },
      ],
      reviewedSkus: ['s2'],
    });
    await open(two);
    expect(screen.getAllByText('评价')).toHaveLength(1);
    expect(screen.getAllByText('已评价')).toHaveLength(1);
    fireEvent.click(screen.getByText('评价'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/member/review/index?orderId=${ID}&skuId=s1` });
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1); // not the product page underneath
  });

  it('a refunded order offers no new review, but its reviewed lines open the buyer’s own review', async () => {
    const two = order('refunded', [], {
      items: [
        {
          productId: 'p1',
          skuId: 's1',
          title: '云南古树红茶',
          spec: '200g 罐装',
          image: '/img/p1.png',
          priceFen: 1290,
          qty: 2,
          lineFen: 2580,
        },
        {
          productId: 'p2',
          skuId: 's2',
          title: '秦岭土蜂蜜',
          spec: '500g',
          image: '/img/p2.png',
          priceFen: 6800,
          qty: 1,
          lineFen: 6800,
        },
      ],
      reviewedSkus: ['s2'],
    });
    await open(two);
    expect(screen.queryByText('评价')).toBeNull();
    fireEvent.click(screen.getByText('已评价'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/member/review/index?orderId=${ID}&skuId=s2` });
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
  });

  it('orders not completed offer no review', async () => {
    await open(order('shipped', ['confirmReceipt']));
    expect(screen.queryByText('评价')).toBeNull();
  });

  it('coming back to the page reads the order again', async () => {
    await open(order('completed', [], { reviewedSkus: [] }));
    api.get.mockResolvedValueOnce(got(order('completed', [], { reviewedSkus: ['s1'] })));
    act(() => taroPage.didShow?.());
    act(() => taroPage.didShow?.());
    await screen.findByText('已评价');
  });
});

describe('再来一单', () => {
  const line = (skuId: string, title: string, extra: Partial<BuyAgainLine> = {}): BuyAgainLine => ({
    productId: `p-${skuId}`,
    skuId,
    title,
    spec: '500g',
    image: `/img/${skuId}.png`,
    qty: 2,
    priceFen: 1500,
    paidPriceFen: 1290,
    stock: 10,
    status: 'ok',
    ...extra,
  });
  const cartLines = () => useCart.getState().lines.map((l) => [l.skuId, l.qty, l.priceFen]);

  it('is offered on completed and cancelled orders only', async () => {
    for (const status of ['pending_payment', 'paid', 'shipped', 'refunding', 'refunded'] as const) {
      await open(order(status, []));
      expect([status, screen.queryByText('再来一单')]).toEqual([status, null]);
      cleanup();
    }
    for (const status of ['completed', 'cancelled'] as const) {
      await open(order(status, []));
      expect([status, buttons()]).toEqual([status, ['再来一单']]);
      cleanup();
    }
  });

  it("puts every line in the cart at today's price and opens the cart, no modal when all were there", async () => {
    await open(order('completed', []));
    api.buyAgain.mockResolvedValueOnce({
      ok: true,
      data: { lines: [line('s1', '红茶'), line('s2', '蜂蜜', { qty: 1 })] },
    });
    await act(async () => fireEvent.click(screen.getByText('再来一单')));
    expect(api.buyAgain).toHaveBeenCalledWith({ orderId: ID });
    expect(cartLines()).toEqual([
      ['s1', 2, 1500],
      ['s2', 1, 1500],
    ]);
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/cart/index' });
  });

  it('adds only the available lines (a short one with what is left), says the rest, then opens the cart', async () => {
    await open(order('completed', []));
    api.buyAgain.mockResolvedValueOnce({
      ok: true,
      data: {
        lines: [
          line('s1', '红茶'),
          line('s2', '蜂蜜', { status: 'sold_out', stock: 0 }),
          line('s3', '大米', { status: 'off_sale', priceFen: 0, stock: 0 }),
          line('s4', '龙井', { status: 'short', qty: 5, stock: 3 }),
        ],
      },
    });
    await act(async () => fireEvent.click(screen.getByText('再来一单')));
    expect(cartLines()).toEqual([
      ['s1', 2, 1500],
      ['s4', 3, 1500],
    ]);
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        content: '2 件商品已下架或售罄，1 件商品库存不足，已按现有库存加入，其余已加入购物车',
        showCancel: false,
      }),
    );
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/cart/index' });
    // The modal came first.
    expect(Taro.showModal.mock.invocationCallOrder[0]).toBeLessThan(Taro.switchTab.mock.invocationCallOrder[0]);
  });

  it('adds nothing and stays when nothing is available', async () => {
    await open(order('cancelled', []));
    api.buyAgain.mockResolvedValueOnce({
      ok: true,
      data: {
        lines: [line('s2', '蜂蜜', { status: 'sold_out', stock: 0 }), line('s3', '大米', { status: 'off_sale' })],
      },
    });
    await act(async () => fireEvent.click(screen.getByText('再来一单')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '订单中的商品都已下架或售罄，暂时无法再次购买' }),
    );
    expect(useCart.getState().lines).toEqual([]);
    expect(Taro.switchTab).not.toHaveBeenCalled();
  });

  it('says why when the shop refuses, and adds nothing', async () => {
    await open(order('completed', []));
    api.buyAgain.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    await act(async () => fireEvent.click(screen.getByText('再来一单')));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络异常，请稍后重试', icon: 'none' });
    expect(useCart.getState().lines).toEqual([]);
    expect(Taro.switchTab).not.toHaveBeenCalled();
  });
});

describe('order page: a group order (拼团)', () => {
  const grouped = (status: OrderStatus) =>
    order(status, [], {
      group: { groupBuyId: 'gb1', groupId: 'g_alice' },
      items: [{ ...order('paid', []).items[0], priceFen: 990, qty: 1, lineFen: 990, campaign: 'group_buy' }],
    });

  it('待成团: says so, tags the line 拼团价, and 邀请好友 opens its group', async () => {
    await open(grouped('grouping'));
    expect(screen.getByText('待成团')).toBeTruthy();
    expect(screen.getByText('拼团价')).toBeTruthy();
    fireEvent.click(screen.getByText('邀请好友'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/campaign/group/index?id=g_alice' });
  });

  it('after the group formed or failed: 查看拼团', async () => {
    await open(grouped('refunded'));
    expect(screen.queryByText('邀请好友')).toBeNull();
    fireEvent.click(screen.getByText('查看拼团'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/campaign/group/index?id=g_alice' });
  });

  it('a flash-sale line is tagged 秒杀价; an order of no group has no group card', async () => {
    await open(order('paid', [], { items: [{ ...order('paid', []).items[0], campaign: 'flash_sale' }] }));
    expect(screen.getByText('秒杀价')).toBeTruthy();
    expect(screen.queryByText('拼团订单')).toBeNull();
  });
});
