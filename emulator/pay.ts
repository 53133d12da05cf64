// `wx.wxPayApi`: cloudPay (云开发微信支付) against a local pay simulator. unifiedOrder records a pending payment and
// answers what wx.requestPayment needs; the simulator (`pay`, `refund`, wired to POST /__dev/pay and /__dev/refund)
// then plays the user paying and WeChat delivering the result callback to the cloud function named in the order.
//
// Wire shape, from node_modules/@cloudbase/node-sdk/dist/wx/index.js `callWxPayApi` and
// node_modules/wx-server-sdk/index.js (src/api/cloudpay/namespace/generic.ts, callWXOpenAPI.ts `callGeneralOpenAPI`):
// - the request is multipart/form-data: `action`, `apiName` ("unifiedOrder"), `requestData` = UTF-8 JSON of the
//   input with keys already snake_cased by the SDK, `apiOptions` = protobuf ApiOptions { appid=1 }.
// - the reply is raw bytes holding WeChat Pay's JSON answer in snake_case (the SDK camelCases it and adds
//   `errCode: 0, errMsg: 'cloudPay.<api>:ok'`, overwriting any `err_code`, so callers must read resultCode/errCodeDes).
//   It must not be sent as `application/json; charset=utf-8`: node-sdk would parse it and wx-server-sdk would then
//   reject the object as "unknown response" (tcbapirequester.js `handleWxOpenApiData`).
// Business failures follow WeChat Pay v2: return_code FAIL for malformed input, result_code FAIL + err_code otherwise.
import type Database from 'better-sqlite3';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Reader } from 'protobufjs/minimal';
import { TcbFail, type TcbAction, type TcbCall, type TcbResult } from './tcb/protocol';

export type PayCallbackContext = { source: 'wx_paycallback'; openid: string; appid: string };

export interface Payment {
  outTradeNo: string;
  totalFee: number;
  body: string;
  attach?: string;
  /** The cloud function that receives the pay result callback, and its env. */
  functionName: string;
  envId: string;
  subMchId: string;
  appid: string;
  /** The payer's openid in the mini program (the callback's subOpenid). */
  openid: string;
  prepayId: string;
  /** pending → paid once the callback function acknowledged with `{ errcode: 0 }`; closed by closeOrder. */
  status: 'pending' | 'paid' | 'closed';
  /** WeChat Pay's view: SUCCESS from the moment the (simulated) user paid, whatever the callback answered. */
  tradeState: 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED';
  transactionId?: string;
  timeEnd?: string;
  createdAt: number;
  paidAt?: number;
  notifiedAt?: number;
}

export interface Refund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  totalFee: number;
  refundFee: number;
  refundDesc?: string;
  functionName?: string;
  envId?: string;
  /** pending → success once WeChat "finished" the refund (the simulator ran and the callback, if any, acknowledged). */
  status: 'pending' | 'success';
  successTime?: string;
  createdAt: number;
  succeededAt?: number;
}

interface OrderRow {
  out_trade_no: string;
  env_id: string;
  function_name: string;
  sub_mch_id: string;
  appid: string;
  openid: string;
  body: string;
  attach: string | null;
  total_fee: number;
  fee_type: string;
  trade_type: string;
  prepay_id: string;
  status: Payment['status'];
  transaction_id: string | null;
  time_end: string | null;
  created_at: number;
  paid_at: number | null;
  notified_at: number | null;
}

interface RefundRow {
  out_refund_no: string;
  out_trade_no: string;
  refund_id: string;
  total_fee: number;
  refund_fee: number;
  refund_desc: string | null;
  env_id: string | null;
  function_name: string | null;
  status: Refund['status'];
  success_time: string | null;
  created_at: number;
  succeeded_at: number | null;
}

type Input = Record<string, unknown>;
type Answer = Record<string, unknown>;

