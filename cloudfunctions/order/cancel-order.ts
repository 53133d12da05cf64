// The buyer cancels their unpaid order; its stock and any points spent on it go back at once.
import { AppError } from '../contracts/errors';
import type { Order, OrderInput } from '../contracts/order';
import type { CallContext } from '../platform/handler';
import { loadSettings } from '../data/settings';
import { cancelOrder as cancel } from '../flows/cancel';
import { ownOrder, reread } from './own-order';
import { viewOrder } from './view';

export async function cancelOrder(input: OrderInput<'cancel'>, ctx: CallContext): Promise<{ order: Order }> {
  const [order, settings] = await Promise.all([ownOrder(ctx, input.orderId), loadSettings(ctx.db)]);
  if (!(await cancel(ctx.db, order, 'buyer', ctx.now, settings.rules))) throw new AppError('order.invalid_transition');
  return { order: await viewOrder(ctx.cloud, await reread(ctx, order._id), 'buyer', ctx.now, settings.rules) };
}
