// The owner's day at a glance (China time): orders placed, amount paid, orders to ship, after-sale cases waiting
// for the owner (requests to decide, returns to receive).
import type { OwnerSummary } from '../contracts/order';
import { chinaDay } from '../core/order-id';
import { sumFen, toFen } from '../core/money';
import type { CallContext } from '../platform/handler';
import { countCases } from '../data/after-sales';
import { countOrders, paidOn } from '../data/orders';

export async function summarizeToday(_input: object, ctx: CallContext): Promise<OwnerSummary> {
  const date = chinaDay(ctx.now);
  const [orders, paid, toShip, waiting] = await Promise.all([
    countOrders(ctx.db, { day: date }),
    paidOn(ctx.db, date),
    countOrders(ctx.db, { status: 'paid' }),
    countCases(ctx.db, ['requested', 'returning']),
  ]);
  const refundsWaiting = (waiting.requested ?? 0) + (waiting.returning ?? 0);
  return { date, orders, paidFen: sumFen(paid.map((o) => toFen(o.paidFen ?? 0))), toShip, refundsWaiting };
}