/** The service provider's merchant number and appid: cloudPay runs WeChat Pay in service-provider mode. */
const SP_MCH_ID = '1900000000';
const SP_APPID = 'wx0000000000emulate';
const DEFAULT_APPID = 'wx00000000emulator';
/** The emulator's stand-in for the merchant API key used in v2 MD5 signatures. */
const SIGN_KEY = 'youjian-emulator-pay-key-000000000';
const OUT_NO_PATTERN = /^[0-9A-Za-z_\-|*@]{1,32}$/;
const MAX_DELIVERIES = 10;

export function createPay(opts: {
  sqlite: Database.Database;
  now: () => number;
  invoke: (functionName: string, event: unknown, ctx: PayCallbackContext) => Promise<unknown>;
}) {
  const { sqlite, now } = opts;
  sqlite.exec(`
    CREATE TABLE IF NOT EXISTS pay_orders (
      out_trade_no TEXT PRIMARY KEY,
      env_id TEXT NOT NULL,
      function_name TEXT NOT NULL,
      sub_mch_id TEXT NOT NULL,
      appid TEXT NOT NULL,
      openid TEXT NOT NULL,
      body TEXT NOT NULL,
      attach TEXT,
      total_fee INTEGER NOT NULL CHECK (total_fee > 0),
      fee_type TEXT NOT NULL,
      trade_type TEXT NOT NULL,
      prepay_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'closed')),
      transaction_id TEXT UNIQUE,
      time_end TEXT,
      created_at INTEGER NOT NULL,
      paid_at INTEGER,
      notified_at INTEGER
    );
    CREATE TABLE IF NOT EXISTS pay_refunds (
      out_refund_no TEXT PRIMARY KEY,
      out_trade_no TEXT NOT NULL REFERENCES pay_orders (out_trade_no),
      refund_id TEXT NOT NULL UNIQUE,
      total_fee INTEGER NOT NULL,
      refund_fee INTEGER NOT NULL CHECK (refund_fee > 0),
      refund_desc TEXT,
      env_id TEXT,
      function_name TEXT,
      status TEXT NOT NULL CHECK (status IN ('pending', 'success')),
      success_time TEXT,
      created_at INTEGER NOT NULL,
      succeeded_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS pay_refunds_by_trade ON pay_refunds (out_trade_no);
  `);
  const sql = {
    order: sqlite.prepare('SELECT * FROM pay_orders WHERE out_trade_no = ?'),
    orderByTransaction: sqlite.prepare('SELECT * FROM pay_orders WHERE transaction_id = ?'),
    orders: sqlite.prepare('SELECT * FROM pay_orders ORDER BY created_at, out_trade_no'),
    insertOrder: sqlite.prepare(`
      INSERT INTO pay_orders (out_trade_no, env_id, function_name, sub_mch_id, appid, openid, body, attach, total_fee,
        fee_type, trade_type, prepay_id, status, created_at)
      VALUES (@out_trade_no, @env_id, @function_name, @sub_mch_id, @appid, @openid, @body, @attach, @total_fee,
        @fee_type, @trade_type, @prepay_id, 'pending', @created_at)`),
    // The user pays once: later deliveries reuse the same transaction id and time.
    markPaidByUser: sqlite.prepare(`
      UPDATE pay_orders SET transaction_id = @transaction_id, time_end = @time_end, paid_at = @paid_at
      WHERE out_trade_no = @out_trade_no AND transaction_id IS NULL`),
    markNotified: sqlite.prepare(
      `UPDATE pay_orders SET status = 'paid', notified_at = ? WHERE out_trade_no = ? AND status = 'pending'`,
    ),
    closeOrder: sqlite.prepare(`UPDATE pay_orders SET status = 'closed' WHERE out_trade_no = ? AND status = 'pending'`),
    refund: sqlite.prepare('SELECT * FROM pay_refunds WHERE out_refund_no = ?'),
    refunds: sqlite.prepare('SELECT * FROM pay_refunds ORDER BY created_at, out_refund_no'),
    refundsOf: sqlite.prepare('SELECT * FROM pay_refunds WHERE out_trade_no = ?'),
    insertRefund: sqlite.prepare(`
      INSERT INTO pay_refunds (out_refund_no, out_trade_no, refund_id, total_fee, refund_fee, refund_desc, env_id,
        function_name, status, created_at)
      VALUES (@out_refund_no, @out_trade_no, @refund_id, @total_fee, @refund_fee, @refund_desc, @env_id,
        @function_name, 'pending', @created_at)`),
    setRefundTime: sqlite.prepare(
      'UPDATE pay_refunds SET success_time = ? WHERE out_refund_no = ? AND success_time IS NULL',
    ),
    markRefunded: sqlite.prepare(
      `UPDATE pay_refunds SET status = 'success', succeeded_at = ? WHERE out_refund_no = ? AND status = 'pending'`,
    ),
  };
  const getOrder = (outTradeNo: string) => sql.order.get(outTradeNo) as OrderRow | undefined;
  const getRefund = (outRefundNo: string) => sql.refund.get(outRefundNo) as RefundRow | undefined;
  const refundsOf = (outTradeNo: string) => sql.refundsOf.all(outTradeNo) as RefundRow[];

  const apis: Record<string, (input: Input, call: TcbCall, optionsAppid: string) => Answer> = {
    unifiedOrder,
    queryOrder: (input) => {
      const order = findOrder(input);
      if (!order) return fail('ORDERNOTEXIST', 'order does not exist');
      return answer(order.appid, order.sub_mch_id, {
        ...orderFacts(order),
        trade_state: tradeState(order),
        trade_state_desc: TRADE_STATE_DESC[tradeState(order)],
      });
    },
    closeOrder: (input) => {
      const order = findOrder(input);
      if (!order) return fail('ORDERNOTEXIST', 'order does not exist');
      if (order.transaction_id) return fail('ORDERPAID', `order ${order.out_trade_no} is already paid`);
      sql.closeOrder.run(order.out_trade_no);
      return answer(order.appid, order.sub_mch_id, {});
    },
    refund: requestRefund,
  };

  /** Places (or repeats) a JSAPI order; an out_trade_no is bound to its first parameters forever. */
  function unifiedOrder(input: Input, call: TcbCall, optionsAppid: string): Answer {
    const missing = ['body', 'out_trade_no', 'spbill_create_ip', 'sub_mch_id', 'env_id', 'function_name'].find(
      (key) => typeof input[key] !== 'string' || input[key] === '',
    );
    if (missing) return returnFail(`missing required parameter ${missing}`);
    const outTradeNo = input.out_trade_no as string;
    if (!OUT_NO_PATTERN.test(outTradeNo)) return returnFail('out_trade_no must be 1-32 of 0-9 A-Z a-z _ - | * @');
    if (!isFen(input.total_fee)) return returnFail('total_fee must be a positive integer number of fen');
    if (Buffer.byteLength(input.body as string) > 128) return returnFail('body is longer than 128 bytes');
    const attach = typeof input.attach === 'string' ? input.attach : null;
    if (attach !== null && Buffer.byteLength(attach) > 127) return returnFail('attach is longer than 127 bytes');
    const tradeType = input.trade_type ?? 'JSAPI';
    if (tradeType !== 'JSAPI') return returnFail('the emulator supports trade_type JSAPI only');
    const caller = call.caller;
    // cloudPay takes the payer from the calling user's context; an explicit sub_openid/openid wins.
    const openid = firstString(input.sub_openid, caller?.openid, input.openid);
    if (!openid) {
      return returnFail('no payer openid: call from a cloud function invoked by a user, or pass subOpenid');
    }
    const appid = firstString(caller?.appid, input.sub_appid, optionsAppid) ?? DEFAULT_APPID;

    const wanted = {
      out_trade_no: outTradeNo,
      env_id: input.env_id as string,
      function_name: input.function_name as string,
      sub_mch_id: input.sub_mch_id as string,
      appid,
      openid,
      body: input.body as string,
      attach,
      total_fee: input.total_fee as number,
      fee_type: typeof input.fee_type === 'string' ? input.fee_type : 'CNY',
      trade_type: 'JSAPI',
    };
    let order = getOrder(outTradeNo);
    if (order) {
      if (order.status === 'closed') return fail('ORDERCLOSED', `order ${outTradeNo} is closed`);
      if (order.transaction_id) return fail('ORDERPAID', `order ${outTradeNo} is already paid`);
      const changed = (Object.keys(wanted) as Array<keyof typeof wanted>).filter((key) => order?.[key] !== wanted[key]);
      if (changed.length > 0) {
        return fail(
          'OUT_TRADE_NO_USED',
          `out_trade_no ${outTradeNo} was already used with different parameters (${changed.join(', ')})`,
        );
      }
    } else {
      sql.insertOrder.run({ ...wanted, prepay_id: prepayId(now()), created_at: now() });
      order = getOrder(outTradeNo) as OrderRow;
    }
    const payment = paymentFor(order.appid, order.prepay_id, now());
    return answer(order.appid, order.sub_mch_id, { trade_type: 'JSAPI', prepay_id: order.prepay_id, payment });
  }

  /** Applies for a refund of a paid order; the total of refunds never exceeds what was paid. */
  function requestRefund(input: Input): Answer {
    const missing = ['out_refund_no', 'sub_mch_id'].find((key) => typeof input[key] !== 'string' || input[key] === '');
    if (missing) return returnFail(`missing required parameter ${missing}`);
    const outRefundNo = input.out_refund_no as string;
    if (!OUT_NO_PATTERN.test(outRefundNo)) return returnFail('out_refund_no must be 1-32 of 0-9 A-Z a-z _ - | * @');
    if (!isFen(input.total_fee) || !isFen(input.refund_fee)) {
      return returnFail('total_fee and refund_fee must be positive integer numbers of fen');
    }
    const order = findOrder(input);
    if (!order) return fail('ORDERNOTEXIST', 'order does not exist');
    const wanted = {
      out_trade_no: order.out_trade_no,
      total_fee: input.total_fee as number,
      refund_fee: input.refund_fee as number,
      refund_desc: typeof input.refund_desc === 'string' ? input.refund_desc : null,
      env_id: typeof input.env_id === 'string' ? input.env_id : null,
      function_name: typeof input.function_name === 'string' && input.function_name !== '' ? input.function_name : null,
    };
    const existing = getRefund(outRefundNo);
    if (existing) {
      // WeChat treats a repeated out_refund_no with the same parameters as the same refund.
      const same =
        existing.out_trade_no === wanted.out_trade_no &&
        existing.refund_fee === wanted.refund_fee &&
        existing.total_fee === wanted.total_fee;
      if (!same)
        return fail('INVALID_REQUEST', `out_refund_no ${outRefundNo} was already used with different parameters`);
      return refundAnswer(order, existing);
    }
    if (!order.transaction_id) return fail('TRADE_STATE_ERROR', `order ${order.out_trade_no} is not paid`);
    if (wanted.total_fee !== order.total_fee) {
      return fail('INVALID_REQUEST', `total_fee ${wanted.total_fee} does not match the order's ${order.total_fee}`);
    }
    const refundable = order.total_fee - refundsOf(order.out_trade_no).reduce((sum, r) => sum + r.refund_fee, 0);
    if (wanted.refund_fee > refundable) {
      return fail('INVALID_REQUEST', `refund_fee ${wanted.refund_fee} exceeds the refundable amount ${refundable}`);
    }
    sql.insertRefund.run({ ...wanted, out_refund_no: outRefundNo, refund_id: refundId(now()), created_at: now() });
    return refundAnswer(order, getRefund(outRefundNo) as RefundRow);
  }

  function refundAnswer(order: OrderRow, refund: RefundRow): Answer {
    return answer(order.appid, order.sub_mch_id, {
      transaction_id: order.transaction_id,
      out_trade_no: order.out_trade_no,
      out_refund_no: refund.out_refund_no,
      refund_id: refund.refund_id,
      refund_fee: refund.refund_fee,
      settlement_refund_fee: refund.refund_fee,
      total_fee: order.total_fee,
      cash_fee: order.total_fee,
      cash_refund_fee: refund.refund_fee,
      refund_channel: 'ORIGINAL',
    });
  }

  function findOrder(input: Input): OrderRow | undefined {
    if (typeof input.out_trade_no === 'string' && input.out_trade_no !== '') return getOrder(input.out_trade_no);
    if (typeof input.transaction_id === 'string' && input.transaction_id !== '') {
      return sql.orderByTransaction.get(input.transaction_id) as OrderRow | undefined;
    }
    return undefined;
  }

  function tradeState(order: OrderRow): Payment['tradeState'] {
    if (order.status === 'closed') return 'CLOSED';
    if (!order.transaction_id) return 'NOTPAY';
    return refundsOf(order.out_trade_no).some((r) => r.status === 'success') ? 'REFUND' : 'SUCCESS';
  }

  const wxPayApi: TcbAction = (call) => {
    const apiName = call.params.apiName;
    if (typeof apiName !== 'string' || !apis[apiName]) {
      throw new TcbFail(
        'INVALID_PARAM',
        `the emulator has no cloudPay api ${JSON.stringify(apiName)} (it emulates ${Object.keys(apis).join(', ')})`,
      );
    }
    const input = parseInput(call.params.requestData);
    const result = apis[apiName](input, call, decodeApiOptionsAppid(call.params.apiOptions));
    return wxPayReply(result);
  };

  /**
   * Plays the user paying `outTradeNo`, then delivers the pay result callback `deliveries` times.
   * `tamperTotalFee` is a test-only tamper: the delivered notification states this amount (totalFee and cashFee)
   * instead of what was ordered, to play a notification whose amount does not match the order. WeChat Pay
   * never sends one, so a callback must refuse it; the payment itself is left as ordered.
   */
  async function pay(
    outTradeNo: string,
    deliveries = 1,
    tamperTotalFee?: number,
  ): Promise<{ outTradeNo: string; answers: unknown[] }> {
    checkDeliveries(deliveries);
    if (tamperTotalFee !== undefined && !isFen(tamperTotalFee)) {
      throw new TcbFail('INVALID_PARAM', 'totalFee must be a positive integer number of fen');
    }
    let order = getOrder(outTradeNo);
    if (!order) throw new TcbFail('PAY_NOT_FOUND', `no payment with outTradeNo ${outTradeNo}`);
    if (order.status === 'paid')
      throw new TcbFail('PAY_ALREADY_PAID', `payment ${outTradeNo} is already paid and notified`);
    if (order.status === 'closed') throw new TcbFail('PAY_CLOSED', `payment ${outTradeNo} was closed by closeOrder`);
    const paidAt = now();
    sql.markPaidByUser.run({
      out_trade_no: outTradeNo,
      transaction_id: transactionId(paidAt),
      time_end: beijingTime(paidAt, 'compact'),
      paid_at: paidAt,
    });
    order = getOrder(outTradeNo) as OrderRow;
    const event = payCallbackEvent(order);
    if (tamperTotalFee !== undefined) Object.assign(event, { totalFee: tamperTotalFee, cashFee: tamperTotalFee });
    const answers = await deliver(
      order.function_name,
      event,
      { source: 'wx_paycallback', openid: order.openid, appid: order.appid },
      deliveries,
    );
    if (answers.some(acknowledged)) sql.markNotified.run(now(), outTradeNo);
    return { outTradeNo, answers };
  }

  /**
   * Plays WeChat finishing refund `outRefundNo`, then delivers the refund callback `deliveries` times (if one was
   * named). `tamperRefundFee`, test-only like `pay`'s: the notification states this refund amount instead, which
   * WeChat Pay never sends; the refund stays pending when the function refuses it.
   */
  async function refund(
    outRefundNo: string,
    deliveries = 1,
    tamperRefundFee?: number,
  ): Promise<{ outRefundNo: string; answers: unknown[] }> {
    checkDeliveries(deliveries);
    if (tamperRefundFee !== undefined && !isFen(tamperRefundFee)) {
      throw new TcbFail('INVALID_PARAM', 'refundFee must be a positive integer number of fen');
    }
    let row = getRefund(outRefundNo);
    if (!row) throw new TcbFail('REFUND_NOT_FOUND', `no refund with outRefundNo ${outRefundNo}`);
    if (row.status === 'success')
      throw new TcbFail('REFUND_ALREADY_DONE', `refund ${outRefundNo} is already done and notified`);
    sql.setRefundTime.run(beijingTime(now(), 'readable'), outRefundNo);
    row = getRefund(outRefundNo) as RefundRow;
    const order = getOrder(row.out_trade_no) as OrderRow;
    if (!row.function_name) {
      sql.markRefunded.run(now(), outRefundNo);
      return { outRefundNo, answers: [] };
    }
    const event = refundCallbackEvent(order, row);
    if (tamperRefundFee !== undefined) {
      Object.assign(event.reqInfo as object, { refundFee: tamperRefundFee, settlementRefundFee: tamperRefundFee });
    }
    const answers = await deliver(
      row.function_name,
      event,
      { source: 'wx_paycallback', openid: order.openid, appid: order.appid },
      deliveries,
    );
    if (answers.some(acknowledged)) sql.markRefunded.run(now(), outRefundNo);
    return { outRefundNo, answers };
  }

  /** Sequential deliveries, like WeChat's retries; a function that throws is recorded as `{ error }`, not fatal. */
  async function deliver(
    functionName: string,
    event: Answer,
    ctx: PayCallbackContext,
    times: number,
  ): Promise<unknown[]> {
    const answers: unknown[] = [];
    for (let i = 0; i < times; i += 1) {
      try {
        answers.push(await opts.invoke(functionName, structuredClone(event), ctx));
      } catch (error) {
        answers.push({ error: error instanceof Error ? error.message : String(error) });
      }
    }
    return answers;
  }

  return {
    actions: { 'wx.wxPayApi': wxPayApi } as Record<string, TcbAction>,
    payments: (): Payment[] => (sql.orders.all() as OrderRow[]).map((row) => toPayment(row, tradeState(row))),
    refunds: (): Refund[] => (sql.refunds.all() as RefundRow[]).map(toRefund),
    pay,
    refund,
  };
}

