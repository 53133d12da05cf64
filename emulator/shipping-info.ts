// 发货信息管理服务's `wxa.sec.order.uploadShippingInfo` (cloud call; HTTPS: POST /wxa/sec/order/upload_shipping_info):
// the emulator checks a body as WeChat documents it (developers.weixin.qq.com/miniprogram/dev/server/API/
// order_shipping/api_uploadshippinginfo) and answers WeChat's errcodes for what is missing or bad. It knows nothing
// of the application: it checks the shape, not whether the payment exists.

type Input = Record<string, unknown>;

export interface WxAnswer {
  errcode: number;
  errmsg: string;
}

/** The errcodes WeChat documents for this API (and 47001, its answer to a body missing required fields). */
export const SHIPPING_ERRCODES = {
  dataFormat: 47001,
  notJoined: 48001,
  logisticsType: 10060005,
  splitNotExpress: 10060006,
  splitNeedsAllDelivered: 10060007,
  itemDescEmpty: 10060008,
  itemDescTooLong: 10060009,
  badParam: 10060014,
  listTooLong: 10060024,
  expressCompanyTooLong: 10060025,
  trackingNoTooLong: 10060026,
  uploadTime: 268485216,
  deliveryMode: 268485224,
  unifiedNeedsOne: 268485228,
} as const;

const E = SHIPPING_ERRCODES;
/** What WeChat answers for the errcodes a test may ask the emulator to fail with. */
const FAILURE_MESSAGES: Record<number, string> = {
  [-1]: 'system error',
  [E.notJoined]: 'api unauthorized',
  10060001: '支付单不存在',
  10060002: '支付单已完成发货，无法继续发货',
  10060004: '支付单处于不可发货的状态',
  10060012: '系统繁忙，请稍后再试',
};

export const failureAnswer = (errcode: number): WxAnswer => ({
  errcode,
  errmsg: FAILURE_MESSAGES[errcode] ?? 'emulated failure',
});

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** out_trade_no: "只能是数字、大小写字母_-*", at most 32 (WeChat Pay's own bound). */
const OUT_TRADE_NO = /^[0-9A-Za-z_\-*]{1,32}$/;
/** A masked contact: the last four digits stay readable (189****1234, 021-****1234, ****1234). */
const MASKED_CONTACT = /^[0-9*-]*\*[0-9*-]*[0-9]{4}$/;
/** 顺丰 needs the receiver's or the sender's contact (the doc: "当发货的物流公司为顺丰时，联系方式为必填"). */
const CONTACT_REQUIRED = new Set(['SF']);

const bad = (errcode: number, hint: string): WxAnswer => ({ errcode, errmsg: `${hint}` });
const isObject = (v: unknown): v is Input => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** null when the body is well formed; otherwise WeChat's answer naming the first problem. */
export function checkShippingInfo(input: Input): WxAnswer | null {
  for (const key of ['order_key', 'logistics_type', 'delivery_mode', 'shipping_list', 'upload_time', 'payer']) {
    if (input[key] === undefined || input[key] === null) return bad(E.dataFormat, `data format error, hint: ${key}`);
  }
  const orderKey = input.order_key;
  if (!isObject(orderKey)) return bad(E.dataFormat, 'data format error, hint: order_key');
  if (orderKey.order_number_type === 1) {
    if (!isText(orderKey.mchid) || !isText(orderKey.out_trade_no)) {
      return bad(E.badParam, 'invalid param: order_number_type 1 needs mchid and out_trade_no');
    }
    if (!OUT_TRADE_NO.test(orderKey.out_trade_no)) return bad(E.badParam, 'invalid param: out_trade_no');
  } else if (orderKey.order_number_type === 2) {
    if (!isText(orderKey.transaction_id))
      return bad(E.badParam, 'invalid param: order_number_type 2 needs transaction_id');
  } else {
    return bad(E.badParam, 'invalid param: order_number_type must be 1 or 2');
  }

  const logistics = input.logistics_type;
  if (logistics !== 1 && logistics !== 2 && logistics !== 3 && logistics !== 4) {
    return bad(E.logisticsType, '物流类型有误');
  }
  const mode = input.delivery_mode;
  if (mode !== 1 && mode !== 2) return bad(E.deliveryMode, 'invalid delivery_mode');
  if (mode === 2 && logistics !== 1) return bad(E.splitNotExpress, '非快递发货时不允许分拆发货');
  if (mode === 2 && typeof input.is_all_delivered !== 'boolean') {
    return bad(E.splitNeedsAllDelivered, '分拆发货模式下必须填写 is_all_delivered');
  }

  const list = input.shipping_list;
  if (!Array.isArray(list) || list.length === 0) return bad(E.dataFormat, 'data format error, hint: shipping_list');
  if (list.length > 15) return bad(E.listTooLong, '物流信息列表过长，物流的数量不得超过15');
  if (mode === 1 && list.length !== 1) return bad(E.unifiedNeedsOne, 'unified delivery takes one shipping_list item');
  for (const item of list) {
    const problem = checkShipping(item, logistics === 1);
    if (problem) return problem;
  }

  const uploadTime = input.upload_time;
  if (typeof uploadTime !== 'string' || !RFC3339.test(uploadTime) || Number.isNaN(Date.parse(uploadTime))) {
    return bad(E.uploadTime, 'invalid upload_time: RFC 3339 expected (2022-12-15T13:29:35.120+08:00)');
  }
  const payer = input.payer;
  if (!isObject(payer) || !isText(payer.openid) || bytes(payer.openid) > 128) {
    return bad(E.badParam, 'invalid param: payer.openid');
  }
  return null;
}

function checkShipping(item: unknown, express: boolean): WxAnswer | null {
  if (!isObject(item)) return bad(E.dataFormat, 'data format error, hint: shipping_list');
  if (!isText(item.item_desc)) return bad(E.itemDescEmpty, '商品描述 item_desc 字段不能为空');
  if (Array.from(item.item_desc).length > 120) return bad(E.itemDescTooLong, '商品描述 item_desc 字段过长');
  if (!express) return null;
  // 实体物流: tracking number and express company are required, each 1 to 128 bytes.
  if (!isText(item.tracking_no)) return bad(E.badParam, 'invalid param: tracking_no is required for express');
  if (bytes(item.tracking_no) > 128) return bad(E.trackingNoTooLong, '物流单号过长');
  if (!isText(item.express_company)) return bad(E.badParam, 'invalid param: express_company is required for express');
  if (bytes(item.express_company) > 128) return bad(E.expressCompanyTooLong, '物流公司编码过长');
  const contact = item.contact;
  if (contact !== undefined && !isObject(contact)) return bad(E.dataFormat, 'data format error, hint: contact');
  for (const key of ['receiver_contact', 'consignor_contact']) {
    const value = contact?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || bytes(value) > 1024 || !MASKED_CONTACT.test(value)) {
      return bad(E.badParam, `invalid param: contact.${key} must be masked, its last 4 digits unmasked`);
    }
  }
  if (CONTACT_REQUIRED.has(item.express_company) && !contact?.receiver_contact && !contact?.consignor_contact) {
    return bad(E.badParam, 'invalid param: contact is required for 顺丰 (SF)');
  }
  return null;
}
