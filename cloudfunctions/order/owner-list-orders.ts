// The owner's order desk: to ship, after-sale, or all, newest first; searchable by order id or buyer phone.
import { ORDER_ID_PATTERN, PHONE_PATTERN, type OrderInput, type OrderPage } from '../contracts/order';
import type { OwnerContext } from '../platform/handler';
import { findOrder, listOwnerOrders } from '../data/orders';
import { decodeOrderCursor, splitPage } from './paging';
import { viewOrders } from './view';

export async function ownerListOrders(input: OrderInput<'ownerList'>, ctx: OwnerContext): Promise<OrderPage> {
  const { rules } = ctx.settings;
  const q = input.q?.trim().toUpperCase() ?? '';
  if (q && ORDER_ID_PATTERN.test(q)) {
    const order = await findOrder(ctx.db, q);
    return { items: order ? await viewOrders(ctx.cloud, [order], 'owner', ctx.now, rules) : [], nextCursor: null };
  }
  // Anything else searched for is a phone number; a query that is neither finds nothing.
  if (q && !PHONE_PATTERN.test(q)) return { items: [], nextCursor: null };
  const limit = input.limit ?? 10;
  const filter = q ? { 'address.phone': q } : {};
  const fetched = await listOwnerOrders(
    ctx.db,
    input.view ?? 'all',
    filter,
    decodeOrderCursor(input.cursor),
    limit + 1,
  );
  const { rows, nextCursor } = splitPage(fetched, limit);
  return { items: await viewOrders(ctx.cloud, rows, 'owner', ctx.now, rules), nextCursor };
}
