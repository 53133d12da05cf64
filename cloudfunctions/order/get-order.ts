// One of the buyer's own orders, with the commands they may run on it now and which lines are no longer sold.
import type { Order, OrderInput } from '../contracts/order';
import type { CallContext } from '../platform/handler';
import { findProducts } from '../data/products';
import { loadSettings } from '../data/settings';
import { ownOrder } from './own-order';
import { viewOrder, withAvailability } from './view';

export async function getOrder(input: OrderInput<'get'>, ctx: CallContext): Promise<{ order: Order }> {
  const [order, settings] = await Promise.all([ownOrder(ctx, input.orderId), loadSettings(ctx.db)]);
  const [view, products] = await Promise.all([
    viewOrder(ctx.cloud, order, 'buyer', ctx.now, settings.rules),
    findProducts(
      ctx.db,
      order.items.map((l) => l.productId),
    ),
  ]);
  return { order: withAvailability(view, products) };
}
