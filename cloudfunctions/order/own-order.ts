// The caller's own order: someone else's order id reads exactly like an unknown one.
import { AppError } from '../contracts/errors';
import type { CallContext } from '../platform/handler';
import { findOrder, type OrderRecord } from '../data/orders';

export async function ownOrder(ctx: CallContext, orderId: string): Promise<OrderRecord> {
  if (!ctx.openid) throw new AppError('auth.required');
  const order = await findOrder(ctx.db, orderId);
  if (!order || order.buyerId !== ctx.openid) throw new AppError('order.not_found');
  return order;
}

/** After a claimed change: the order as stored now. */
export async function reread(ctx: CallContext, orderId: string): Promise<OrderRecord> {
  const order = await findOrder(ctx.db, orderId);
  if (!order) throw new AppError('order.not_found');
  return order;
}
