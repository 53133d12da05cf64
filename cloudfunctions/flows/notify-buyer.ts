// Tells the buyer by subscribe message, when they allowed it and the shop set a template. Never fails the change.
import type { Cloud } from '../data/db';
import type { OrderRecord } from '../data/orders';
import type { Settings } from '../data/settings';

export type Notice = 'shipped' | 'refund';

interface SubscribeMessage {
  send(input: object): Promise<unknown>;
}

export async function notifyBuyer(
  cloud: Cloud,
  templates: Settings['templates'],
  order: OrderRecord,
  notice: Notice,
  now: Date,
  text: string,
): Promise<void> {
  if (!order.notify?.[notice]) return;
  try {
    const templateId = templates[notice];
    if (!templateId) return;
    const title = order.items[0]?.title ?? '订单';
    const openapi = cloud.openapi as unknown as { subscribeMessage: SubscribeMessage };
    await openapi.subscribeMessage.send({
      touser: order.buyerId,
      templateId,
      page: `/member/order/index?id=${order._id}`,
      data: {
        character_string1: { value: order._id },
        thing2: { value: title.slice(0, 20) },
        thing3: { value: text.slice(0, 20) },
        time4: { value: new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') },
      },
    });
  } catch (error) {
    console.error(`order ${order._id}: subscribe message ${notice} not sent`, error);
  }
}
