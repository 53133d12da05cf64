// The `order` function: actions, input schemas and result types. src/ imports these as types only (the limits it
// checks too come from ./limits, which has no schema library).
// The client sends product and SKU ids with quantities; every amount is computed by the function.
import * as v from 'valibot';
import {
  ADDRESS_BOUNDS,
  AFTER_SALE_DESCRIPTION_MAX,
  AFTER_SALE_ID_PATTERN,
  AFTER_SALE_PHOTOS_MAX,
  COURIERS,
  CARRIER_BOUNDS,
  MAX_LINE_QTY,
  MAX_LINES,
  GROUP_ID_PATTERN,
  MEMBER_COUPON_ID_PATTERN,
  MEMBER_PHOTO_PATTERN,
  ORDER_ID_PATTERN,
  ORDER_NOTE_MAX,
  ORDER_QUERY_MAX,
  PHONE_PATTERN,
  REFUND_REASON_BOUNDS,
  REQUEST_ID_PATTERN,
  SHORT_ID_PATTERN,
  TRACKING_NO_PATTERN,
} from './limits';
import type { MemberCoupon } from './coupon';
import type { PointsOffer } from './points';
import { optionalText, requiredText } from './text';

// Where the functions and tests have always imported them from.
export { MAX_LINE_QTY, MAX_LINES, ORDER_ID_PATTERN, PHONE_PATTERN } from './limits';

export const ORDER_FUNCTION = 'order';

const shortId = v.pipe(v.string(), v.regex(SHORT_ID_PATTERN, 'id'));
const orderId = v.pipe(v.string(), v.regex(ORDER_ID_PATTERN, 'orderId'));

const line = v.strictObject({
  productId: shortId,
  skuId: shortId,
  qty: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_LINE_QTY)),
});
/**
 * MAX_LINE_QTY bounds a SKU in the order, not a line: pricing merges lines of the same SKU, so the limit holds for
 * their sum (3 lines of 60 would otherwise become one line of 180).
 */
function withinSkuLimit(items: Array<{ productId: string; skuId: string; qty: number }>): boolean {
  const merged = new Map<string, number>();
  for (const { productId, skuId, qty } of items) {
    const key = `${productId}\u0000${skuId}`;
    const sum = (merged.get(key) ?? 0) + qty;
    if (sum > MAX_LINE_QTY) return false;
    merged.set(key, sum);
  }
  return true;
}
const lines = v.pipe(v.array(line), v.minLength(1), v.maxLength(MAX_LINES), v.check(withinSkuLimit, 'qty'));
export const address = v.strictObject({
  name: requiredText(ADDRESS_BOUNDS.name),
  phone: v.pipe(v.string(), v.regex(PHONE_PATTERN, 'phone')),
  region: requiredText(ADDRESS_BOUNDS.region),
  detail: requiredText(ADDRESS_BOUNDS.detail),
});

const cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)));

export const BUYER_TABS = ['all', 'pending_payment', 'to_ship', 'to_receive', 'completed', 'after_sale'] as const;
export type BuyerTab = (typeof BUYER_TABS)[number];
export const OWNER_VIEWS = ['to_ship', 'after_sale', 'all'] as const;
export type OwnerView = (typeof OWNER_VIEWS)[number];

export const AFTER_SALE_TYPES = ['refund_only', 'return_refund'] as const;
export type AfterSaleType = (typeof AFTER_SALE_TYPES)[number];
export const AFTER_SALE_STATUSES = [
  'requested',
  'awaiting_return',
  'returning',
  'refunding',
  'refunded',
  'rejected',
  'cancelled',
  'closed',
] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];

const afterSaleId = v.pipe(v.string(), v.regex(AFTER_SALE_ID_PATTERN, 'afterSaleId'));
const trackingNo = v.pipe(v.string(), v.trim(), v.regex(TRACKING_NO_PATTERN, 'trackingNo'));
const courierCode = v.picklist(COURIERS.map((c) => c.code));
/** The lines of a case: SKUs of the order, each once, with how many units. */
const afterSaleLines = v.pipe(
  v.array(
    v.strictObject({
      skuId: shortId,
      qty: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_LINE_QTY)),
    }),
  ),
  v.minLength(1),
  v.maxLength(MAX_LINES),
  v.check((ls) => new Set(ls.map((l) => l.skuId)).size === ls.length, 'lines'),
);
/** Evidence: fileIDs the buyer uploaded under `aftersales/<their openid>/` (checked by the use case). */
const evidencePhotos = v.optional(
  v.pipe(v.array(v.pipe(v.string(), v.regex(MEMBER_PHOTO_PATTERN, 'photo'))), v.maxLength(AFTER_SALE_PHOTOS_MAX)),
);

