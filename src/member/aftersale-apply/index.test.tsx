import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { orderApi } from '../../api/order';
import { shopApi } from '../../api/shop';
import { uploadFile } from '../../api/storage';
import type { AfterSaleQuote, Order } from '../../../cloudfunctions/contracts/order';
import { field, typeInto } from '../../owner/shared/test-fields';
import { useSession } from '../../stores/session';
import { NO_SERVICE } from '../../test-utils/fixtures';
import { mockedTaro, resetTaroMock, taroPage } from '../../test-utils/taro-mock';
import AfterSaleApplyPage from './index';

jest.mock('@tarojs/taro', () => require('../../test-utils/taro-mock').taroMock());
jest.mock('../../api/order', () => ({
  orderApi: { get: jest.fn(), quoteAfterSale: jest.fn(), applyAfterSale: jest.fn() },
}));
jest.mock('../../api/shop', () => ({ shopApi: { session: jest.fn() } }));
jest.mock('../../api/storage', () => ({
  uploadFile: jest.fn(),
  cloudPathFor: (folder: string, p: string) => `${folder}/${p.split('/').pop()}`,
}));

const Taro = mockedTaro();
const api = orderApi as jest.Mocked<typeof orderApi>;
const upload = uploadFile as jest.Mock;
const session = shopApi.session as jest.Mock;
const bob = {
  id: 'u-bob',
  openid: 'dev_bob',
  shareCode: 'K7M2QX',
  nickname: '小博',
  isOwner: false,
  isMember: true,
  points: { available: 0, pending: 0 },
};

const ID = 'YJ7K3M9Q2W4E6R8T1Y';
const order = (extra: Partial<Order> = {}): Order => ({
  id: ID,
  status: 'shipped',
  items: [
    {
      productId: 'p1',
      skuId: 'tea',
      title: '云南古树红茶',
      spec: '200g 罐装',
      image: '/img/p1.png',
      priceFen: 1290,
      qty: 2,
      lineFen: 2580,
    },
    {
      productId: 'p2',
      skuId: 'honey',
      title: '秦岭土蜂蜜',
      spec: '500g',
      image: '/img/p2.png',
      priceFen: 6800,
      qty: 1,
      lineFen: 6800,
    },
  ],
  amounts: { goodsFen: 9380, couponFen: 0, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: 800, payableFen: 10180 },
  address: { name: '王小明', phone: '13800138000', region: '浙江省 杭州市', detail: '文三路 100 号' },
  createdAt: '2026-01-05T01:00:00.000Z',
  payBefore: '2026-01-05T01:30:00.000Z',
  shippedAt: '2026-01-06T01:00:00.000Z',
  timeline: [],
  commands: ['confirmReceipt', 'applyAfterSale'],
  afterSales: [],
  refundedFen: 0,
  ...extra,
});
const quote = (maxFen: number, extra: Partial<AfterSaleQuote> = {}) => ({
  ok: true as const,
  data: {
    maxFen,
    includesShipping: false,
    returnAllowed: true,
    lines: [
      { skuId: 'tea', qtyLeft: 2 },
      { skuId: 'honey', qtyLeft: 1 },
    ],
    ...extra,
  },
});

beforeEach(() => {
  resetTaroMock();
  taroPage.params = { orderId: ID };
  for (const fn of Object.values(api)) fn.mockReset();
  upload.mockReset();
  session.mockReset().mockResolvedValue({ ok: true, data: { user: bob, binding: null, service: NO_SERVICE } });
  useSession.setState({ user: null, binding: null, service: null, status: 'idle', error: null });
});

/** Opens the form; `first` answers the first quote, `more` the ones after it. */
async function open(o: Order, first = quote(9380), ...more: Array<ReturnType<typeof quote>>) {
  api.get.mockResolvedValueOnce({ ok: true, data: { order: o } });
  for (const answer of [first, ...more]) api.quoteAfterSale.mockResolvedValueOnce(answer);
  render(<AfterSaleApplyPage />);
  await screen.findByText('云南古树红茶');
}
const amountField = () => field('退款金额') as Promise<HTMLInputElement>;
const plus = (i: number) => screen.getAllByLabelText('增加')[i];
const minus = (i: number) => screen.getAllByLabelText('减少')[i];
/** Picks a reason as the buyer does in the picker (its change event carries the index). */
function pickReason(index: number) {
  const picker = document.querySelector('taro-picker-core');
  if (!picker) throw new Error('no picker');
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: index } }));
  });
}

