// The checkout of a group order (拼团): the group from the page's query into quote and create, the line at 拼团价, no
// coupon, and what the page does when the group or the activity refuses the order.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { campaignApi } from '../../api/campaign';
import { devPay } from '../../api/dev-pay';
import { orderApi } from '../../api/order';
import type { Order, PayResult, Quote } from '../../../cloudfunctions/contracts/order';
import { useCheckout, type CheckoutLine } from '../../stores/checkout';
import { makeGroup, makeLive, member } from '../../test-utils/campaign';
import { makeMemberCoupon } from '../../test-utils/coupons';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import CheckoutPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({ orderApi: { quote: jest.fn(), create: jest.fn(), pay: jest.fn() } }));
jest.mock('../../api/dev-pay', () => ({ devPay: jest.fn() }));
jest.mock('../../api/campaign', () => ({ campaignApi: { groupBuy: jest.fn() } }));

const Taro = mockedTaro();
const quote = orderApi.quote as jest.MockedFunction<typeof orderApi.quote>;
const create = orderApi.create as jest.MockedFunction<typeof orderApi.create>;
const pay = orderApi.pay as jest.MockedFunction<typeof orderApi.pay>;
const groupBuy = campaignApi.groupBuy as jest.MockedFunction<typeof campaignApi.groupBuy>;
const mockedDevPay = devPay as jest.MockedFunction<typeof devPay>;

const line: CheckoutLine = {
  productId: 'p1',
  skuId: 's1',
  qty: 1,
  title: '云南古树红茶',
  spec: '200g 罐装',
  image: '/img/p1.png',
  priceFen: 990,
};
const items = [{ productId: 'p1', skuId: 's1', qty: 1 }];
const address = { name: '王小明', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '文三路 100 号' };
const ORDER_ID = 'YJ7K3M9Q2W4E6R8T1Y';

// The server's quote of a group order: the line at the group price, and coupons it would not apply anyway.
const priced: Quote = {
  items: [{ ...line, lineFen: 990, campaign: 'group_buy' }],
  amounts: { goodsFen: 990, couponFen: 0, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: 800, payableFen: 1790 },
  coupons: {
    usable: [],
    unusable: [{ ...makeMemberCoupon(), why: '不适用于拼团价' }],
    best: null,
    applied: null,
  },
  freeShippingFromFen: 9900,
  points: { available: 0, maxUsable: 0, perYuan: 100, step: 1, capBp: 5000 },
};
const order = { id: ORDER_ID, status: 'pending_payment', items: priced.items, amounts: priced.amounts } as Order;
const payResult: PayResult = {
  orderId: ORDER_ID,
  outTradeNo: ORDER_ID,
  payableFen: 1790,
  payment: { timeStamp: '1767225600', nonceStr: 'n0nce', package: 'prepay_id=wx123', signType: 'RSA', paySign: 'sig' },
};
const initialCheckout = useCheckout.getState();
const modal = (n = -1) => (Taro.showModal.mock.calls.at(n) as [Record<string, unknown>] | undefined)?.[0];

beforeEach(() => {
  resetTaroMock();
  quote.mockReset().mockResolvedValue({ ok: true, data: priced });
  create.mockReset();
  pay.mockReset().mockResolvedValue({ ok: true, data: payResult });
  groupBuy.mockReset();
  mockedDevPay.mockReset().mockResolvedValue({ ok: true, data: null });
  useCheckout.setState(initialCheckout, true);
  useCheckout.getState().start([line], 'buy_now');
  useCheckout.getState().rememberAddress(address);
  taroPage.params = { groupBuyId: 'gb1', groupId: 'g_alice' };
  process.env.TARO_ENV = 'h5';
});

afterEach(() => {
  delete process.env.TARO_ENV;
});

async function openCheckout() {
  render(<CheckoutPage />);
  expect(await screen.findByText('¥17.90', { selector: '.checkout__total-value' })).toBeTruthy();
}

const full = {
  ok: false as const,
  error: { code: 'group.full' as const, message: '这个团已满员，可以参加其他团或自己开团' },
};