/** Points to spend on an order (0 or absent: none); the function checks them against the balance and the cap. */
const pointsToUse = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)));

const memberCouponId = v.pipe(v.string(), v.regex(MEMBER_COUPON_ID_PATTERN, 'couponId'));

/**
 * An order of a group buy (one line of the activity's product): without `groupId` it starts a group, with it joins
 * that group. Priced at the group price; a coupon does not apply to it.
 */
const groupBuy = v.optional(
  v.strictObject({
    groupBuyId: v.pipe(v.string(), v.regex(SHORT_ID_PATTERN, 'groupBuyId')),
    groupId: v.optional(v.pipe(v.string(), v.regex(GROUP_ID_PATTERN, 'groupId'))),
  }),
);

export const orderInputs = {
  quote: v.strictObject({
    items: lines,
    pointsToUse,
    /** A member coupon of the caller (`coupon.mine` item id); absent: the best usable one; null: none. */
    couponId: v.optional(v.nullable(memberCouponId)),
    groupBuy,
  }),
  create: v.strictObject({
    /** Made by the client once per checkout; the same request sent again returns the same order. */
    requestId: v.pipe(v.string(), v.regex(REQUEST_ID_PATTERN, 'requestId')),
    items: lines,
    address,
    note: v.optional(optionalText(ORDER_NOTE_MAX)),
    pointsToUse,
    /** A member coupon of the caller to spend on this order (absent: none; create never picks one itself). */
    couponId: v.optional(memberCouponId),
    groupBuy,
  }),
  /** A past order's lines at today's prices and stock, for 再来一单 (the buyer's own order). */
  buyAgain: v.strictObject({ orderId }),
  pay: v.strictObject({
    orderId,
    /** Which subscribe messages the buyer allowed (weapp: Taro.requestSubscribeMessage just before paying). */
    notify: v.optional(v.strictObject({ shipped: v.boolean(), refund: v.boolean() })),
  }),
  cancel: v.strictObject({ orderId }),
  confirmReceipt: v.strictObject({ orderId }),
  /** The most `applyAfterSale` may ask for these units now (the form shows it beside the amount). */
  quoteAfterSale: v.strictObject({ orderId, lines: afterSaleLines }),
  applyAfterSale: v.strictObject({
    orderId,
    type: v.picklist(AFTER_SALE_TYPES),
    lines: afterSaleLines,
    refundFen: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000_000)),
    reason: requiredText(REFUND_REASON_BOUNDS),
    description: v.optional(optionalText(AFTER_SALE_DESCRIPTION_MAX)),
    photos: evidencePhotos,
  }),
  afterSale: v.strictObject({ afterSaleId }),
  afterSales: v.strictObject({ cursor, limit }),
  cancelAfterSale: v.strictObject({ afterSaleId }),
  /** A rejected case asked again, once, with new words or photos. */
  reopenAfterSale: v.strictObject({
    afterSaleId,
    description: optionalText(AFTER_SALE_DESCRIPTION_MAX),
    photos: evidencePhotos,
  }),
  shipReturn: v.strictObject({ afterSaleId, carrier: requiredText(CARRIER_BOUNDS), trackingNo }),
  list: v.strictObject({ tab: v.optional(v.picklist(BUYER_TABS)), cursor, limit }),
  get: v.strictObject({ orderId }),
  ownerList: v.strictObject({
    view: v.optional(v.picklist(OWNER_VIEWS)),
    /** An order id or the buyer's phone number. */
    q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(ORDER_QUERY_MAX))),
    cursor,
    limit,
  }),
  ownerGet: v.strictObject({ orderId }),
  ship: v.strictObject({
    orderId,
    /** WeChat's express-company code of one of COURIERS; the order shows its name. */
    courier: courierCode,
    trackingNo,
  }),
  decideAfterSale: v.strictObject({
    afterSaleId,
    approve: v.boolean(),
    /** Required to reject. */
    reason: v.optional(requiredText(REFUND_REASON_BOUNDS)),
    /** Approving a return: where the goods go (default: the return address of 店铺设置). */
    returnAddress: v.optional(address),
  }),
  receiveReturn: v.strictObject({ afterSaleId }),
  ownerAfterSales: v.strictObject({ status: v.optional(v.picklist(AFTER_SALE_STATUSES)), cursor, limit }),
  summary: v.strictObject({}),
};

export type OrderAction = keyof typeof orderInputs;
export type OrderInput<A extends OrderAction> = v.InferOutput<(typeof orderInputs)[A]>;
export type Address = v.InferOutput<typeof address>;

