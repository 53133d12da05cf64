// WeChat Pay's callbacks into the `payment` function, played by the emulator's pay simulator: repeated, out of
// order, with a wrong amount, forged by a client, late (after the order was cancelled); and the subscribe
// messages a buyer allowed when paying.
import { sdkFor } from '../emulator/harness';
import { MINUTE, line, useShop } from './order-kit';

const shop = useShop();

const APPLE = line('aksu-apple', 'aksu-apple-1'); // 3990 fen
const GOJI = line('ningxia-goji', 'ningxia-goji-1'); // 4580 fen

const labels = (order: { timeline: Array<{ label: string }> }) => order.timeline.map((e) => e.label);

test('a callback delivered twice pays the order once', async () => {
  const order = await shop.placed('alice', [APPLE]);
  const { outTradeNo } = await shop.startPay('alice', order.id);
  const { answers } = await shop.simulatePay(outTradeNo, { deliveries: 2 });
  // "Handled or already handled": both deliveries are acknowledged, so WeChat stops retrying.
  expect(answers).toEqual([
    { errcode: 0, errmsg: '' },
    { errcode: 0, errmsg: '' },
  ]);
  const paid = await shop.get('alice', order.id);
  expect(paid.status).toBe('paid');
  expect(labels(paid).filter((l) => l === '已付款')).toHaveLength(1);
  const stored = await shop.orderDoc(order.id);
  expect(stored.timeline.filter((e: { label: string }) => e.label === '已付款')).toHaveLength(1);
});

test("callbacks out of order: the second order's result first, then the first's", async () => {
  const first = await shop.placed('bob', [APPLE]);
  const second = await shop.placed('bob', [GOJI]);
  const payFirst = await shop.startPay('bob', first.id);
  const paySecond = await shop.startPay('bob', second.id);
  expect((await shop.simulatePay(paySecond.outTradeNo)).answers[0]).toMatchObject({ errcode: 0 });
  expect((await shop.get('bob', first.id)).status).toBe('pending_payment');
  expect((await shop.get('bob', second.id)).status).toBe('paid');
  expect((await shop.simulatePay(payFirst.outTradeNo)).answers[0]).toMatchObject({ errcode: 0 });
  const [a, b] = [await shop.get('bob', first.id), await shop.get('bob', second.id)];
  expect([a.status, b.status]).toEqual(['paid', 'paid']);
  expect([labels(a).filter((l) => l === '已付款'), labels(b).filter((l) => l === '已付款')]).toEqual([
    ['已付款'],
    ['已付款'],
  ]);
  const { payments } = await shop.payments();
  expect(payments.filter((p) => [first.id, second.id].includes(p.outTradeNo)).map((p) => p.status)).toEqual([
    'paid',
    'paid',
  ]);
});

test('a notification with a wrong amount is refused, the order stays unpaid; the true one then pays it', async () => {
  const order = await shop.placed('carol', [APPLE]);
  const { outTradeNo, payableFen } = await shop.startPay('carol', order.id);
  const before = await shop.orderDoc(order.id);
  for (const totalFee of [payableFen - 1, 1, payableFen + 1]) {
    const { answers } = await shop.simulatePay(outTradeNo, { totalFee });
    expect(answers).toHaveLength(1);
    expect(answers[0]).toEqual(expect.objectContaining({ errcode: expect.any(Number) }));
    expect(answers[0].errcode).not.toBe(0);
    expect(await shop.orderDoc(order.id)).toEqual(before);
  }
  expect((await shop.payments()).payments.find((p) => p.outTradeNo === outTradeNo)).toMatchObject({
    status: 'pending',
  });
  // WeChat retries with the real notification: that one is honoured.
  expect((await shop.simulatePay(outTradeNo)).answers[0]).toMatchObject({ errcode: 0 });
  expect((await shop.get('carol', order.id)).status).toBe('paid');
});

