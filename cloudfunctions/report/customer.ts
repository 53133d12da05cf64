// The customer page: the customer, their latest orders, their points summed from the ledger, their reviews (hidden
// ones marked) and their binding. Only the current binding is kept (bindings/<openid>), so the history shows it
// alone: still bound, or ended (expired or released) when it was.
import { AppError } from '../contracts/errors';
import type { CustomerDetail, ReportInput } from '../contracts/report';
import { findBinding } from '../data/bindings';
import { findCustomer, latestReviewsOf, ledgerOf } from '../data/customers';
import { latestOrdersOf } from '../data/orders';
import { findAccount } from '../data/points';
import { findProducts } from '../data/products';
import type { OwnerContext } from '../platform/handler';
import { customerItems } from './customer-view';

const LATEST = 20;

export async function customer(input: ReportInput<'customer'>, ctx: OwnerContext): Promise<CustomerDetail> {
  const found = await findCustomer(ctx.db, input.memberId);
  if (!found) throw new AppError('customer.not_found');
  const openid = found.buyerId;
  const [[item], orders, reviews, ledger, account, binding] = await Promise.all([
    customerItems(ctx.db, [found]),
    latestOrdersOf(ctx.db, openid, LATEST),
    latestReviewsOf(ctx.db, openid, LATEST),
    ledgerOf(ctx.db, openid),
    findAccount(ctx.db, openid),
    findBinding(ctx.db, openid),
  ]);
  const titles = reviews.length
    ? await findProducts(
        ctx.db,
        reviews.map((r) => r.productId),
      )
    : new Map();
  const sum = (kinds: string[], sign: number) =>
    ledger.filter((e) => kinds.includes(e.kind)).reduce((s, e) => s + sign * e.available, 0);
  return {
    customer: item,
    orders: orders.map((o) => ({
      id: o._id,
      status: o.status,
      payableFen: o.amounts.payableFen,
      createdAt: new Date(o.createdAt).toISOString(),
      title: o.items[0]?.title ?? '',
      qty: o.items.reduce((s, l) => s + l.qty, 0),
    })),
    points: {
      balance: account?.available ?? 0,
      earned: sum(['welcome', 'spendable'], 1),
      spent: sum(['spend'], -1) - sum(['return'], 1),
      expired: sum(['expire'], -1),
    },
    reviews: reviews.map((r) => ({
      productId: r.productId,
      title: titles.get(r.productId)?.title ?? '已删除的商品',
      rating: r.rating,
      text: r.text,
      at: new Date(r.createdAt).toISOString(),
      hidden: r.hidden,
    })),
    bindings: binding ? [bindingView(binding, ctx.now)] : [],
  };
}

function bindingView(b: NonNullable<Awaited<ReturnType<typeof findBinding>>>, now: Date) {
  const from = new Date(b.since).toISOString();
  const base = { shareCode: b.sharerCode, nickname: b.sharerNickname, from };
  if (b.releasedAt) return { ...base, to: new Date(b.releasedAt).toISOString(), ended: 'released' as const };
  if (new Date(b.until) <= now) return { ...base, to: new Date(b.until).toISOString(), ended: 'expired' as const };
  return base;
}
