import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { simulateWechatRefund } from '../../api/dev-refund';
import { orderApi } from '../../api/order';
import type { Order } from '../../../cloudfunctions/contracts/order';
import { COURIERS } from '../../../cloudfunctions/contracts/limits';
import { makeOrder } from '../shared/test-orders';
import { mockedTaro, taroPage } from '../../test-utils/taro-mock';
import OwnerOrderPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({ orderApi: { ownerGet: jest.fn(), ship: jest.fn() } }));
jest.mock('../../api/dev-refund', () => ({ simulateWechatRefund: jest.fn() }));

const Taro = mockedTaro();
const ownerGet = orderApi.ownerGet as jest.MockedFunction<typeof orderApi.ownerGet>;
const ship = orderApi.ship as jest.MockedFunction<typeof orderApi.ship>;
const devRefund = simulateWechatRefund as jest.MockedFunction<typeof simulateWechatRefund>;
const ORDER_ID = 'YJ20261123ABCD0001';
const buyer = { nickname: '小王同学', shareCode: 'BOB234' };
const refunding = (extra: Partial<NonNullable<Order['refund']>> = {}): Partial<Order> => ({
  status: 'refunding',
  refund: { reason: '不想要了', requestedAt: '2026-11-23T07:00:00.000Z', refundFen: 30780, ...extra },
});