/** The fields every callback of WeChat Pay (service-provider mode, as cloudPay uses) starts with. */
function callbackHeader(order: OrderRow): Answer {
  return {
    returnCode: 'SUCCESS',
    appid: SP_APPID,
    mchId: SP_MCH_ID,
    subAppid: order.appid,
    subMchId: order.sub_mch_id,
    nonceStr: nonce(),
  };
}

/**
 * The pay result event, as CloudBase hands it to the callback function: WeChat Pay v2's notification camelCased
 * (example in developers.weixin.qq.com …/wxcloudrun/src/development/pay/callback). `openid` belongs to the service
 * provider's appid; the mini program's openid is `subOpenid`.
 */
function payCallbackEvent(order: OrderRow): Answer {
  return {
    ...callbackHeader(order),
    resultCode: 'SUCCESS',
    openid: providerOpenid(order.openid),
    isSubscribe: 'N',
    subOpenid: order.openid,
    subIsSubscribe: 'N',
    tradeType: order.trade_type,
    bankType: 'OTHERS',
    totalFee: order.total_fee,
    feeType: order.fee_type,
    cashFee: order.total_fee,
    transactionId: order.transaction_id,
    outTradeNo: order.out_trade_no,
    ...(order.attach === null ? {} : { attach: order.attach }),
    timeEnd: order.time_end,
  };
}

