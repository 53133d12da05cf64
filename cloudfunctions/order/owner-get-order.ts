// Any order, for the owner, with the buyer's public handle and the owner's commands.
import { AppError } from '../contracts/errors';
import type { OrderInput, OrderResults } from '../contracts/order';
import type { CallContext } from '../data/handler';
import { findOrder } from '../data/orders';
import { requireOwner } from '../data/settings';
import { findUserByOpenid } from '../data/users';
import { viewOrder } from './view';

export async function ownerGetOrder(input: OrderInput<'ownerGet'>, ctx: CallContext): Promise<OrderResults['ownerGet']> {
  const settings = await requireOwner(ctx.db, ctx.openid);
  const order = await findOrder(ctx.db, input.orderId);
  if (!order) throw new AppError('order.not_found');
  const buyer = await findUserByOpenid(ctx.db, order.buyerId);
  return {
    order: await viewOrder(ctx.cloud, order, 'owner', ctx.now, settings.rules),
    buyer: buyer ? { nickname: buyer.nickname, shareCode: buyer.shareCode } : null,
  };
}
