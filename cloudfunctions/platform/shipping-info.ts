// 发货信息管理服务 through the cloud call `wxa.sec.order.uploadShippingInfo` (wx-server-sdk:
// cloud.openapi.wxa.sec.order.uploadShippingInfo; the function's config.json grants it in permissions.openapi).
// WeChat holds a paid order's money until its shipping info is uploaded. Fields as WeChat documents them
// (developers.weixin.qq.com/miniprogram/dev/server/API/order_shipping/api_uploadshippinginfo).
import type { Cloud } from '../data/db';

export interface ShippingInfoBody {
  /** order_number_type 1: the order is named by the merchant that took the payment and its out_trade_no. */
  order_key: { order_number_type: 1; mchid: string; out_trade_no: string };
  /** 1: 实体物流 (a courier). */
  logistics_type: 1;
  /** 1: 统一发货 (the whole order in one parcel). */
  delivery_mode: 1;
  shipping_list: Array<{
    tracking_no: string;
    /** WeChat's express-company code (COURIERS in contracts/limits.ts). */
    express_company: string;
    /** At most 120 characters. */
    item_desc: string;
    /** Masked except the last four digits; required by some couriers (SF). */
    contact?: { receiver_contact: string };
  }>;
  /** RFC 3339, e.g. 2026-12-02T20:30:00.000+08:00. */
  upload_time: string;
  payer: { openid: string };
}

export type UploadAnswer = { ok: true } | { ok: false; errcode: number; errmsg: string };

interface ShippingApi {
  uploadShippingInfo(input: ShippingInfoBody): Promise<unknown>;
}

/** 48001 (api unauthorized): the mini program is not in 发货信息管理服务; asking again changes nothing. */
export const NOT_JOINED = 48001;

/** Uploads one order's shipping info; WeChat's errcode comes back as an answer, never thrown. */
export async function uploadShippingInfo(cloud: Cloud, body: ShippingInfoBody): Promise<UploadAnswer> {
  try {
    // The SDK turns camelCase keys into snake_case; these keys already are, so they travel as written.
    const openapi = cloud.openapi as unknown as { wxa: { sec: { order: ShippingApi } } };
    await openapi.wxa.sec.order.uploadShippingInfo(body);
    return { ok: true };
  } catch (error) {
    const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown };
    const errcode = typeof errCode === 'number' ? errCode : -1;
    // The SDK prefixes WeChat's errmsg with `openapi.<api>:fail `; the owner sees WeChat's own words.
    const errmsg = typeof errMsg === 'string' ? errMsg.replace(/^openapi\.[\w.]+:fail\s*/, '') : String(error);
    return { ok: false, errcode, errmsg };
  }
}