test('a callback forged by a client (gateway) or from outside WeChat Pay (SDK): refused, changes nothing', async () => {
  const order = await shop.placed('dave', [APPLE]);
  const { outTradeNo } = await shop.startPay('dave', order.id);
  const payment = (await shop.payments()).payments.find((p) => p.outTradeNo === outTradeNo);
  // As convincing as a forgery gets: every field of WeChat Pay's notification, with the true amount and payer.
  const forged = {
    returnCode: 'SUCCESS',
    appid: 'wx0000000000emulate',
    mchId: '1900000000',
    subAppid: payment.appid,
    subMchId: payment.subMchId,
    nonceStr: 'b5f1c0a8e2d94f7a9c3e1d2f4a6b8c0d',
    resultCode: 'SUCCESS',
    openid: 'oSPforgedforgedforgedforged',
    isSubscribe: 'N',
    subOpenid: 'dev_dave',
    subIsSubscribe: 'N',
    tradeType: 'JSAPI',
    bankType: 'OTHERS',
    totalFee: payment.totalFee,
    feeType: 'CNY',
    cashFee: payment.totalFee,
    transactionId: '4200000000202611230000000000',
    outTradeNo,
    timeEnd: '20261123120000',
  };
  const refundForged = {
    ...forged,
    reqInfo: {
      outTradeNo,
      outRefundNo: 'R1',
      refundStatus: 'SUCCESS',
      totalFee: payment.totalFee,
      refundFee: payment.totalFee,
    },
  };
  const before = await shop.state();
  for (const body of [forged, { ...forged, action: 'pay' }, refundForged]) {
    const result = await shop.call('dave', 'payment', body);
    expect(result).toEqual(expect.objectContaining({ errcode: expect.any(Number) }));
    expect(result.errcode).not.toBe(0);
  }
  const viaSdk = await sdkFor(shop.emu).callFunction({ name: 'payment', data: forged });
  expect(viaSdk.result).toEqual(expect.objectContaining({ errcode: expect.any(Number) }));
  expect(viaSdk.result.errcode).not.toBe(0);
  expect(await shop.state()).toEqual(before);
  expect((await shop.get('dave', order.id)).status).toBe('pending_payment');
});

test('paid after the order was cancelled as unpaid: honoured, stock taken again, flagged latePayment', async () => {
  const stockBefore = await shop.stock('ningxia-goji', 'ningxia-goji-1');
  const order = await shop.placed('erin', [{ ...GOJI, qty: 2 }]);
  const { outTradeNo } = await shop.startPay('erin', order.id);
  await shop.advance(31 * MINUTE);
  await shop.runScheduler();
  expect((await shop.get('erin', order.id)).status).toBe('cancelled');
  expect(await shop.stock('ningxia-goji', 'ningxia-goji-1')).toBe(stockBefore);

  const { answers } = await shop.simulatePay(outTradeNo);
  expect(answers).toEqual([{ errcode: 0, errmsg: '' }]);
  const paid = await shop.get('erin', order.id);
  expect(paid).toMatchObject({
    status: 'paid',
    paidAt: expect.any(String),
    attention: { latePayment: true, stockShort: false },
  });
  expect(await shop.stock('ningxia-goji', 'ningxia-goji-1')).toBe(stockBefore - 2);
  // The owner sees it to ship.
  const { items } = await shop.ok('owner', 'ownerList', { view: 'to_ship' });
  expect(items.find((o: { id: string }) => o.id === order.id)).toMatchObject({ attention: { latePayment: true } });
});

test('paid after cancellation with the stock sold meanwhile: still paid (never lost), flagged stockShort', async () => {
  const [last] = await shop.makeProduct('lastone', [{ stock: 1, priceFen: 2500 }]);
  const order = await shop.placed('frank', [last]);
  const { outTradeNo } = await shop.startPay('frank', order.id);
  await shop.advance(31 * MINUTE);
  await shop.runScheduler();
  expect((await shop.get('frank', order.id)).status).toBe('cancelled');
  expect(await shop.stock('lastone', 'lastone-1')).toBe(1);
  const other = await shop.placed('grace', [last]);
  expect(await shop.stock('lastone', 'lastone-1')).toBe(0);

  // Delivered twice: the second delivery finds it handled.
  const { answers } = await shop.simulatePay(outTradeNo, { deliveries: 2 });
  expect(answers).toEqual([
    { errcode: 0, errmsg: '' },
    { errcode: 0, errmsg: '' },
  ]);
  const paid = await shop.get('frank', order.id);
  expect(paid).toMatchObject({ status: 'paid', attention: { latePayment: true, stockShort: true } });
  expect(labels(paid).filter((l) => l === '已付款')).toHaveLength(1);
  expect(await shop.stock('lastone', 'lastone-1')).toBe(0);
  expect((await shop.get('grace', other.id)).status).toBe('pending_payment');
});

describe('subscribe messages', () => {
  const to = async (openid: string) => (await shop.outbox()).filter((m) => m.touser === openid);

  test('a buyer who allowed the shipping message gets it when the order ships', async () => {
    const order = await shop.paid('henry', [APPLE], { shipped: true, refund: true });
    expect(await to('dev_henry')).toEqual([]);
    await shop.ship(order.id);
    const messages = await to('dev_henry');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      api: 'subscribeMessage.send',
      touser: 'dev_henry',
      templateId: expect.any(String),
    });
  });

  test('without permission, nothing is sent', async () => {
    const order = await shop.paid('iris', [APPLE]);
    await shop.ship(order.id);
    expect(await to('dev_iris')).toEqual([]);
  });
});