/** The refund result event: WeChat Pay v2's refund notification with `req_info` already decrypted, camelCased. */
function refundCallbackEvent(order: OrderRow, refund: RefundRow): Answer {
  return {
    ...callbackHeader(order),
    reqInfo: {
      transactionId: order.transaction_id,
      outTradeNo: order.out_trade_no,
      refundId: refund.refund_id,
      outRefundNo: refund.out_refund_no,
      totalFee: order.total_fee,
      refundFee: refund.refund_fee,
      settlementRefundFee: refund.refund_fee,
      refundStatus: 'SUCCESS',
      successTime: refund.success_time,
      refundRecvAccout: '支付用户零钱', // sic: WeChat's spelling
      refundAccount: 'REFUND_SOURCE_UNSETTLED_FUNDS',
      refundRequestSource: 'API',
    },
  };
}

const TRADE_STATE_DESC: Record<Payment['tradeState'], string> = {
  NOTPAY: 'not paid',
  SUCCESS: 'paid',
  REFUND: 'refunded (in part or in full)',
  CLOSED: 'closed',
};

function orderFacts(order: OrderRow): Answer {
  const paid = order.transaction_id !== null;
  return {
    out_trade_no: order.out_trade_no,
    total_fee: order.total_fee,
    fee_type: order.fee_type,
    trade_type: order.trade_type,
    openid: providerOpenid(order.openid),
    sub_openid: order.openid,
    is_subscribe: 'N',
    ...(order.attach === null ? {} : { attach: order.attach }),
    ...(paid
      ? {
          transaction_id: order.transaction_id,
          cash_fee: order.total_fee,
          bank_type: 'OTHERS',
          time_end: order.time_end,
        }
      : {}),
  };
}

