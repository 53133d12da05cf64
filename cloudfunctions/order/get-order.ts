// One of the buyer's own orders, with the commands they may run on it now.
import type { Order, OrderInput } from '../contracts/order';
import type { CallContext } from '../data/handler';
import { loadSettings } from '../data/settings';
import { ownOrder } from './own-order';
import { viewOrder } from './view';

export async function getOrder(input: OrderInput<'get'>, ctx: CallContext): Promise<{ order: Order }> {
  const [order, settings] = await Promise.all([ownOrder(ctx, input.orderId), loadSettings(ctx.db)]);
  return { order: await viewOrder(ctx.cloud, order, 'buyer', ctx.now, settings.rules) };
}
