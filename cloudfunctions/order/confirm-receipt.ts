// The buyer confirms the parcel arrived: the order completes, its after-sale window starts and its points are
// credited as pending.
import { AppError } from '../contracts/errors';
import type { Order, OrderInput } from '../contracts/order';
import { checkTransition } from '../core/order-flow';
import type { CallContext } from '../platform/handler';
import { completion } from '../data/order-changes';
import { catchUpPoints } from '../data/order-points';
import { catchUpPurchase } from '../data/purchases';
import { updateIfStatus } from '../data/orders';
import { loadSettings } from '../data/settings';
import { ownOrder, reread } from './own-order';
import { viewOrder } from './view';

export async function confirmReceipt(input: OrderInput<'confirmReceipt'>, ctx: CallContext): Promise<{ order: Order }> {
  const [order, settings] = await Promise.all([ownOrder(ctx, input.orderId), loadSettings(ctx.db)]);
  const to = checkTransition(order, 'confirmReceipt', 'buyer', ctx.now, settings.rules);
  const claimed = await updateIfStatus(ctx.db, order._id, order.status, { ...completion(ctx.now), status: to }, { at: ctx.now, label: '已收货', detail: '买家确认收货' });
  if (!claimed) throw new AppError('order.invalid_transition');
  await Promise.all([catchUpPoints(ctx.db, order._id, ctx.now, settings.rules), catchUpPurchase(ctx.db, order._id, ctx.now)]);
  return { order: await viewOrder(ctx.cloud, await reread(ctx, order._id), 'buyer', ctx.now, settings.rules) };
}