/** A successful answer: return_code and result_code SUCCESS, the common fields, and a v2 MD5 `sign`. */
function answer(subAppid: string, subMchId: string, fields: Answer): Answer {
  const body: Answer = {
    return_code: 'SUCCESS',
    return_msg: 'OK',
    appid: SP_APPID,
    mch_id: SP_MCH_ID,
    sub_appid: subAppid,
    sub_mch_id: subMchId,
    nonce_str: nonce(),
    result_code: 'SUCCESS',
    ...fields,
  };
  return { ...body, sign: signV2(body) };
}

/** A business failure: the call went through, WeChat refused it (result_code FAIL, err_code, err_code_des). */
const fail = (errCode: string, description: string): Answer => ({
  return_code: 'SUCCESS',
  return_msg: 'OK',
  result_code: 'FAIL',
  err_code: errCode,
  err_code_des: `${errCode}: ${description}`,
});

/** A malformed request: WeChat Pay answers return_code FAIL with the reason in return_msg. */
const returnFail = (message: string): Answer => ({ return_code: 'FAIL', return_msg: message });

function wxPayReply(body: Answer): TcbResult {
  return { kind: 'binary', contentType: 'application/octet-stream', body: Buffer.from(JSON.stringify(body)) };
}

/** What wx.requestPayment takes (payment object of CloudPay.unifiedOrder); paySign is the v2 MD5 signature. */
function paymentFor(appid: string, prepay: string, at: number): Answer {
  const fields = {
    appId: appid,
    timeStamp: String(Math.floor(at / 1000)),
    nonceStr: nonce(),
    package: `prepay_id=${prepay}`,
    signType: 'MD5',
  };
  return { ...fields, paySign: signV2(fields) };
}

