// WeChat's shipping rules (发货信息管理服务): once an order ships, its shipping info goes to WeChat, which holds the
// payment until then. The ship itself never waits on it: an upload that fails is recorded on the order (why, when,
// how many tries) and retried by the scheduler a bounded number of times; 48001 (the shop is not in the service) is
// recorded once and never asked again; the owner's switch in 店铺设置 turns uploads off.
import type { CourierCode } from '../contracts/limits';
import type { Cloud, Database } from '../data/db';
import { type OrderRecord, type ShippingSyncRecord, updateOrder } from '../data/orders';
import type { Settings } from '../data/settings';
import { NOT_JOINED, type ShippingInfoBody, uploadShippingInfo } from '../platform/shipping-info';

/** Uploads of one order, the first included; after the last failure the order stays 'failed' for the owner to see. */
export const SHIPPING_SYNC_MAX_ATTEMPTS = 5;
/** A 'pending' upload older than this was cut off (a crash between the ship and the upload): the scheduler takes it. */
export const PENDING_GRACE_MS = 60_000;
/** Wait before the next try after the n-th failure (1 min, 5 min, 30 min, 2 h). */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
/** Couriers WeChat wants the receiver's (masked) phone for: 顺丰, per the uploadShippingInfo document. */
const CONTACT_REQUIRED: readonly CourierCode[] = ['SF'];
const ITEM_DESC_MAX = 120;

/** What the ship transition writes: an upload to come, or 'off' when the owner turned uploads off. */
export function shippingSyncOnShip(settings: Pick<Settings, 'shippingInfoUpload'>, now: Date): ShippingSyncRecord {
  if (!settings.shippingInfoUpload) return { status: 'off', at: now, attempts: 0 };
  return { status: 'pending', at: now, attempts: 0, retryAt: new Date(now.getTime() + PENDING_GRACE_MS) };
}

/** 13812345678 → 138****5678: WeChat takes the contact masked, its last four digits readable. */
export function maskPhone(phone: string): string {
  const keep = phone.length >= 11 ? 3 : 0;
  return `${phone.slice(0, keep)}${'*'.repeat(Math.max(phone.length - keep - 4, 0))}${phone.slice(-4)}`;
}

/** RFC 3339 in China time, as WeChat's examples write it: 2026-12-02T20:30:00.000+08:00. */
export function chinaRfc3339(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
}

/** The goods in the parcel, "title*qty" joined, cut to WeChat's 120 characters. */
export function itemDesc(items: ReadonlyArray<{ title: string; qty: number }>): string {
  const chars = Array.from(items.map((l) => `${l.title}*${l.qty}`).join('，'));
  return chars.length <= ITEM_DESC_MAX ? chars.join('') : `${chars.slice(0, ITEM_DESC_MAX - 1).join('')}…`;
}

/** The upload of a shipped order (one parcel, the whole order, by courier). */
export function shippingInfoBody(
  order: Pick<OrderRecord, '_id' | 'buyerId' | 'items' | 'address'> & {
    shipping: { courier?: string; trackingNo: string };
  },
  settings: Pick<Settings, 'subMchId'>,
  now: Date,
): ShippingInfoBody {
  const courier = order.shipping.courier ?? '';
  const needsContact = (CONTACT_REQUIRED as readonly string[]).includes(courier);
  return {
    // WeChat names the order by the merchant that took the payment (支付下单商户号) and its out_trade_no. Cloud
    // development's WeChat Pay takes each payment as the shop's sub-merchant (sub_mch_id, bound to the environment),
    // so that is the mchid; the order id is the out_trade_no (core/order-id.ts).
    order_key: { order_number_type: 1, mchid: settings.subMchId, out_trade_no: order._id },
    logistics_type: 1,
    delivery_mode: 1,
    shipping_list: [
      {
        tracking_no: order.shipping.trackingNo,
        express_company: courier,
        item_desc: itemDesc(order.items),
        ...(needsContact ? { contact: { receiver_contact: maskPhone(order.address.phone) } } : {}),
      },
    ],
    upload_time: chinaRfc3339(now),
    payer: { openid: order.buyerId },
  };
}

/**
 * Uploads the order's shipping info if one is due ('pending' or 'failed') and records the outcome. Returns the new
 * record, or null when there was nothing to do or another run took this attempt. Never throws: the ship is done.
 */
export async function uploadShipping(
  ctx: { cloud: Cloud; db: Database },
  order: OrderRecord,
  settings: Pick<Settings, 'subMchId' | 'shippingInfoUpload'>,
  now: Date,
): Promise<ShippingSyncRecord | null> {
  const sync = order.shippingSync;
  if (!sync || !order.shipping || (sync.status !== 'pending' && sync.status !== 'failed')) return null;
  try {
    const current = { _id: order._id, 'shippingSync.status': sync.status, 'shippingSync.attempts': sync.attempts };
    if (!settings.shippingInfoUpload) {
      const off: ShippingSyncRecord = { status: 'off', at: now, attempts: sync.attempts };
      return (await record(ctx.db, current, off)) ? off : null;
    }
    const attempt = sync.attempts + 1;
    // One upload per attempt, even when the ship call and the scheduler meet: the attempt is claimed first, with a
    // lease (retryAt) after which a run cut off here is taken again.
    const claimed = await updateOrder(ctx.db, current, {
      shippingSync: { attempts: attempt, retryAt: new Date(now.getTime() + PENDING_GRACE_MS) },
    });
    if (!claimed) return null;
    const answer = await uploadShippingInfo(
      ctx.cloud,
      shippingInfoBody({ ...order, shipping: order.shipping }, settings, now),
    );
    const next: ShippingSyncRecord = answer.ok
      ? { status: 'synced', at: now, attempts: attempt }
      : answer.errcode === NOT_JOINED
        ? { status: 'not_joined', error: `${answer.errcode} ${answer.errmsg}`, at: now, attempts: attempt }
        : {
            status: 'failed',
            error: `${answer.errcode} ${answer.errmsg}`,
            at: now,
            attempts: attempt,
            ...(attempt < SHIPPING_SYNC_MAX_ATTEMPTS
              ? { retryAt: new Date(now.getTime() + RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1]) }
              : {}),
          };
    if (!answer.ok) console.error(`order ${order._id}: shipping info not uploaded (${next.error})`);
    return (await record(ctx.db, { _id: order._id, 'shippingSync.attempts': attempt }, next)) ? next : null;
  } catch (error) {
    console.error(`order ${order._id}: shipping info upload left to the scheduler`, error);
    return null;
  }
}

/** Replaces the record whole (a stale error or retry time never survives), if the order is still as read. */
function record(db: Database, where: Record<string, unknown>, next: ShippingSyncRecord): Promise<boolean> {
  return updateOrder(db, where, { shippingSync: db.command.set(next) });
}
