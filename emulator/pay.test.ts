// cloudPay through the real wx-server-sdk against the emulator: orders, the pay simulator and its callbacks, refunds.
// Fixture functions: `paystart` places an order for its caller with callback `paycb`, which records every delivery.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  guardLoopback,
  devSession,
  get,
  post,
  sdkFor,
  startEmulator,
  TEST_ENV,
  type RunningEmulator,
} from '../tests/emulator/harness';

interface PayAnswer {
  returnCode: string;
  returnMsg?: string;
  resultCode?: string;
  errCode: number;
  errCodeDes?: string;
  errMsg: string;
  [key: string]: unknown;
}
interface Cloud {
  cloudPay: Record<string, (input: Record<string, unknown>) => Promise<PayAnswer>>;
  database(): { collection(name: string): any; createCollection(name: string): Promise<unknown> };
}

let dir: string;
let emu: RunningEmulator;
let cloud: Cloud;

beforeAll(async () => {
  guardLoopback();
  dir = await mkdtemp(path.join(os.tmpdir(), 'yj-pay-'));
  emu = await startEmulator({ data: path.join(dir, 'data') });
  cloud = sdkFor(emu) as Cloud;
  await cloud.database().createCollection('paycb');
});

afterAll(async () => {
  await emu.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Calls a fixture function as a signed-in dev user, the way the h5 build does. */
async function callAs(as: string, fn: string, data: unknown) {
  const token = await devSession(emu, as);
  const res = await post(emu, `/api/functions/${fn}`, data, { authorization: `Bearer ${token}` });
  expect(res.status).toBe(200);
  return res.json.result as PayAnswer;
}

const payments = async () => (await get(emu, '/__dev/payments')).json as { payments: any[]; refunds: any[] };
const deliveriesOf = async (outTradeNo: string) =>
  (await cloud.database().collection('paycb').get()).data.filter(
    (d: any) => (d.event.outTradeNo ?? d.event.reqInfo?.outTradeNo) === outTradeNo,
  );

/** A refund applied for from outside any function, as an admin script would. */
const applyRefund = (outTradeNo: string, outRefundNo: string, refundFee: number, totalFee = 1290) =>
  cloud.cloudPay.refund({
    subMchId: '1900000109',
    nonceStr: 'n1',
    outTradeNo,
    outRefundNo,
    totalFee,
    refundFee,
    envId: TEST_ENV,
    functionName: 'paycb',
  });

test('unifiedOrder from a user-invoked function answers what wx.requestPayment needs, records the payer', async () => {
  const order = await callAs('alice', 'paystart', { outTradeNo: 'P1', totalFee: 1290 });
  expect(order).toMatchObject({
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    errCode: 0,
    errMsg: 'cloudPay.unifiedOrder:ok',
    tradeType: 'JSAPI',
  });
  expect(order.payment).toEqual({
    appId: expect.stringMatching(/^wx/),
    timeStamp: expect.stringMatching(/^\d{10}$/),
    nonceStr: expect.stringMatching(/^\w{1,32}$/),
    package: `prepay_id=${order.prepayId as string}`,
    signType: 'MD5',
    paySign: expect.stringMatching(/^[0-9A-F]{32}$/),
  });
  const { payments: list } = await payments();
  expect(list.find((p) => p.outTradeNo === 'P1')).toMatchObject({
    totalFee: 1290,
    body: '友荐测试商品',
    functionName: 'paycb',
    envId: TEST_ENV,
    subMchId: '1900000109',
    openid: 'dev_alice',
    status: 'pending',
    tradeState: 'NOTPAY',
  });
});

test('repeating an unpaid order is idempotent; a different amount under the same outTradeNo is refused', async () => {
  const first = await callAs('bob', 'paystart', { outTradeNo: 'P2', totalFee: 500 });
  const again = await callAs('bob', 'paystart', { outTradeNo: 'P2', totalFee: 500 });
  expect(again).toMatchObject({ resultCode: 'SUCCESS', prepayId: first.prepayId });

  const cheaper = await callAs('bob', 'paystart', { outTradeNo: 'P2', totalFee: 1 });
  // wx-server-sdk overwrites WeChat's err_code with errCode 0, so the code travels in resultCode/errCodeDes.
  expect(cheaper).toMatchObject({
    returnCode: 'SUCCESS',
    resultCode: 'FAIL',
    errCodeDes: expect.stringContaining('OUT_TRADE_NO_USED'),
  });
  expect(cheaper.payment).toBeUndefined();
  expect((await payments()).payments.find((p) => p.outTradeNo === 'P2').totalFee).toBe(500);
});

test('the simulator can deliver the pay callback twice; the order is paid once and refuses a second pay', async () => {
  await callAs('alice', 'paystart', { outTradeNo: 'P3', totalFee: 1290 });
  const paid = await post(emu, '/__dev/pay', { outTradeNo: 'P3', deliveries: 2 });
  expect(paid.status).toBe(200);
  expect(paid.json).toEqual({
    outTradeNo: 'P3',
    answers: [
      { errcode: 0, errmsg: '' },
      { errcode: 0, errmsg: '' },
    ],
  });

  const deliveries = await deliveriesOf('P3');
  expect(deliveries).toHaveLength(2);
  for (const { event, SOURCE } of deliveries) {
    expect(SOURCE).toBe('wx_paycallback');
    expect(event).toMatchObject({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: 'P3',
      totalFee: 1290,
      cashFee: 1290,
      subOpenid: 'dev_alice',
      subMchId: '1900000109',
      tradeType: 'JSAPI',
      transactionId: expect.stringMatching(/^\d{28}$/),
      timeEnd: expect.stringMatching(/^\d{14}$/),
    });
    expect(event.openid).not.toBe('dev_alice'); // the service provider's openid, not the mini program's
  }
  expect(deliveries[1].event.transactionId).toBe(deliveries[0].event.transactionId);

  expect((await payments()).payments.find((p) => p.outTradeNo === 'P3')).toMatchObject({
    status: 'paid',
    tradeState: 'SUCCESS',
  });
  const twice = await post(emu, '/__dev/pay', { outTradeNo: 'P3' });
  expect(twice.json).toMatchObject({ code: 'PAY_ALREADY_PAID' });
  expect(await deliveriesOf('P3')).toHaveLength(2);
  expect((await post(emu, '/__dev/pay', { outTradeNo: 'nope' })).json).toMatchObject({ code: 'PAY_NOT_FOUND' });

  const repeat = await callAs('alice', 'paystart', { outTradeNo: 'P3', totalFee: 1290 });
  expect(repeat).toMatchObject({ resultCode: 'FAIL', errCodeDes: expect.stringContaining('ORDERPAID') });
});

test('a failing callback leaves the payment unacknowledged; paying again redelivers the same transaction', async () => {
  const order = await cloud.cloudPay.unifiedOrder({
    body: 'crash test',
    outTradeNo: 'P4',
    spbillCreateIp: '127.0.0.1',
    subMchId: '1900000109',
    totalFee: 100,
    envId: TEST_ENV,
    functionName: 'crash',
    subOpenid: 'dev_carol',
  });
  expect(order.resultCode).toBe('SUCCESS');
  const first = await post(emu, '/__dev/pay', { outTradeNo: 'P4' });
  expect(first.json.answers).toEqual([{ error: expect.stringContaining('boom') }]);
  const state = (await payments()).payments.find((p) => p.outTradeNo === 'P4');
  expect(state).toMatchObject({ status: 'pending', tradeState: 'SUCCESS', openid: 'dev_carol' });
  const queried = await cloud.cloudPay.queryOrder({ subMchId: '1900000109', outTradeNo: 'P4', nonceStr: 'n' });
  expect(queried).toMatchObject({
    resultCode: 'SUCCESS',
    tradeState: 'SUCCESS',
    transactionId: state.transactionId,
    totalFee: 100,
  });
  expect((await post(emu, '/__dev/pay', { outTradeNo: 'P4' })).status).toBe(200);
  expect((await payments()).payments.find((p) => p.outTradeNo === 'P4').transactionId).toBe(state.transactionId);
});

test('refunds: refused when unpaid or above what was paid; a valid one reaches the callback with reqInfo', async () => {
  await callAs('alice', 'paystart', { outTradeNo: 'P5', totalFee: 1290 });
  expect(await applyRefund('P5', 'R5a', 100)).toMatchObject({
    resultCode: 'FAIL',
    errCodeDes: expect.stringContaining('not paid'),
  });
  await post(emu, '/__dev/pay', { outTradeNo: 'P5' });

  expect(await applyRefund('P5', 'R5b', 1291)).toMatchObject({
    resultCode: 'FAIL',
    errCodeDes: expect.stringContaining('refundable'),
  });
  expect(await applyRefund('P5', 'R5c', 100, 999)).toMatchObject({
    resultCode: 'FAIL',
    errCodeDes: expect.stringContaining('total_fee'),
  });
  const refund = await applyRefund('P5', 'R5d', 500);
  expect(refund).toMatchObject({
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outRefundNo: 'R5d',
    refundFee: 500,
    totalFee: 1290,
    refundId: expect.stringMatching(/^\d{29}$/),
  });
  // 790 fen remain refundable while R5d is pending.
  expect(await applyRefund('P5', 'R5e', 791)).toMatchObject({ resultCode: 'FAIL' });
  expect(await applyRefund('P5', 'R5d', 500)).toMatchObject({ resultCode: 'SUCCESS', refundId: refund.refundId });

  const done = await post(emu, '/__dev/refund', { outRefundNo: 'R5d', deliveries: 2 });
  expect(done.json).toEqual({
    outRefundNo: 'R5d',
    answers: [
      { errcode: 0, errmsg: '' },
      { errcode: 0, errmsg: '' },
    ],
  });
  const events = (await deliveriesOf('P5')).filter((d: any) => d.event.reqInfo);
  expect(events).toHaveLength(2);
  expect(events[0].event).toMatchObject({
    returnCode: 'SUCCESS',
    subMchId: '1900000109',
    reqInfo: {
      outTradeNo: 'P5',
      outRefundNo: 'R5d',
      refundId: refund.refundId,
      totalFee: 1290,
      refundFee: 500,
      refundStatus: 'SUCCESS',
      successTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    },
  });
  const { refunds } = await payments();
  expect(refunds.find((r) => r.outRefundNo === 'R5d')).toMatchObject({ status: 'success', refundFee: 500 });
  expect((await post(emu, '/__dev/refund', { outRefundNo: 'R5d' })).json).toMatchObject({
    code: 'REFUND_ALREADY_DONE',
  });
  const queried = await cloud.cloudPay.queryOrder({ subMchId: '1900000109', outTradeNo: 'P5', nonceStr: 'n' });
  expect(queried.tradeState).toBe('REFUND');
});

test('unifiedOrder without a payer or a required field, and an unknown cloudPay api, are refused clearly', async () => {
  const base = {
    body: 'x',
    outTradeNo: 'P6',
    spbillCreateIp: '127.0.0.1',
    subMchId: '1900000109',
    totalFee: 1,
    envId: TEST_ENV,
    functionName: 'paycb',
  };
  expect(await cloud.cloudPay.unifiedOrder(base)).toMatchObject({
    returnCode: 'FAIL',
    returnMsg: expect.stringContaining('openid'),
  });
  const { functionName: _omitted, ...noCallback } = base;
  expect(await cloud.cloudPay.unifiedOrder({ ...noCallback, subOpenid: 'dev_x' })).toMatchObject({
    returnCode: 'FAIL',
    returnMsg: expect.stringContaining('function_name'),
  });
  expect(await cloud.cloudPay.unifiedOrder({ ...base, subOpenid: 'dev_x', totalFee: 9.9 })).toMatchObject({
    returnCode: 'FAIL',
  });
  await expect(cloud.cloudPay.transferToBalance({})).rejects.toMatchObject({
    errCode: -501007,
    errMsg: expect.stringContaining('transferToBalance'),
  });
});

test('payments and refunds survive a restart, and a payment placed before it can be paid after it', async () => {
  await callAs('alice', 'paystart', { outTradeNo: 'P7', totalFee: 700 });
  await emu.kill();
  emu = await startEmulator({ data: path.join(dir, 'data') });
  cloud = sdkFor(emu) as Cloud;
  const { payments: list, refunds } = await payments();
  expect(list.find((p) => p.outTradeNo === 'P7')).toMatchObject({
    status: 'pending',
    totalFee: 700,
    openid: 'dev_alice',
  });
  expect(refunds.find((r) => r.outRefundNo === 'R5d')).toMatchObject({ status: 'success' });
  expect((await post(emu, '/__dev/pay', { outTradeNo: 'P7' })).json.answers).toEqual([{ errcode: 0, errmsg: '' }]);
  expect(await deliveriesOf('P7')).toHaveLength(1);
});
