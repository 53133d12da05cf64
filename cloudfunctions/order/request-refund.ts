// The buyer asks for their money back (paid, shipped, or completed within the after-sale window); the owner decides.
import { AppError } from '../contracts/errors';
import type { Order, OrderInput } from '../contracts/order';
import type { CallContext } from '../platform/handler';
import { loadSettings } from '../data/settings';
import { moveOrder } from '../flows/transition';
import { ownOrder, reread } from './own-order';
import { viewOrder } from './view';

export async function requestRefund(input: OrderInput<'requestRefund'>, ctx: CallContext): Promise<{ order: Order }> {
  const [order, settings] = await Promise.all([ownOrder(ctx, input.orderId), loadSettings(ctx.db)]);
  const refundFen = order.paidFen ?? order.amounts.payableFen;
  const refund = { reason: input.reason, requestedAt: ctx.now, fromStatus: order.status, refundFen };
  const moved = await moveOrder(ctx.db, order, 'requestRefund', 'buyer', ctx.now, settings.rules, {
    patch: { refund },
    event: { label: '申请退款', detail: input.reason },
  });
  if (!moved) throw new AppError('order.invalid_transition');
  return { order: await viewOrder(ctx.cloud, await reread(ctx, order._id), 'buyer', ctx.now, settings.rules) };
}