/** WeChat Pay v2 signing: non-empty fields sorted by name, `k=v&…&key=KEY`, MD5, upper case. */
function signV2(fields: Answer): string {
  const text = Object.keys(fields)
    .filter(
      (key) =>
        key !== 'sign' &&
        fields[key] !== '' &&
        fields[key] !== null &&
        fields[key] !== undefined &&
        typeof fields[key] !== 'object',
    )
    .sort()
    .map((key) => `${key}=${String(fields[key])}`)
    .join('&');
  return createHash('md5').update(`${text}&key=${SIGN_KEY}`).digest('hex').toUpperCase();
}

function parseInput(requestData: unknown): Input {
  const text = Buffer.isBuffer(requestData)
    ? requestData.toString('utf8')
    : typeof requestData === 'string'
      ? requestData
      : null;
  let input: unknown;
  try {
    input = text === null ? null : JSON.parse(text);
  } catch {
    input = null;
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new TcbFail('INVALID_PARAM', 'wx.wxPayApi expects requestData to be a JSON object');
  }
  return input as Input;
}

/** ApiOptions { appid=1 } from wx-server-sdk src/protobuf/openapi.js; '' when absent or unreadable. */
function decodeApiOptionsAppid(apiOptions: unknown): string {
  if (!(apiOptions instanceof Uint8Array)) return '';
  try {
    const reader = Reader.create(apiOptions);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag >>> 3 === 1) return reader.string();
      reader.skipType(tag & 7);
    }
  } catch {
    // A malformed ApiOptions only loses the appid hint.
  }
  return '';
}

