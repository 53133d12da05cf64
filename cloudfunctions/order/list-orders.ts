// The buyer's own orders, newest first, by tab (待付款 / 待发货 / 待收货 / 已完成 / 售后).
import { AppError } from '../contracts/errors';
import type { OrderInput, OrderPage } from '../contracts/order';
import type { CallContext } from '../platform/handler';
import { listBuyerOrders } from '../data/orders';
import { loadSettings } from '../data/settings';
import { decodeOrderCursor, splitPage } from './paging';
import { viewOrders } from './view';

export async function listOrders(input: OrderInput<'list'>, ctx: CallContext): Promise<OrderPage> {
  if (!ctx.openid) throw new AppError('auth.required');
  const limit = input.limit ?? 10;
  const [settings, fetched] = await Promise.all([
    loadSettings(ctx.db),
    listBuyerOrders(ctx.db, ctx.openid, input.tab ?? 'all', decodeOrderCursor(input.cursor), limit + 1),
  ]);
  const { rows, nextCursor } = splitPage(fetched, limit);
  return { items: await viewOrders(ctx.cloud, rows, 'buyer', ctx.now, settings.rules), nextCursor };
}
