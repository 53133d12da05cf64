// The owner ships a paid order with a courier from the list and its tracking number; receipt is confirmed
// automatically later. The shipping info then goes to WeChat (发货信息管理服务); a failed upload never fails the ship.
import { AppError } from '../contracts/errors';
import { COURIERS } from '../contracts/limits';
import type { Order, OrderInput } from '../contracts/order';
import { DAY_MS } from '../core/rules';
import type { OwnerContext } from '../platform/handler';
import { findOrder } from '../data/orders';
import { notifyBuyer } from '../flows/notify-buyer';
import { moveOrder } from '../flows/transition';
import { shippingSyncOnShip, uploadShipping } from '../flows/upload-shipping';
import { reread } from './own-order';
import { viewOrder } from './view';

export async function shipOrder(input: OrderInput<'ship'>, ctx: OwnerContext): Promise<{ order: Order }> {
  const { settings } = ctx;
  const order = await findOrder(ctx.db, input.orderId);
  if (!order) throw new AppError('order.not_found');
  const courier = COURIERS.find((c) => c.code === input.courier);
  if (!courier) throw new AppError('input.invalid');
  const shipping = { carrier: courier.name, courier: courier.code, trackingNo: input.trackingNo.toUpperCase() };
  const autoConfirmAt = new Date(ctx.now.getTime() + settings.rules.autoConfirmDays * DAY_MS);
  const moved = await moveOrder(ctx.db, order, 'ship', 'owner', ctx.now, settings.rules, {
    patch: { shippedAt: ctx.now, shipping, autoConfirmAt, shippingSync: shippingSyncOnShip(settings, ctx.now) },
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
  const synced = await uploadShipping(ctx, shipped, settings, ctx.now);
  const latest = synced ? { ...shipped, shippingSync: synced } : shipped;
  return { order: await viewOrder(ctx.cloud, latest, 'owner', ctx.now, settings.rules) };
}
