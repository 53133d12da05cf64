// How an order's state reads to the buyer: status labels, the order list's tabs, after-sale cases' statuses and
// types, and the subscribe messages a buyer can accept for the status changes worth a notification.
import type {
  AfterSaleStatus,
  AfterSaleType,
  BuyerTab,
  OrderCommand,
  OrderStatus,
} from '../../cloudfunctions/contracts/order';

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  grouping: '待成团',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  cancelled: '已取消',
  refunding: '售后中',
  refunded: '已退款',
};

/** The line under the status in the order's header. */
export const ORDER_STATUS_HINTS: Record<OrderStatus, string> = {
  pending_payment: '订单未付款，超时将自动取消',
  grouping: '已付款，等待好友参团；到时未成团将全额退款',
  paid: '已付款，店主正在备货',
  shipped: '商品已发出，请留意查收',
  completed: '交易完成，感谢你的信任',
  cancelled: '订单已取消',
  refunding: '退款处理中，店主会尽快处理',
  refunded: '退款已原路退回',
};

/**
 * The order list's tabs, in the order they are shown (a Record, so a tab added to the contract fails the build here).
 */
export const BUYER_TAB_LABELS: Record<BuyerTab, string> = {
  all: '全部',
  pending_payment: '待付款',
  to_ship: '待发货',
  to_receive: '待收货',
  completed: '已完成',
  after_sale: '售后',
};

export const BUYER_TAB_LIST = Object.keys(BUYER_TAB_LABELS) as BuyerTab[];

/** A tab from a page query (`tab=`); anything unknown is the 全部 tab. */
export function parseBuyerTab(value: string | undefined): BuyerTab {
  return value && (BUYER_TAB_LIST as string[]).includes(value) ? (value as BuyerTab) : 'all';
}

/** The commands a buyer's order page offers, with their button labels, in the order the buttons are shown. */
export type BuyerCommand = Extract<OrderCommand, 'pay' | 'cancel' | 'confirmReceipt' | 'applyAfterSale'>;
export const BUYER_COMMAND_LABELS: Record<BuyerCommand, string> = {
  applyAfterSale: '申请售后',
  cancel: '取消订单',
  confirmReceipt: '确认收货',
  pay: '去支付',
};

/** The buyer's buttons of an order: exactly the commands the function returned, none worked out here. */
export function buyerCommands(commands: readonly OrderCommand[]): BuyerCommand[] {
  return (Object.keys(BUYER_COMMAND_LABELS) as BuyerCommand[]).filter((c) => commands.includes(c));
}

/** An after-sale case's status, in the same words for the buyer and the owner. */
export const AFTER_SALE_STATUS_LABELS: Record<AfterSaleStatus, string> = {
  requested: '待商家处理',
  awaiting_return: '待寄回',
  returning: '退货中',
  refunding: '退款中',
  refunded: '已退款',
  rejected: '商家已拒绝',
  cancelled: '已撤销',
  closed: '已关闭',
};

export const AFTER_SALE_TYPE_LABELS: Record<AfterSaleType, string> = {
  refund_only: '仅退款',
  return_refund: '退货退款',
};

/**
 * WeChat subscribe-message template ids (mp.weixin.qq.com → 订阅消息), asked for just before paying.
 * These are placeholders: set your own template ids. With an id WeChat does not know, the request fails
 * and the order is paid without notifications.
 */
export const SUBSCRIBE_TEMPLATES = {
  shipped: 'SET_YOUR_SHIPPED_TEMPLATE_ID',
  refund: 'SET_YOUR_REFUND_TEMPLATE_ID',
} as const;
