// An order as its viewer sees it: dates as ISO strings, covers as display URLs, its after-sale cases, and the
// commands the transition table allows that viewer now.
import type { AfterSaleSummary, Order, OrderLine } from '../contracts/order';
import type { PricedLine } from '../core/pricing';
import { commandsFor, type OrderFacts } from '../core/order-flow';
import type { ProductRecord } from '../core/product';
import type { ShopRules } from '../core/rules';
import { casesOfOrders } from '../data/after-sales';
import { databaseOf, type Cloud } from '../data/db';
import { displayUrls, THUMBNAIL } from '../data/files';
import type { OrderRecord, ShippingSyncRecord } from '../data/orders';
import { summarizeCases } from './after-sale-view';

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined);

/** The owner's view of the shipping info upload (attempts and retry times stay on the server). */
const viewShippingSync = (s: ShippingSyncRecord): NonNullable<Order['shippingSync']> => ({
  status: s.status,
  ...(s.error ? { error: s.error } : {}),
  at: iso(s.at),
});

/** A priced line as buyers see it: the cover as a display URL, the SKU's position left out. */
export function viewLine(l: PricedLine, urls: ReadonlyMap<string, string>): OrderLine {
  return {
    productId: l.productId,
    skuId: l.skuId,
    title: l.title,
    spec: l.spec,
    image: urls.get(l.cover) ?? '',
    priceFen: l.priceFen,
    qty: l.qty,
    lineFen: l.lineFen,
    ...(l.campaign ? { campaign: l.campaign } : {}),
  };
}

/** Marks the lines whose product or SKU is no longer sold (off sale, removed): the detail page says 已下架. */
export function withAvailability(order: Order, products: ReadonlyMap<string, ProductRecord>): Order {
  const sold = (l: OrderLine) => {
    const p = products.get(l.productId);
    return p?.status === 'on_sale' && p.skus.some((s) => s.id === l.skuId && !s.retired);
  };
  return { ...order, items: order.items.map((l) => (sold(l) ? l : { ...l, offSale: true as const })) };
}

export async function viewOrders(
  cloud: Cloud,
  records: readonly OrderRecord[],
  viewer: 'buyer' | 'owner',
  now: Date,
  rules: ShopRules,
): Promise<Order[]> {
  const withCases = records.filter((r) => r.hasAfterSale).map((r) => r._id);
  const [urls, cases] = await Promise.all([
    displayUrls(cloud, records.flatMap((r) => r.items.map((l) => l.cover)).filter(Boolean), THUMBNAIL),
    casesOfOrders(databaseOf(cloud), withCases),
  ]);
  // One batch of covers for every order's cases, then back to their orders.
  const summaries = new Map<string, AfterSaleSummary[]>();
  for (const summary of await summarizeCases(cloud, [...cases.values()].flat())) {
    summaries.set(summary.orderId, [...(summaries.get(summary.orderId) ?? []), summary]);
  }
  return records.map((r) => toOrder(r, urls, summaries.get(r._id) ?? [], viewer, now, rules));
}

/** What the order's tables (core/order-flow.ts) decide on. */
export function orderFactsOf(r: OrderRecord): OrderFacts {
  return {
    status: r.status,
    completedAt: r.completedAt ? new Date(r.completedAt) : null,
    refund: r.refund
      ? { fromStatus: r.refund.fromStatus, approvedAt: r.refund.approvedAt ? new Date(r.refund.approvedAt) : null }
      : null,
    openAfterSale: r.openAfterSale ?? null,
    reopenableAfterSale: r.reopenableAfterSale ?? null,
    unitsLeft: r.items.some((l) => l.qty > (r.refundedQty?.[l.skuId] ?? 0)),
  };
}

export async function viewOrder(
  cloud: Cloud,
  record: OrderRecord,
  viewer: 'buyer' | 'owner',
  now: Date,
  rules: ShopRules,
): Promise<Order> {
  return (await viewOrders(cloud, [record], viewer, now, rules))[0];
}

function toOrder(
  r: OrderRecord,
  urls: Map<string, string>,
  afterSales: AfterSaleSummary[],
  viewer: 'buyer' | 'owner',
  now: Date,
  rules: ShopRules,
): Order {
  return {
    id: r._id,
    status: r.status,
    items: r.items.map((l) => viewLine(l, urls)),
    amounts: { ...r.amounts, couponFen: r.amounts.couponFen ?? 0 },
    ...(r.coupon ? { coupon: { id: r.coupon.id, name: r.coupon.name } } : {}),
    ...(r.sharerCode ? { sharerCode: r.sharerCode } : {}),
    address: r.address,
    ...(r.note ? { note: r.note } : {}),
    createdAt: iso(r.createdAt) as string,
    payBefore: iso(r.payBefore) as string,
    ...(r.paidAt ? { paidAt: iso(r.paidAt) } : {}),
    ...(r.shippedAt ? { shippedAt: iso(r.shippedAt) } : {}),
    ...(r.completedAt ? { completedAt: iso(r.completedAt) } : {}),
    ...(r.cancelledAt ? { cancelledAt: iso(r.cancelledAt) } : {}),
    ...(r.autoConfirmAt && r.status === 'shipped' ? { autoConfirmAt: iso(r.autoConfirmAt) } : {}),
    ...(r.shipping ? { shipping: r.shipping } : {}),
    ...(viewer === 'owner' && r.shippingSync ? { shippingSync: viewShippingSync(r.shippingSync) } : {}),
    ...(r.refund
      ? {
          refund: {
            reason: r.refund.reason,
            requestedAt: iso(r.refund.requestedAt) as string,
            refundFen: r.refund.refundFen,
            ...(r.refund.approvedAt ? { approvedAt: iso(r.refund.approvedAt) } : {}),
            ...(r.refund.outRefundNo ? { outRefundNo: r.refund.outRefundNo } : {}),
            ...(r.refund.rejectedAt ? { rejectedAt: iso(r.refund.rejectedAt) } : {}),
            ...(r.refund.rejectReason ? { rejectReason: r.refund.rejectReason } : {}),
            ...(r.refund.refundedAt ? { refundedAt: iso(r.refund.refundedAt) } : {}),
          },
        }
      : {}),
    afterSales,
    refundedFen: r.refundedFen ?? 0,
    ...(r.attention ? { attention: r.attention } : {}),
    ...(r.status === 'completed' || (r.status === 'refunded' && r.reviewedSkus?.length)
      ? { reviewedSkus: r.reviewedSkus ?? [] }
      : {}),
    timeline: r.timeline.map((e) => ({
      at: iso(e.at) as string,
      label: e.label,
      ...(e.detail ? { detail: e.detail } : {}),
    })),
    commands: commandsFor(orderFactsOf(r), viewer, now, rules),
  };
}
