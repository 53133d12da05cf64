// What the owner reads of a shipped order's upload to WeChat's 发货信息管理服务 (Order.shippingSync).
import type { Order } from '../../../cloudfunctions/contracts/order';

export type ShippingSync = NonNullable<Order['shippingSync']>;

/** 已同步微信 / 同步失败（why）/ 未开通发货信息管理服务 / 已关闭上传 (/ 同步中 until the first answer). */
export function shippingSyncLabel(sync: ShippingSync): string {
  switch (sync.status) {
    case 'synced':
      return '已同步微信';
    case 'failed':
      return sync.error ? `同步失败（${sync.error}）` : '同步失败';
    case 'not_joined':
      return '未开通发货信息管理服务';
    case 'off':
      return '已关闭上传';
    case 'pending':
      return '同步中';
  }
}

/** Whether the owner should look: a failure, or a shop outside the service whose payments WeChat may hold. */
export const shippingSyncNeedsAttention = (sync: ShippingSync): boolean =>
  sync.status === 'failed' || sync.status === 'not_joined';