function checkDeliveries(deliveries: number): void {
  if (!Number.isInteger(deliveries) || deliveries < 1 || deliveries > MAX_DELIVERIES) {
    throw new TcbFail('INVALID_PARAM', `deliveries must be an integer from 1 to ${MAX_DELIVERIES}`);
  }
}

/** The callback protocol: only `{ errcode: 0 }` stops WeChat from delivering again. */
const acknowledged = (answer: unknown): boolean =>
  typeof answer === 'object' && answer !== null && (answer as { errcode?: unknown }).errcode === 0;

const isFen = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

const firstString = (...values: unknown[]): string | undefined =>
  values.find((v): v is string => typeof v === 'string' && v !== '');

const nonce = (): string => randomBytes(16).toString('hex');

const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');

// Id shapes copied from real examples: prepay_id "wx" + time + 20 more, transaction_id 28 digits, refund_id 29.
const prepayId = (at: number): string => `wx${beijingTime(at, 'compact')}${randomBytes(10).toString('hex')}`;
const transactionId = (at: number): string => `4200${beijingTime(at, 'compact').slice(0, 8)}${digits(16)}`;
const refundId = (at: number): string => `50300${beijingTime(at, 'compact').slice(0, 8)}${digits(16)}`;

/** The payer's openid under the service provider's appid: stable, and different from the mini program's. */
const providerOpenid = (openid: string): string =>
  `oSP${createHash('sha256').update(openid).digest('base64url').slice(0, 25)}`;

