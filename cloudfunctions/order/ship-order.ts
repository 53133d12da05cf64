// The owner ships a paid order with the carrier and tracking number; receipt is confirmed automatically later.
import { AppError } from '../contracts/errors';
import { COURIERS } from '../contracts/limits';
import type { Order, OrderInput } from '../contracts/order';
import { DAY_MS } from '../core/rules';
import type { OwnerContext } from '../platform/handler';
import { findOrder } from '../data/orders';
import { notifyBuyer } from '../flows/notify-buyer';
import { moveOrder } from '../flows/transition';
import { reread } from './own-order';
import { viewOrder } from './view';

export async function shipOrder(input: OrderInput<'ship'>, ctx: OwnerContext): Promise<{ order: Order }> {
  const { settings } = ctx;
  const order = await findOrder(ctx.db, input.orderId);
  if (!order) throw new AppError('order.not_found');
  const courier = COURIERS.find((c) => c.code === input.courier) as (typeof COURIERS)[number];
  const shipping = { carrier: courier.name, courier: courier.code, trackingNo: input.trackingNo.toUpperCase() };
  const autoConfirmAt = new Date(ctx.now.getTime() + settings.rules.autoConfirmDays * DAY_MS);
  const moved = await moveOrder(ctx.db, order, 'ship', 'owner', ctx.now, settings.rules, {
    patch: { shippedAt: ctx.now, shipping, autoConfirmAt },
    event: { label: '已发货', detail: `${shipping.carrier} ${shipping.trackingNo}` },
  });
  if (!moved) throw new AppError('order.invalid_transition');
  const shipped = await reread(ctx, order._id);
  await notifyBuyer(
    ctx.cloud,
    settings.templates,
    shipped,
    'shipped',
    ctx.now,
    `${shipping.carrier} ${shipping.trackingNo}`,
  );
  return { order: await viewOrder(ctx.cloud, shipped, 'owner', ctx.now, settings.rules) };
}