describe('申请售后', () => {
  it('asks for every unit first, and prefills the amount with the most those units may get back', async () => {
    await open(order());
    expect(api.quoteAfterSale).toHaveBeenCalledWith({
      orderId: ID,
      lines: [
        { skuId: 'tea', qty: 2 },
        { skuId: 'honey', qty: 1 },
      ],
    });
    expect((await amountField()).value).toBe('93.80');
    expect(screen.getByText('最多可退 ¥93.80')).toBeTruthy();
    expect(screen.getByText('仅退款')).toBeTruthy();
    expect(screen.getByText('退货退款')).toBeTruthy();
  });

  it('before shipping offers no return, and says the maximum includes shipping', async () => {
    await open(
      order({ status: 'paid', shippedAt: undefined }),
      quote(10180, { returnAllowed: false, includesShipping: true }),
    );
    expect(screen.queryByText('退货退款')).toBeNull();
    expect(screen.getByText('商品未发货，可申请仅退款，按实付金额全额退款')).toBeTruthy();
    expect(screen.getByText('最多可退 ¥101.80，含运费')).toBeTruthy();
    const amount = await amountField();
    expect(amount.value).toBe('101.80');
    expect(amount.disabled).toBe(true);
  });

  it('quantities stay within what is left; a change asks the maximum again and the amount follows', async () => {
    await open(
      order(),
      quote(1290, {
        lines: [
          { skuId: 'tea', qtyLeft: 1 },
          { skuId: 'honey', qtyLeft: 0 },
        ],
      }),
      quote(1290),
    );
    // Honey was refunded already: only the tea is offered, one unit of it; the first answer asked for more than
    // that, so the units left are asked again.
    expect(screen.queryByText('秦岭土蜂蜜')).toBeNull();
    expect(screen.getByText('200g 罐装 · 可申请 1 件')).toBeTruthy();
    await waitFor(() => expect(api.quoteAfterSale).toHaveBeenCalledTimes(2));
    expect(api.quoteAfterSale).toHaveBeenLastCalledWith({ orderId: ID, lines: [{ skuId: 'tea', qty: 1 }] });
    expect((await amountField()).value).toBe('12.90');
    expect(screen.getByText('1')).toBeTruthy();

    fireEvent.click(plus(0));
    expect(screen.getByText('1')).toBeTruthy();
    expect(api.quoteAfterSale).toHaveBeenCalledTimes(2);

    fireEvent.click(minus(0));
    expect(screen.getByText('0')).toBeTruthy();
    expect(screen.getByText('请选择要售后的商品')).toBeTruthy();
    expect((await amountField()).value).toBe('');
  });

  it('re-quotes when a line changes and keeps only the latest answer', async () => {
    await open(order());
    let late: (v: ReturnType<typeof quote>) => void = () => undefined;
    api.quoteAfterSale.mockImplementationOnce(() => new Promise((resolve) => (late = resolve)));
    fireEvent.click(minus(0));
    expect(screen.getByText('正在计算可退金额…')).toBeTruthy();
    api.quoteAfterSale.mockResolvedValueOnce(quote(6800));
    await act(async () => fireEvent.click(minus(0)));
    expect(api.quoteAfterSale).toHaveBeenLastCalledWith({ orderId: ID, lines: [{ skuId: 'honey', qty: 1 }] });
    expect(await screen.findByText('最多可退 ¥68.00')).toBeTruthy();
    await act(async () => late(quote(8090)));
    expect(screen.getByText('最多可退 ¥68.00')).toBeTruthy();
    expect((await amountField()).value).toBe('68.00');
  });

  it('blocks an amount above the maximum, and a missing reason, before asking anything', async () => {
    await open(order());
    await typeInto('退款金额', '93.81');
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(screen.getByText('退款金额不能超过 ¥93.80')).toBeTruthy();
    await typeInto('退款金额', '0');
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(screen.getByText('退款金额需大于 0')).toBeTruthy();
    await typeInto('退款金额', '50');
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(screen.getByText('请选择售后原因')).toBeTruthy();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(api.applyAfterSale).not.toHaveBeenCalled();
  });

  it('uploads photos into aftersales/<openid>/, confirms, sends the case and opens it', async () => {
    await open(order());
    Taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:a/1.jpg', 'blob:a/2.jpg'] });
    upload.mockImplementation(async (path: string) => ({ ok: true, data: { fileID: `cloud://e.b/${path}` } }));
    fireEvent.click(screen.getByText('上传凭证 0/6'));
    await screen.findByText('上传凭证 2/6');
    expect(upload.mock.calls.map((c) => c[0])).toEqual(['aftersales/dev_bob/1.jpg', 'aftersales/dev_bob/2.jpg']);

    fireEvent.click(screen.getByText('退货退款'));
    expect(screen.getByRole('radio', { name: '退货退款' }).getAttribute('aria-checked')).toBe('true');
    await typeInto('退款金额', '12.9');
    pickReason(2);
    expect(document.querySelector('.apply__picked')?.textContent).toBe('质量问题');
    await typeInto('补充描述，有助于商家更快处理（选填）', '  茶叶受潮结块  ');

    api.applyAfterSale.mockResolvedValueOnce({ ok: true, data: { afterSale: { id: `${ID}S1` } as never } });
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '提交售后申请', content: expect.stringContaining('退货退款，退款 ¥12.90') }),
    );
    expect(api.applyAfterSale).toHaveBeenCalledWith({
      orderId: ID,
      type: 'return_refund',
      lines: [
        { skuId: 'tea', qty: 2 },
        { skuId: 'honey', qty: 1 },
      ],
      refundFen: 1290,
      reason: '质量问题',
      description: '茶叶受潮结块',
      photos: ['cloud://e.b/aftersales/dev_bob/1.jpg', 'cloud://e.b/aftersales/dev_bob/2.jpg'],
    });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/member/aftersale/index?id=${ID}S1` }));
  });

  it('sends nothing when the buyer thinks again, and shows the server’s refusal', async () => {
    await open(order());
    pickReason(0);
    taroPage.confirm = false;
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(api.applyAfterSale).not.toHaveBeenCalled();
    taroPage.confirm = true;
    api.applyAfterSale.mockResolvedValueOnce({
      ok: false,
      error: { code: 'afterSale.open_exists', message: '这笔订单已有进行中的售后' },
    });
    await act(async () => fireEvent.click(screen.getByText('提交申请')));
    expect(api.applyAfterSale).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'refund_only', refundFen: 9380, reason: '不想要了' }),
    );
    expect(screen.getByText('这笔订单已有进行中的售后')).toBeTruthy();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('an order with units refunded already: one unit of a line is asked, then everything left', async () => {
    const refused = {
      ok: false as const,
      error: { code: 'afterSale.lines_invalid' as const, message: '售后商品或数量有误' },
    };
    const left = [
      { skuId: 'tea', qtyLeft: 0 },
      { skuId: 'honey', qtyLeft: 1 },
    ];
    api.get.mockResolvedValueOnce({ ok: true, data: { order: order({ refundedFen: 2580 }) } });
    api.quoteAfterSale
      .mockResolvedValueOnce(refused) // every unit
      .mockResolvedValueOnce(refused) // one tea: none left
      .mockResolvedValueOnce(quote(6800, { lines: left })) // one honey
      .mockResolvedValueOnce(quote(6800, { lines: left })); // everything left
    render(<AfterSaleApplyPage />);
    expect(await screen.findByText('500g · 可申请 1 件')).toBeTruthy();
    expect(screen.queryByText('云南古树红茶')).toBeNull();
    await waitFor(() => expect(api.quoteAfterSale).toHaveBeenCalledTimes(4));
    expect(api.quoteAfterSale.mock.calls.map(([input]) => input.lines)).toEqual([
      [
        { skuId: 'tea', qty: 2 },
        { skuId: 'honey', qty: 1 },
      ],
      [{ skuId: 'tea', qty: 1 }],
      [{ skuId: 'honey', qty: 1 }],
      [{ skuId: 'honey', qty: 1 }],
    ]);
    expect((await amountField()).value).toBe('68.00');
  });

  it('an order that cannot open a case says so', async () => {
    api.get.mockResolvedValueOnce({ ok: true, data: { order: order({ commands: ['confirmReceipt'] }) } });
    render(<AfterSaleApplyPage />);
    expect(await screen.findByText('这笔订单现在不能申请售后')).toBeTruthy();
    expect(api.quoteAfterSale).not.toHaveBeenCalled();
  });
});