function nativeField(placeholder: string): HTMLInputElement | HTMLTextAreaElement {
  const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`,
  );
  if (!el) throw new Error(`no field "${placeholder}"`);
  return el;
}
/** Types into Taro's web Input/Textarea, whose native field appears once the web component has rendered. */
async function type(placeholder: string, value: string) {
  const field = await waitFor(() => nativeField(placeholder), { timeout: 5000 });
  fireEvent.input(field, { target: { value } });
}

/** A quick pick of the ship form (the picker's open list names the same couriers). */
function chip(name: string): Element {
  const found = [...document.querySelectorAll('.owner-sheet__chip')].find((e) => e.textContent?.trim() === name);
  if (!found) throw new Error(`no courier chip "${name}"`);
  return found;
}

/** What the picker's 确定 sends: the index of the chosen courier in its range (COURIERS). */
function pickCourier(index: number) {
  const picker = document.querySelector('taro-picker-core');
  if (!picker) throw new Error('no courier picker');
  act(() => void fireEvent(picker, new CustomEvent('change', { detail: { value: index } })));
}

async function openOrder(overrides: Partial<Order>) {
  ownerGet.mockResolvedValueOnce({ ok: true, data: { order: makeOrder(overrides), buyer } });
  render(<OwnerOrderPage />);
  await screen.findByText('收货信息');
}

beforeEach(() => {
  taroPage.params = { id: ORDER_ID };
  for (const m of [ownerGet, ship, devRefund, Taro.showModal, Taro.showToast, Taro.setClipboardData, Taro.switchTab])
    m.mockReset();
  Taro.showToast.mockResolvedValue(undefined);
  Taro.setClipboardData.mockResolvedValue(undefined);
  delete process.env.TARO_ENV;
});

describe('owner order page', () => {
  it('shows the buyer, the address with a copyable phone, the lines, the amounts and the timeline', async () => {
    await openOrder({ commands: ['ship'], note: '请周末送货' });
    expect(ownerGet).toHaveBeenCalledWith({ orderId: ORDER_ID });
    expect(screen.getByText('买家：小王同学')).toBeTruthy();
    expect(screen.getByText('王小波')).toBeTruthy();
    expect(screen.getByText('浙江省 杭州市 西湖区 文三路 100 号 2 单元 301')).toBeTruthy();
    expect(screen.getByText('买家留言：请周末送货')).toBeTruthy();
    expect(screen.getByText('勐海普洱茶饼 357g')).toBeTruthy();
    expect(screen.getByText('¥69.90 ×2')).toBeTruthy();
    expect(screen.getByText('¥139.80')).toBeTruthy();
    expect(screen.getAllByText('¥307.80').length).toBe(2); // goods and payable
    expect(screen.getByText('包邮')).toBeTruthy();
    expect(screen.getByText('已付款')).toBeTruthy();
    expect(screen.getByText('微信支付')).toBeTruthy();
    expect(screen.getByText('买家已付款，请尽快发货')).toBeTruthy();
    fireEvent.click(screen.getByText('复制手机号'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13800138000' });
  });

  it('marks a line whose product is no longer sold with 已下架', async () => {
    const [puer, rice] = makeOrder().items;
    await openOrder({ items: [puer, { ...rice, offSale: true }] });
    expect(screen.getByText('生茶 单饼')).toBeTruthy();
    expect(screen.getByText('5kg 袋装 · 已下架')).toBeTruthy();
  });

  it('shows what the order’s coupon took off, by its name', async () => {
    const amounts = { ...makeOrder().amounts, couponFen: 1000, payableFen: 29780 };
    await openOrder({ amounts, coupon: { id: 'mc1', name: '店庆满减' } });
    expect(screen.getByText('优惠券（店庆满减）')).toBeTruthy();
    expect(screen.getByText('-¥10.00')).toBeTruthy();
    expect(screen.getByText('¥297.80')).toBeTruthy();
  });

  it('shows no coupon row for an order without one', async () => {
    await openOrder({});
    expect(screen.queryByText(/^优惠券/)).toBeNull();
  });

  it('shows what needs the owner’s attention as a banner', async () => {
    await openOrder({ attention: { latePayment: true, stockShort: false } });
    expect(screen.getByText('支付晚于自动取消到账')).toBeTruthy();
    expect(screen.queryByText('库存不足，需补货或退款')).toBeNull();
  });

  it('shows buttons only from the order’s commands', async () => {
    await openOrder({ status: 'paid', commands: [] });
    expect(screen.queryByText('发货')).toBeNull();
    expect(screen.queryByText('同意退款')).toBeNull();
    expect(screen.queryByText('拒绝退款')).toBeNull();
  });

  it('lists the order’s after-sale cases, each opening its case page, and what was refunded', async () => {
    await openOrder({
      status: 'shipped',
      refundedFen: 6990,
      afterSales: [
        {
          id: `${ORDER_ID}S2`,
          orderId: ORDER_ID,
          type: 'return_refund',
          status: 'returning',
          refundFen: 6990,
          createdAt: '2026-11-25T07:00:00.000Z',
          title: '五常稻花香大米 5kg',
          image: '/img/rice.png',
          units: 1,
        },
        {
          id: `${ORDER_ID}S1`,
          orderId: ORDER_ID,
          type: 'refund_only',
          status: 'refunded',
          refundFen: 6990,
          createdAt: '2026-11-24T07:00:00.000Z',
          title: '五常稻花香大米 5kg',
          image: '/img/rice.png',
          units: 1,
        },
      ],
    });
    expect(screen.getByText('¥69.90 · 退货中 ›')).toBeTruthy();
    expect(screen.getByText('¥69.90 · 已退款 ›')).toBeTruthy();
    expect(screen.getByText('已退款')).toBeTruthy();
    fireEvent.click(screen.getByText('退货退款'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/owner/aftersale/index?id=${ORDER_ID}S2` });
    // Deciding a case happens on its page, not here.
    expect(screen.queryByText('同意退款')).toBeNull();
    expect(screen.queryByText('拒绝退款')).toBeNull();
  });

  it('ship form: checks both fields, confirms, ships with the courier code and trimmed number, shows it', async () => {
    await openOrder({ commands: ['ship'] });
    fireEvent.click(screen.getByText('发货'));
    fireEvent.click(screen.getByText('确认发货'));
    expect(screen.getByText('请选择快递公司')).toBeTruthy();
    expect(screen.getByText('运单号为 6-32 位字母、数字或短横线')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();

    fireEvent.click(chip('顺丰速运'));
    await type('请输入运单号', 'SF 12');
    fireEvent.click(screen.getByText('确认发货'));
    expect(screen.queryByText('请选择快递公司')).toBeNull();
    expect(screen.getByText('运单号为 6-32 位字母、数字或短横线')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();

    // A courier outside the quick picks, from the picker (its 确定 sends the index of COURIERS); cancelled first.
    pickCourier(COURIERS.findIndex((c) => c.code === 'EMS'));
    expect(await screen.findByText('快递公司：EMS')).toBeTruthy();
    await type('请输入运单号', '  EM7788990011 ');
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await act(async () => void fireEvent.click(screen.getByText('确认发货')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认发货', content: expect.stringContaining('EMS，运单号 EM7788990011') }),
    );
    expect(ship).not.toHaveBeenCalled();

    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    const shipped = makeOrder({
      status: 'shipped',
      shippedAt: '2026-11-23T08:00:00.000Z',
      shipping: { carrier: 'EMS', courier: 'EMS', trackingNo: 'EM7788990011' },
      shippingSync: { status: 'synced', at: '2026-11-23T08:00:01.000Z' },
      commands: [],
    });
    ship.mockResolvedValueOnce({ ok: true, data: { order: shipped } });
    await act(async () => void fireEvent.click(screen.getByText('确认发货')));
    expect(ship).toHaveBeenCalledWith({ orderId: ORDER_ID, courier: 'EMS', trackingNo: 'EM7788990011' });
    expect(await screen.findByText('待收货(已发货)')).toBeTruthy();
    expect(screen.getByText('EM7788990011')).toBeTruthy();
    expect(screen.getByText('已同步微信')).toBeTruthy();
    expect(screen.queryByText('填写发货信息')).toBeNull();
    expect(screen.queryByText('发货')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已发货', icon: 'success' });
  });

  it('a quick pick then the picker: the last choice wins and the chip no longer shows as chosen', async () => {
    await openOrder({ commands: ['ship'] });
    fireEvent.click(screen.getByText('发货'));
    fireEvent.click(chip('中通快递'));
    expect(chip('中通快递').className).toContain('owner-sheet__chip--active');
    expect(screen.getByText('快递公司：中通快递')).toBeTruthy();
    pickCourier(COURIERS.findIndex((c) => c.code === 'DBL'));
    expect(await screen.findByText('快递公司：德邦快递')).toBeTruthy();
    expect(chip('中通快递').className).not.toContain('owner-sheet__chip--active');
    await type('请输入运单号', 'DPK123456789');
    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    ship.mockResolvedValueOnce({ ok: true, data: { order: makeOrder({ status: 'shipped', commands: [] }) } });
    await act(async () => void fireEvent.click(screen.getByText('确认发货')));
    expect(ship).toHaveBeenCalledWith({ orderId: ORDER_ID, courier: 'DBL', trackingNo: 'DPK123456789' });
  });

  describe('the shipped order says whether its shipping info reached WeChat', () => {
    const shippedWith = (shippingSync?: Order['shippingSync']): Partial<Order> => ({
      status: 'shipped',
      shippedAt: '2026-11-23T08:00:00.000Z',
      shipping: { carrier: '顺丰速运', courier: 'SF', trackingNo: 'SF1234567890' },
      ...(shippingSync ? { shippingSync } : {}),
    });
    const at = '2026-11-23T08:00:01.000Z';

    it.each([
      [{ status: 'synced', at } as const, '已同步微信'],
      [{ status: 'failed', error: '-1 system error', at } as const, '同步失败（-1 system error）'],
      [{ status: 'not_joined', error: '48001 api unauthorized', at } as const, '未开通发货信息管理服务'],
      [{ status: 'off', at } as const, '已关闭上传'],
      [{ status: 'pending', at } as const, '同步中'],
    ])('%j → %s', async (sync, label) => {
      await openOrder(shippedWith(sync));
      expect(screen.getByText('微信发货信息')).toBeTruthy();
      expect(screen.getByText(label)).toBeTruthy();
    });

    it('an order shipped before the upload existed shows no such row', async () => {
      await openOrder(shippedWith());
      expect(screen.getByText('SF1234567890')).toBeTruthy();
      expect(screen.queryByText('微信发货信息')).toBeNull();
    });
  });

  it('keeps the ship button disabled while the request runs', async () => {
    await openOrder({ commands: ['ship'] });
    fireEvent.click(screen.getByText('发货'));
    fireEvent.click(chip('圆通速递'));
    await type('请输入运单号', 'YT123456789');
    let answer: (v: Awaited<ReturnType<typeof orderApi.ship>>) => void = () => undefined;
    ship.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    Taro.showModal.mockResolvedValue({ confirm: true, cancel: false });
    await act(async () => void fireEvent.click(screen.getByText('确认发货')));
    expect(screen.getByText('提交中…')).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByText('提交中…')));
    expect(ship).toHaveBeenCalledTimes(1);
    expect(Taro.showModal).toHaveBeenCalledTimes(1);

    // Refused because someone else changed the order: the message, and the order loaded again.
    ownerGet.mockResolvedValueOnce({
      ok: true,
      data: { order: makeOrder({ status: 'cancelled', commands: [] }), buyer },
    });
    await act(async () =>
      answer({ ok: false, error: { code: 'order.invalid_transition', message: '当前订单状态不支持该操作' } }),
    );
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '当前订单状态不支持该操作', icon: 'none' });
    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(ownerGet).toHaveBeenCalledTimes(2);
  });

  it('in h5 the shop’s own refund (of a late payment) can be completed by the simulator', async () => {
    process.env.TARO_ENV = 'h5';
    await openOrder({
      ...refunding({ approvedAt: '2026-11-23T09:00:00.000Z', outRefundNo: 'RYJ20261123ABCD0001' }),
      commands: [],
    });
    expect(screen.getByText('已同意退款，等待微信支付退款到账')).toBeTruthy();
    devRefund.mockResolvedValueOnce({ ok: true, data: null });
    ownerGet.mockResolvedValueOnce({
      ok: true,
      data: {
        order: makeOrder({
          ...refunding({
            approvedAt: '2026-11-23T09:00:00.000Z',
            outRefundNo: 'RYJ20261123ABCD0001',
            refundedAt: '2026-11-23T09:01:00.000Z',
          }),
          status: 'refunded',
        }),
        buyer,
      },
    });
    await act(async () => void fireEvent.click(screen.getByText('模拟微信退款到账')));
    expect(devRefund).toHaveBeenCalledWith('RYJ20261123ABCD0001');
    expect(await screen.findByText('已退款')).toBeTruthy();
    expect(screen.queryByText('模拟微信退款到账')).toBeNull();
  });

  it('never shows the refund simulator outside the h5 build', async () => {
    await openOrder({
      ...refunding({ approvedAt: '2026-11-23T09:00:00.000Z', outRefundNo: 'RYJ20261123ABCD0001' }),
      commands: [],
    });
    expect(screen.getByText('已同意退款，等待微信支付退款到账')).toBeTruthy();
    expect(screen.queryByText('模拟微信退款到账')).toBeNull();
  });

  it('tells a non-owner that only the owner can see it', async () => {
    ownerGet.mockResolvedValueOnce({ ok: false, error: { code: 'auth.not_owner', message: '仅店主可以操作' } });
    render(<OwnerOrderPage />);
    expect(await screen.findByText('仅店主可以查看')).toBeTruthy();
  });

  it('says an unknown order does not exist, and a failed load can be retried', async () => {
    ownerGet.mockResolvedValueOnce({ ok: false, error: { code: 'order.not_found', message: '订单不存在' } });
    const { unmount } = render(<OwnerOrderPage />);
    expect(await screen.findByText('返回订单列表')).toBeTruthy();
    unmount();

    ownerGet.mockResolvedValueOnce({ ok: false, error: { code: 'network', message: '网络异常，请稍后重试' } });
    render(<OwnerOrderPage />);
    expect(await screen.findByText('网络异常，请稍后重试')).toBeTruthy();
    ownerGet.mockResolvedValueOnce({ ok: true, data: { order: makeOrder(), buyer } });
    fireEvent.click(screen.getByText('重新加载'));
    await waitFor(() => expect(screen.getByText('收货信息')).toBeTruthy());
  });
});
