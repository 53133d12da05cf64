// How the owner's pages put an order into words: status labels, times, a one-line summary of the lines.
import { formatTime as formatShopTime } from '../../lib/time';
import type { Order, OrderLine, OrderStatus, OwnerView } from '../../../cloudfunctions/contracts/order';

export const STATUS_LABEL: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  grouping: '待成团',
  paid: '待发货',
  shipped: '待收货(已发货)',
  completed: '已完成',
  cancelled: '已取消',
  refunding: '售后中',
  refunded: '已退款',
};

export const VIEW_LABEL: Record<OwnerView, string> = {
  to_ship: '待发货',
  after_sale: '售后',
  all: '全部',
};

/** The desk's tabs in the order shown (src/ takes contracts as types only; a Record, so a new view fails the build). */
export const OWNER_VIEW_LIST = Object.keys(VIEW_LABEL) as OwnerView[];

export function isOwnerView(value: unknown): value is OwnerView {
  return value === 'to_ship' || value === 'after_sale' || value === 'all';
}

/** "11月23日 14:05" (the shop's one time format, src/lib/time), or nothing for a time not set. */
export function formatTime(iso: string | undefined): string {
  return iso ? formatShopTime(iso) : '';
}

/** "云南古树红茶 200g罐装 ×2，秦岭土蜂蜜 ×1" — the first lines, then "等 N 件". */
export function linesSummary(items: OrderLine[], shown = 2): string {
  const head = items
    .slice(0, shown)
    .map((l) => `${l.title}${l.spec ? ` ${l.spec}` : ''} ×${l.qty}`)
    .join('，');
  const pieces = items.reduce((n, l) => n + l.qty, 0);
  return items.length > shown ? `${head} 等 ${pieces} 件` : head;
}

/** The refund has been approved and WeChat Pay has not yet said the money went back. */
export function refundInFlight(order: Order): boolean {
  return (
    order.status === 'refunding' && !!order.refund?.approvedAt && !!order.refund.outRefundNo && !order.refund.refundedAt
  );
}

/** The line under the status on the owner's order page: what, if anything, the owner has to do. */
export function statusHint(order: Order): string {
  switch (order.status) {
    case 'pending_payment':
      return `买家尚未付款，${formatTime(order.payBefore)} 前未付款将自动取消`;
    case 'grouping':
      return '买家已付款，拼团成功后再发货；未成团将自动全额退款';
    case 'paid':
      return '买家已付款，请尽快发货';
    case 'shipped':
      return order.autoConfirmAt
        ? `已发货，买家未确认收货将于 ${formatTime(order.autoConfirmAt)} 自动确认`
        : '已发货，等待买家确认收货';
    case 'completed':
      return '买家已确认收货，交易完成';
    case 'cancelled':
      return '订单已取消';
    case 'refunding':
      return refundInFlight(order) ? '已同意退款，等待微信支付退款到账' : '售后处理中，请查看售后';
    case 'refunded':
      return '退款已原路退回买家';
  }
}

/** Whether the owner may act on a failed request by reloading (the order changed under them). */
export const STALE_CODES = new Set(['order.invalid_transition', 'order.not_found']);