/** WeChat Pay times are Beijing time: `yyyyMMddHHmmss` (time_end) or `yyyy-MM-dd HH:mm:ss` (success_time). */
function beijingTime(ms: number, style: 'compact' | 'readable'): string {
  const iso = new Date(ms + 8 * 3600_000).toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ, shifted to UTC+8
  const readable = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return style === 'readable' ? readable : readable.replace(/[- :]/g, '');
}

function toPayment(row: OrderRow, tradeState: Payment['tradeState']): Payment {
  return {
    outTradeNo: row.out_trade_no,
    totalFee: row.total_fee,
    body: row.body,
    ...(row.attach === null ? {} : { attach: row.attach }),
    functionName: row.function_name,
    envId: row.env_id,
    subMchId: row.sub_mch_id,
    appid: row.appid,
    openid: row.openid,
    prepayId: row.prepay_id,
    status: row.status,
    tradeState,
    ...(row.transaction_id === null ? {} : { transactionId: row.transaction_id }),
    ...(row.time_end === null ? {} : { timeEnd: row.time_end }),
    createdAt: row.created_at,
    ...(row.paid_at === null ? {} : { paidAt: row.paid_at }),
    ...(row.notified_at === null ? {} : { notifiedAt: row.notified_at }),
  };
}

function toRefund(row: RefundRow): Refund {
  return {
    outRefundNo: row.out_refund_no,
    outTradeNo: row.out_trade_no,
    refundId: row.refund_id,
    totalFee: row.total_fee,
    refundFee: row.refund_fee,
    ...(row.refund_desc === null ? {} : { refundDesc: row.refund_desc }),
    ...(row.function_name === null ? {} : { functionName: row.function_name }),
    ...(row.env_id === null ? {} : { envId: row.env_id }),
    status: row.status,
    ...(row.success_time === null ? {} : { successTime: row.success_time }),
    createdAt: row.created_at,
    ...(row.succeeded_at === null ? {} : { succeededAt: row.succeeded_at }),
  };
}