describe('checkout of a group order', () => {
  it('quotes and places the order with its group, shows 拼团价 and no coupon row, then pays', async () => {
    create.mockResolvedValueOnce({ ok: true, data: { order } });
    await openCheckout();
    expect(quote).toHaveBeenCalledWith({ items, groupBuy: { groupBuyId: 'gb1', groupId: 'g_alice' } });
    expect(screen.getByText('拼团价')).toBeTruthy();
    expect(screen.queryByText('优惠券')).toBeNull();

    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0]).toEqual({
      requestId: useCheckout.getState().draft!.requestId,
      items,
      address,
      groupBuy: { groupBuyId: 'gb1', groupId: 'g_alice' },
    });
    fireEvent.click(await screen.findByText('确认支付'));
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/member/order/index?id=${ORDER_ID}&paid=1` }),
    );
  });

  it('starts a group when the link has no groupId', async () => {
    taroPage.params = { groupBuyId: 'gb1' };
    await openCheckout();
    expect(quote).toHaveBeenCalledWith({ items, groupBuy: { groupBuyId: 'gb1' } });
  });

  it('shows the group price with its tag before the quote arrives', async () => {
    quote.mockReturnValue(new Promise(() => undefined));
    render(<CheckoutPage />);
    expect(screen.getByText('拼团价')).toBeTruthy();
    expect(screen.getByText('¥9.90')).toBeTruthy();
    expect(screen.getByText('正在计算价格…')).toBeTruthy();
  });

  it('on group.full offers another open group, read afresh, and orders in it under a new requestId', async () => {
    const first = useCheckout.getState().draft!.requestId;
    create.mockResolvedValueOnce(full).mockResolvedValueOnce({ ok: true, data: { order } });
    groupBuy.mockResolvedValue({
      ok: true,
      data: {
        live: makeLive({
          openGroups: [
            makeGroup(),
            makeGroup({ id: 'g_mine', mine: { orderId: 'YJ1', paid: true } }),
            makeGroup({ id: 'g_carol', members: [member('carol', { leader: true })], slotsLeft: 2 }),
          ],
        }),
      },
    });
    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    await openCheckout();
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(groupBuy).toHaveBeenCalledWith({ productId: 'p1' }));
    await waitFor(() => expect(modal()).toMatchObject({ title: '这个团已满员', confirmText: '参加这个团' }));
    expect(modal()!.content).toBe('carol 的团还差 2 人，可以参加这个团，或自己开团');
    await waitFor(() =>
      expect(quote).toHaveBeenLastCalledWith({ items, groupBuy: { groupBuyId: 'gb1', groupId: 'g_carol' } }),
    );
    const second = useCheckout.getState().draft!.requestId;
    expect(second).not.toBe(first);

    await screen.findByText('提交订单');
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls[1][0]).toMatchObject({
      requestId: second,
      groupBuy: { groupBuyId: 'gb1', groupId: 'g_carol' },
    });
  });

  it('on group.full the buyer may start a group of their own instead', async () => {
    create.mockResolvedValueOnce(full);
    groupBuy.mockResolvedValue({
      ok: true,
      data: { live: makeLive({ openGroups: [makeGroup(), makeGroup({ id: 'g_bob', slotsLeft: 1 })] }) },
    });
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await openCheckout();
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(modal()).toMatchObject({ cancelText: '自己开团' }));
    await waitFor(() => expect(quote).toHaveBeenLastCalledWith({ items, groupBuy: { groupBuyId: 'gb1' } }));
  });

  it('on group.full with no other group open offers 自己开团, and 再想想 changes nothing', async () => {
    create.mockResolvedValue(full);
    groupBuy.mockResolvedValue({ ok: true, data: { live: makeLive({ openGroups: [makeGroup()] }) } });
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await openCheckout();
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() =>
      expect(modal()).toMatchObject({
        title: '这个团已满员',
        content: '暂时没有其他可参加的团，可以自己开团，邀请好友一起拼',
        confirmText: '自己开团',
        cancelText: '再想想',
      }),
    );
    await act(async () => undefined);
    expect(quote).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(quote).toHaveBeenLastCalledWith({ items, groupBuy: { groupBuyId: 'gb1' } }));
  });

  it('a group found full by the quote is explained at once', async () => {
    quote.mockResolvedValueOnce(full);
    groupBuy.mockResolvedValue({ ok: true, data: { live: makeLive({ openGroups: [] }) } });
    render(<CheckoutPage />);
    await waitFor(() => expect(modal()).toMatchObject({ title: '这个团已满员', confirmText: '自己开团' }));
    await waitFor(() => expect(quote).toHaveBeenLastCalledWith({ items, groupBuy: { groupBuyId: 'gb1' } }));
    expect(await screen.findByText('¥17.90', { selector: '.checkout__total-value' })).toBeTruthy();
  });

  it('a quote refused by the activity shows why with 重新计算, and asks nothing else', async () => {
    const limit = { code: 'campaign.limit_reached' as const, message: '已达到这个活动的每人限购数量' };
    quote.mockResolvedValue({ ok: false, error: limit });
    render(<CheckoutPage />);
    expect(await screen.findByText('已达到这个活动的每人限购数量')).toBeTruthy();
    await act(async () => undefined);
    expect(quote).toHaveBeenCalledTimes(1);
    expect(Taro.showModal).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('重新计算'));
    await waitFor(() => expect(quote).toHaveBeenCalledTimes(2));
    expect(Taro.showModal).not.toHaveBeenCalled();
  });

  it('when the activity has ended meanwhile, says so and goes back', async () => {
    create.mockResolvedValueOnce(full);
    groupBuy.mockResolvedValue({ ok: true, data: { live: null } });
    await openCheckout();
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(modal()).toMatchObject({ title: '拼团已结束', showCancel: false }));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  it('a group the buyer is already in leads to it', async () => {
    create.mockResolvedValueOnce({ ok: false, error: { code: 'group.joined', message: '你已经在这个团里了' } });
    await openCheckout();
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() => expect(modal()).toMatchObject({ content: '你已经在这个团里了', confirmText: '查看拼团' }));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/campaign/group/index?id=g_alice' }));
    expect(pay).not.toHaveBeenCalled();
  });

  it('an ended group offers a group of the buyer’s own', async () => {
    create.mockResolvedValueOnce({ ok: false, error: { code: 'group.closed', message: '这个团已结束' } });
    await openCheckout();
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() =>
      expect(modal()).toMatchObject({ content: '这个团已结束，可以自己开团，邀请好友一起拼', confirmText: '自己开团' }),
    );
    await waitFor(() => expect(quote).toHaveBeenLastCalledWith({ items, groupBuy: { groupBuyId: 'gb1' } }));
  });

  it('the activity’s limits are said and the order priced again; a rush is a toast to retry', async () => {
    create
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'campaign.limit_reached', message: '已达到这个活动的每人限购数量' },
      })
      .mockResolvedValueOnce({ ok: false, error: { code: 'campaign.busy', message: '抢购人数较多，请稍后重试' } });
    await openCheckout();
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() =>
      expect(modal()).toMatchObject({ title: '无法下单', content: '已达到这个活动的每人限购数量', showCancel: false }),
    );
    await waitFor(() => expect(quote).toHaveBeenCalledTimes(2));
    await screen.findByText('提交订单');
    fireEvent.click(screen.getByText('提交订单'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '抢购人数较多，请稍后重试', icon: 'none' }),
    );
    expect(Taro.showModal).toHaveBeenCalledTimes(1);
    expect(groupBuy).not.toHaveBeenCalled();
  });

  it('a malformed group link places nothing', async () => {
    taroPage.params = { groupBuyId: 'gb1', groupId: 'g/../x' };
    render(<CheckoutPage />);
    expect(screen.getByText('拼团链接有误')).toBeTruthy();
    expect(quote).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('返回'));
    expect(Taro.navigateBack).toHaveBeenCalled();
  });
});