export const ORDER_STATUSES = [
  'pending_payment',
  /** 待成团: a paid order of a group still forming; every order of the group becomes `paid` when it is full. */
  'grouping',
  'paid',
  'shipped',
  'completed',
  'cancelled',
  'refunding',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** What a viewer may do to an order now; the pages show exactly these buttons. */
export type OrderCommand = 'pay' | 'cancel' | 'confirmReceipt' | 'applyAfterSale' | 'ship';

export interface OrderLine {
  productId: string;
  skuId: string;
  title: string;
  spec: string;
  /** Display URL of the product's cover. */
  image: string;
  priceFen: number;
  qty: number;
  lineFen: number;
  /** Order detail only: the product or this SKU is no longer sold (taken off sale or removed). */
  offSale?: true;
  /** Priced by an activity: its flash price (秒杀价) or group price (拼团价). */
  campaign?: 'flash_sale' | 'group_buy';
}

export interface OrderAmounts {
  goodsFen: number;
  /** What the order's coupon took off the goods (0 without one); points then pay part of what is left. */
  couponFen: number;
  pointsUsed: number;
  pointsDiscountFen: number;
  shippingFen: number;
  payableFen: number;
}

export interface OrderEvent {
  at: string;
  /** What happened, in the shop's words (已下单, 已付款, 已发货 …). */
  label: string;
  detail?: string;
}

export interface Order {
  id: string;
  /**
   * Completed orders: the lines (SKU ids) the buyer has reviewed; the others can be reviewed. Refunded orders with
   * reviews: the lines reviewed (the buyer can still read those reviews; a refund in full withdrew them).
   */
  reviewedSkus?: string[];
  status: OrderStatus;
  items: OrderLine[];
  amounts: OrderAmounts;
  /** The member coupon the order spent (given back if the order is cancelled unpaid or refunded in full in time). */
  coupon?: { id: string; name: string };
  /** An order of a group buy: the group it started or joined. */
  group?: { groupBuyId: string; groupId: string };
  sharerCode?: string;
  address: Address;
  note?: string;
  createdAt: string;
  /** Unpaid orders are cancelled at this time. */
  payBefore: string;
  paidAt?: string;
  shippedAt?: string;
  completedAt?: string;
  cancelledAt?: string;
  /** Receipt is confirmed automatically at this time (shipped orders). */
  autoConfirmAt?: string;
  shipping?: { carrier: string; trackingNo: string; courier?: string };
  /**
   * The owner's view of a shipped order: whether its shipping info reached WeChat (发货信息管理服务). `failed` says
   * why and is retried by the scheduler; `not_joined` (error 48001: the shop is not in the service) is not retried;
   * `off`: the owner turned the upload off.
   */
  shippingSync?: { status: 'pending' | 'synced' | 'failed' | 'not_joined' | 'off'; error?: string; at?: string };
  /** The order's after-sale cases, newest first. */
  afterSales: AfterSaleSummary[];
  /** Refunded through after-sale cases so far. */
  refundedFen: number;
  /** A system refund of a late payment (the shop's own, without a case). */
  refund?: {
    reason: string;
    requestedAt: string;
    approvedAt?: string;
    rejectedAt?: string;
    rejectReason?: string;
    refundedAt?: string;
    refundFen: number;
    /** WeChat Pay's refund number, once the owner approved (h5: /__dev/refund completes it locally). */
    outRefundNo?: string;
  };
  /** For the owner: a payment that arrived after the order was cancelled, and whether stock could be taken again. */
  attention?: { latePayment: boolean; stockShort: boolean };
  timeline: OrderEvent[];
  /** The commands the caller may run now. */
  commands: OrderCommand[];
}

export interface AfterSaleLine {
  productId: string;
  skuId: string;
  title: string;
  spec: string;
  image: string;
  priceFen: number;
  qty: number;
}

export interface AfterSaleHistoryEntry {
  at: string;
  by: 'buyer' | 'owner' | 'system';
  /** What happened (申请退货退款, 商家同意退货, 超时自动同意 …). */
  label: string;
  text?: string;
  /** Display URLs. */
  photos?: string[];
}

/** What a viewer may do to a case now; the pages show exactly these buttons. */
export type AfterSaleCommand = 'cancel' | 'shipReturn' | 'reopen' | 'approve' | 'reject' | 'receiveReturn';

export interface AfterSale {
  id: string;
  orderId: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  lines: AfterSaleLine[];
  refundFen: number;
  reason: string;
  description: string;
  /**
   * Evidence, as display URLs: the buyer sees all their own; the owner those content security passed (a photo
   * waits for WeChat's verdict: `pendingPhotos`; one that did not pass stays hidden: `rejectedPhotos`).
   */
  photos: string[];
  pendingPhotos?: number;
  rejectedPhotos?: number;
  returnAddress?: Address;
  returnShipping?: { carrier: string; trackingNo: string; shippedAt: string };
  /** WeChat Pay's refund number, once the refund was asked of WeChat Pay (h5: /__dev/refund completes it). */
  outRefundNo?: string;
  /** When the current step times out, and what happens then. */
  deadline?: string;
  deadlineAction?: 'auto_approve' | 'close' | 'auto_receive';
  createdAt: string;
  refundedAt?: string;
  /** The owner's reason, when rejected. */
  rejectReason?: string;
  /** A rejected case may be asked again once. */
  reopened: boolean;
  history: AfterSaleHistoryEntry[];
  commands: AfterSaleCommand[];
}

export interface AfterSaleSummary {
  id: string;
  orderId: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  refundFen: number;
  createdAt: string;
  deadline?: string;
  /** The first line's title and cover, and how many units in all. */
  title: string;
  image: string;
  units: number;
}

export interface AfterSalePage {
  items: AfterSaleSummary[];
  nextCursor: string | null;
}

export interface AfterSaleQuote {
  /** The most the case may ask for these units. */
  maxFen: number;
  /** Shipping is included: everything is refunded before shipping. */
  includesShipping: boolean;
  /** Per line of the order: units that can still be asked for. */
  lines: Array<{ skuId: string; qtyLeft: number }>;
  /** Whether a return (退货退款) is possible: only once the goods shipped. */
  returnAllowed: boolean;
}

/** A member coupon as checkout offers it: what it takes off this order, or why it cannot be used on it. */
export interface QuoteCoupon extends MemberCoupon {
  discountFen: number;
}
export interface UnusableCoupon extends MemberCoupon {
  /** In the shop's words: 还差 ¥5.00 可用, 不适用于所选商品, 未到使用时间. */
  why: string;
}

export interface Quote {
  items: OrderLine[];
  /** `couponFen` is of `coupons.applied`. */
  amounts: OrderAmounts;
  /** The caller's usable coupons for these items, the largest discount first; `best` is the first one's id. */
  coupons: { usable: QuoteCoupon[]; unusable: UnusableCoupon[]; best: string | null; applied: string | null };
  /** Goods amount from which shipping is free. */
  freeShippingFromFen: number;
  /** What the buyer's points can pay of this order (`amounts` already applies the `pointsToUse` asked for). */
  points: PointsOffer;
}

export interface OrderPage {
  items: Order[];
  nextCursor: string | null;
}

/** What the client needs to take the payment: weapp passes `payment` to Taro.requestPayment. */
export interface PayResult {
  orderId: string;
  outTradeNo: string;
  payableFen: number;
  payment: {
    timeStamp: string;
    nonceStr: string;
    package: string;
    signType: string;
    paySign: string;
  };
}

export interface OwnerSummary {
  /** The day summed, in China time (YYYY-MM-DD). */
  date: string;
  orders: number;
  paidFen: number;
  toShip: number;
  /** Open after-sale cases waiting for the owner (requests to decide, returns to receive). */
  refundsWaiting: number;
}

/** A line of a past order as it could be bought again now. */
export interface BuyAgainLine {
  productId: string;
  skuId: string;
  title: string;
  spec: string;
  image: string;
  /** What the buyer asked for in the past order. */
  qty: number;
  /** Today's price (0 when the SKU is no longer sold) and what it cost in the past order. */
  priceFen: number;
  paidPriceFen: number;
  /** Units on sale now. */
  stock: number;
  /** `ok`; `short`: fewer units left than `qty`; `sold_out`; `off_sale`: the product or SKU is no longer sold. */
  status: 'ok' | 'short' | 'sold_out' | 'off_sale';
}

export interface OrderResults {
  quote: Quote;
  buyAgain: { lines: BuyAgainLine[] };
  create: { order: Order };
  pay: PayResult;
  cancel: { order: Order };
  confirmReceipt: { order: Order };
  quoteAfterSale: AfterSaleQuote;
  applyAfterSale: { afterSale: AfterSale };
  afterSale: { afterSale: AfterSale };
  afterSales: AfterSalePage;
  cancelAfterSale: { afterSale: AfterSale };
  reopenAfterSale: { afterSale: AfterSale };
  shipReturn: { afterSale: AfterSale };
  list: OrderPage;
  get: { order: Order };
  ownerList: OrderPage;
  ownerGet: { order: Order; buyer: { nickname: string; shareCode: string } | null };
  ship: { order: Order };
  decideAfterSale: { afterSale: AfterSale };
  receiveReturn: { afterSale: AfterSale };
  /** `counts`: open cases by status, for the desk's tabs. */
  ownerAfterSales: AfterSalePage & { counts: Partial<Record<AfterSaleStatus, number>> };
  summary: OwnerSummary;
}
