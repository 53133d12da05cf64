// An order as rows of the owner's export: one row per line, the order's own figures (amounts in yuan, two
// decimals) repeated on each of its lines so that a spreadsheet's filter keeps them together.
import type { OrderStatus } from '../contracts/order';
import { chinaDateTime } from '../core/china-range';
import { formatYuan } from '../core/money';
import type { PlacedOrder } from '../data/orders';

/** As the owner's order desk says them (src/lib/order-status.ts). */
export const STATUS_TEXT: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  grouping: '待成团',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  cancelled: '已取消',
  refunding: '售后中',
  refunded: '已退款',
};

export const EXPORT_HEADER = [
  '订单号',
  '下单时间',
  '状态',
  '收货人',
  '手机号',
  '收货地址',
  '买家留言',
  '商品',
  '规格',
  '数量',
  '单价(元)',
  '小计(元)',
  '优惠券(元)',
  '积分抵扣(元)',
  '运费(元)',
  '实付(元)',
  '分享人编号',
  '分享人昵称',
  '快递公司',
  '运单号',
] as const;

/** The rows of one order; `sharerName` is the nickname of the member it is attributed to (if any). */
export function orderRows(order: PlacedOrder, sharerName: string | undefined): Array<Array<string | number>> {
  const { amounts, address } = order;
  const paid = order.paidFen === undefined ? '' : formatYuan(order.paidFen);
  return order.items.map((line) => [
    order._id,
    chinaDateTime(new Date(order.createdAt)),
    STATUS_TEXT[order.status],
    address.name,
    address.phone,
    `${address.region} ${address.detail}`,
    order.note ?? '',
    line.title,
    line.spec,
    line.qty,
    formatYuan(line.priceFen),
    formatYuan(line.lineFen),
    formatYuan(amounts.couponFen ?? 0),
    formatYuan(amounts.pointsDiscountFen),
    formatYuan(amounts.shippingFen),
    paid,
    order.sharer?.code ?? '',
    order.sharer ? (sharerName ?? '') : '',
    order.shipping?.carrier ?? '',
    order.shipping?.trackingNo ?? '',
  ]);
}
