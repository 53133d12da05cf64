// The owner ships a paid order with a courier from the list and its tracking number; receipt is confirmed
// automatically later. The shipping info then goes to WeChat (发货信息管理服务); a failed upload never fails the ship.
import { AppError } from '../contracts/errors';
import type { Order, OrderInput } from '../contracts/order';
import { findOrder } from '../data/orders';
import { shipWith } from '../flows/ship';
import type { OwnerContext } from '../platform/handler';
import { viewOrder } from './view';

export async function shipOrder(input: OrderInput<'ship'>, ctx: OwnerContext): Promise<{ order: Order }> {
  const order = await findOrder(ctx.db, input.orderId);
  if (!order) throw new AppError('order.not_found');
  const shipped = await shipWith(ctx, order, input.courier, input.trackingNo);
  return { order: await viewOrder(ctx.cloud, shipped, 'owner', ctx.now, ctx.settings.rules) };
}
