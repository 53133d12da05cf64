// The customer page: the customer, their latest orders, their points summed from the ledger, their reviews (hidden
// ones marked) and their bindings from the binding history (data/binding-history.ts): whom, from when to when, and
// how each ended (released, expired, muted); share codes and nicknames, never openids.
import { AppError } from '../contracts/errors';
import type { CustomerDetail, ReportInput } from '../contracts/report';
import { BINDING_HISTORY_MAX } from '../contracts/limits';
import { type BindingHistoryRecord, readHistory } from '../data/binding-history';
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
  const [[item], orders, reviews, ledger, account, bindings] = await Promise.all([
    customerItems(ctx.db, [found]),
    latestOrdersOf(ctx.db, openid, LATEST),
    latestReviewsOf(ctx.db, openid, LATEST),
    ledgerOf(ctx.db, openid),
    findAccount(ctx.db, openid),
    readHistory(ctx.db, openid, ctx.now, BINDING_HISTORY_MAX),
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
    bindings: bindings.map(bindingView),
  };
}

function bindingView(b: BindingHistoryRecord) {
  const base = { shareCode: b.sharerCode, nickname: b.sharerNickname, from: new Date(b.since).toISOString() };
  return b.ended ? { ...base, to: new Date(b.until).toISOString(), ended: b.ended } : base;
}
