// The buyer confirms the parcel arrived: the order completes, its after-sale window starts and its points are
// credited as pending.
import { AppError } from '../contracts/errors';
import type { Order, OrderInput } from '../contracts/order';
import type { CallContext } from '../platform/handler';
import { loadSettings } from '../data/settings';
import { completeOrder } from '../flows/complete';
import { ownOrder, reread } from './own-order';
import { viewOrder } from './view';

export async function confirmReceipt(input: OrderInput<'confirmReceipt'>, ctx: CallContext): Promise<{ order: Order }> {
  const [order, settings] = await Promise.all([ownOrder(ctx, input.orderId), loadSettings(ctx.db)]);
  if (!(await completeOrder(ctx.db, order, 'buyer', ctx.now, settings.rules)))
    throw new AppError('order.invalid_transition');
  return { order: await viewOrder(ctx.cloud, await reread(ctx, order._id), 'buyer', ctx.now, settings.rules) };
}
