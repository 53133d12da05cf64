// The rollups follow an order's payment and refunds (core/stats.ts): marked `statsDue` with the change that
// records them (the payment function's, never the order function's), then folded into the day documents and the
// customer's document in one transaction that names on the order what it counted (`stats`), so a replay, a
// repeated callback or the scheduler's sweep counts nothing twice. Orders paid before the rollups are folded the
// same way (scheduler/jobs/fold-stats.ts): each event lands on its own China day, whenever it is folded.
import { memberIdOf } from '../core/member-id';
import { chinaDay } from '../core/order-id';
import type { ShopRules } from '../core/rules';
import { addPaidDay, merge, paymentBumps, refundBumps, type Bump, type StatsOrder } from '../core/stats';
import { caseIdOf, type AfterSaleRecord } from '../data/after-sales';
import { transact, txGet, type Database, type Transaction } from '../data/db';
import { findOrder, txFindOrder, txUpdateOrder, type OrderRecord } from '../data/orders';
import { findUserByOpenid } from '../data/users';
import { txBumpDays, txFindCustomer, txSaveCustomer, type CustomerRecord } from '../data/stats';

/** What the rollups counted of an order: its payment, and its refunds by key ('R': the order's, else the case). */
export interface OrderStats {
  paid: boolean;
  refunds: string[];
  refundedFen: number;
}

export type FoldOutcome = 'nothing' | 'folded';

export function statsOrderOf(order: OrderRecord, rules: ShopRules): StatsOrder {
  const sharer = order.sharer;
  return {
    paidFen: order.paidFen ?? order.amounts.payableFen,
    items: order.items,
    pointsDiscountFen: order.amounts.pointsDiscountFen,
    sharer: sharer && {
      code: sharer.code,
      channel: sharer.channel,
      rateOf: (productId) => sharer.rates[productId] ?? rules.commissionRateBp,
    },
  };
}

interface Refund {
  key: string;
  refundFen: number;
  at: Date;
  lines?: AfterSaleRecord['lines'];
}

/** The order's refunds made so far, in the order they were made (its cases', then the order's own). */
async function txRefundsOf(t: Transaction, order: OrderRecord): Promise<Refund[]> {
  const refunds: Refund[] = [];
  for (let n = 1; n <= (order.afterSaleCount ?? 0); n++) {
    const c = await txGet<AfterSaleRecord>(t, 'after_sales', caseIdOf(order._id, n));
    if (c?.status === 'refunded' && c.refundedAt)
      refunds.push({ key: c._id, refundFen: c.refundFen, at: new Date(c.refundedAt), lines: c.lines });
  }
  if (order.refund?.refundedAt)
    refunds.push({ key: 'R', refundFen: order.refund.refundFen, at: new Date(order.refund.refundedAt) });
  return refunds;
}

const statsOf = (order: OrderRecord) => (order as { stats?: OrderStats }).stats;

/**
 * Folds what the rollups have not counted of the order yet; clears its `statsDue`. `now` says which days are past:
 * a fold that changes a day before its own day also notes an edit of the past (data/stats.ts txBumpDays), which
 * invalidates the dashboard's range summaries.
 */
export async function foldOrderStats(db: Database, orderId: string, rules: ShopRules, now: Date): Promise<FoldOutcome> {
  const read = await findOrder(db, orderId);
  // Counted already and nothing new marked (a repeated callback): no transaction.
  if (!read?.paidAt || (statsOf(read)?.paid && !read.statsDue)) return 'nothing';
  const buyer = await findUserByOpenid(db, read.buyerId);
  return transact(db, async (t) => {
    const order = await txFindOrder(t, orderId);
    if (!order?.paidAt) return 'nothing';
    const counted: OrderStats = statsOf(order) ?? { paid: false, refunds: [], refundedFen: 0 };
    const facts = statsOrderOf(order, rules);
    const bumps: Bump[] = [];
    const id = memberIdOf(order.buyerId);
    let customer: CustomerRecord | null = null;
    let knownCustomer = true;
    if (!counted.paid) {
      const paidAt = new Date(order.paidAt as Date);
      const known = await txFindCustomer(t, id);
      knownCustomer = Boolean(known);
      customer = known ?? {
        _id: id,
        buyerId: order.buyerId,
        days: [],
        orders: 0,
        paidFen: 0,
        lastOrderAt: paidAt,
        nickname: '',
        shareCode: '',
        tags: [],
      };
      if (buyer) customer = { ...customer, nickname: buyer.nickname, shareCode: buyer.shareCode };
      const added = addPaidDay(customer.days, chinaDay(paidAt));
      bumps.push(...paymentBumps(facts, chinaDay(paidAt)), ...added.bumps);
      // The first paid order decides the first sharer, even when an earlier one is folded later (the backfill).
      const first = customer.orders === 0 || !customer.firstPaidAt || paidAt < new Date(customer.firstPaidAt);
      customer = {
        ...customer,
        days: added.days,
        orders: customer.orders + 1,
        paidFen: customer.paidFen + facts.paidFen,
        lastOrderAt: paidAt > new Date(customer.lastOrderAt) ? paidAt : customer.lastOrderAt,
        ...(first
          ? { firstPaidAt: paidAt, firstSharer: order.sharer ? { code: order.sharer.code, at: paidAt } : null }
          : {}),
      };
    }
    const fresh = (await txRefundsOf(t, order)).filter((r) => !counted.refunds.includes(r.key));
    let refundedFen = counted.refundedFen;
    for (const r of fresh) {
      const day = chinaDay(r.at);
      const whole = r.key === 'R';
      bumps.push(...refundBumps(facts, { ...r, refundedBefore: refundedFen, whole }, day));
      refundedFen += r.refundFen;
    }
    if (fresh.length > 0) {
      customer ??= await txFindCustomer(t, id);
      if (customer) customer = { ...customer, paidFen: customer.paidFen - (refundedFen - counted.refundedFen) };
    }
    await txBumpDays(t, db, merge(bumps), chinaDay(now));
    if (customer) await txSaveCustomer(t, customer, knownCustomer);
    const stats: OrderStats = { paid: true, refunds: [...counted.refunds, ...fresh.map((r) => r.key)], refundedFen };
    await txUpdateOrder(t, orderId, { stats, statsDue: db.command.remove() });
    return bumps.length > 0 ? 'folded' : 'nothing';
  });
}

/** After the change that marked the order: fold now, or leave it to the scheduler's sweep. */
export async function foldStatsSoon(db: Database, orderId: string, rules: ShopRules, now: Date): Promise<void> {
  try {
    await foldOrderStats(db, orderId, rules, now);
  } catch (error) {
    console.error(`order ${orderId}: stats deferred to the scheduler`, error);
  }
}
