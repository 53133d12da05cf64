// Any order, for the owner, with the buyer's public handle and the owner's commands.
import { AppError } from '../contracts/errors';
import type { OrderInput, OrderResults } from '../contracts/order';
import type { OwnerContext } from '../platform/handler';
import { findOrder } from '../data/orders';
import { findProducts } from '../data/products';
import { findUserByOpenid } from '../data/users';
import { viewOrder, withAvailability } from './view';

export async function ownerGetOrder(
  input: OrderInput<'ownerGet'>,
  ctx: OwnerContext,
): Promise<OrderResults['ownerGet']> {
  const order = await findOrder(ctx.db, input.orderId);
  if (!order) throw new AppError('order.not_found');
  const [buyer, products, view] = await Promise.all([
    findUserByOpenid(ctx.db, order.buyerId),
    findProducts(
      ctx.db,
      order.items.map((l) => l.productId),
    ),
    viewOrder(ctx.cloud, order, 'owner', ctx.now, ctx.settings.rules),
  ]);
  return {
    order: withAvailability(view, products),
    buyer: buyer ? { nickname: buyer.nickname, shareCode: buyer.shareCode } : null,
  };
}
