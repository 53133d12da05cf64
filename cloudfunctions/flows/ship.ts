// The owner ships a paid order with a courier of COURIERS (by its code) and a tracking number: the status moves by
// the table (`ship`, with the shipping and the auto-confirm deadline), the buyer is told, and the shipping info goes
// to WeChat (发货信息管理服务). The order function's ship and the report function's import of shipments both run
// this; only the courier check and the move can fail (a failed notice or upload never fails the ship).
import { AppError } from '../contracts/errors';
import { COURIERS } from '../contracts/limits';
import { DAY_MS } from '../core/rules';
import type { Cloud, Database } from '../data/db';
import { findOrder, type OrderRecord } from '../data/orders';
import type { Settings } from '../data/settings';
import { notifyBuyer } from './notify-buyer';
import { moveOrder } from './transition';
import { shippingSyncOnShip, uploadShipping } from './upload-shipping';

/**
 * Ships `order` as read: `input.invalid` for a courier not on the list, `order.invalid_transition` when the order is
 * not (or no longer) shippable. Answers the order shipped.
 */
export async function shipWith(
  ctx: { cloud: Cloud; db: Database; now: Date; settings: Settings },
  order: OrderRecord,
  courierCode: string,
  trackingNo: string,
): Promise<OrderRecord> {
  const { settings, now } = ctx;
  const courier = COURIERS.find((c) => c.code === courierCode);
  if (!courier) throw new AppError('input.invalid');
  const shipping = { carrier: courier.name, courier: courier.code, trackingNo: trackingNo.toUpperCase() };
  const autoConfirmAt = new Date(now.getTime() + settings.rules.autoConfirmDays * DAY_MS);
  const moved = await moveOrder(ctx.db, order, 'ship', 'owner', now, settings.rules, {
    patch: { shippedAt: now, shipping, autoConfirmAt, shippingSync: shippingSyncOnShip(settings, now) },
    event: { label: '已发货', detail: `${shipping.carrier} ${shipping.trackingNo}` },
  });
  if (!moved) throw new AppError('order.invalid_transition');
  // Moved by this call just now: it is there.
  const shipped = (await findOrder(ctx.db, order._id)) as OrderRecord;
  await notifyBuyer(
    ctx.cloud,
    settings.templates,
    shipped,
    'shipped',
    now,
    `${shipping.carrier} ${shipping.trackingNo}`,
  );
  const synced = await uploadShipping(ctx, shipped, settings, now);
  return synced ? { ...shipped, shippingSync: synced } : shipped;
}
