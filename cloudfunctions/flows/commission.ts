// Commission of an attributed order, moved along the side-state table (core/side-states.ts) from whatever state the
// order is in: paid → its lines are created pending (credited); completed and past the after-sale window → settled;
// refunded → reversed pro rata to the refunded share of the goods paid (commission is earned on goods, so shipping
// is no part of the share; a partial refund's remainder settles: the order is final).
// An after-sale case's partial refund takes its share back inside the transaction that records it
// (`txReverseShare`, flows/after-sale.ts): the lines stay pending with `reversedFen` grown, and whatever comes
// later (settling, a full refund, a late crediting) counts only what is left.
// Each move is one transaction with the order's `commissionState` and the sharer's counters, so a repeated or
// concurrent call does nothing twice.
import { goodsPaidOf } from '../core/after-sale';
import { bindingUntil, commissionShares, reversalOf } from '../core/commission';
import type { ShopRules } from '../core/rules';
import { nextSideStep } from '../core/side-states';
import { txExtendBinding, txFindBinding } from '../data/bindings';
import { commissionId, txLinesOf, txSaveLines, type CommissionRecord } from '../data/commissions';
import { transact, type Transaction } from '../data/db';
import type { Database } from '../data/db';
import { txFindOrder, txUpdateOrder, type OrderRecord } from '../data/orders';
import { changeMoney, txNoteBuyer, type MoneyChange } from '../data/sharer-stats';
import { sideFactsOf } from './side-facts';

export type CommissionOutcome = 'nothing' | 'credited' | 'settled' | 'reversed';

type Bump = Partial<Record<'orders' | 'gmvFen' | 'pendingFen' | 'settledFen' | 'reversedFen', number>>;

export async function moveCommission(
  db: Database,
  orderId: string,
  now: Date,
  rules: ShopRules,
): Promise<CommissionOutcome> {
  return transact(db, async (t) => {
    const order = await txFindOrder(t, orderId);
    if (!order?.sharer) return 'nothing';
    const facts = sideFactsOf(order);
    let step = nextSideStep('commission', facts, now, rules.afterSaleDays);
    if (!step) return 'nothing';
    const change: MoneyChange = { totals: {}, rows: [] };
    const fresh = step.step === 'credited';
    const lines = fresh
      ? await credit(t, order, now, rules, change)
      : await txLinesOf(
          t,
          order._id,
          order.items.map((i) => i.skuId),
        );
    const touched = new Set<CommissionRecord>();
    let outcome: CommissionOutcome = 'nothing';
    // Crediting may be followed at once by the step the order's state already calls for (a late crediting).
    while (step) {
      if (step.step === 'reversed') reverse(order, lines, now, change, touched);
      if (step.step === 'settled') settle(lines, now, change, touched);
      outcome = step.step;
      facts.commissionState = step.to;
      step = nextSideStep('commission', facts, now, rules.afterSaleDays);
    }
    await txSaveLines(t, fresh ? lines : lines.filter((l) => touched.has(l)), fresh);
    await changeMoney(db, t, { id: order.sharer.id, code: order.sharer.code }, change);
    await txUpdateOrder(t, order._id, { commissionState: facts.commissionState });
    return outcome;
  });
}

/** A refund takes back each pending line pro rata to the refunded share of the payment; the rest settles. */
function reverse(
  order: OrderRecord,
  lines: CommissionRecord[],
  now: Date,
  change: MoneyChange,
  touched: Set<CommissionRecord>,
) {
  const paid = goodsPaidOf(order);
  const refunded = refundedOf(order);
  for (const line of lines.filter((l) => l.status === 'pending')) {
    const reversed = reversalOf(line.amountFen, paid, refunded);
    const more = reversed - (line.reversedFen ?? 0);
    const kept = line.amountFen - reversed;
    Object.assign(line, kept > 0 ? { status: 'settled', settledAt: now } : { status: 'reversed' });
    if (more > 0) Object.assign(line, { reversedFen: reversed, reversedAt: now });
    bump(change, line, { pendingFen: -(kept + Math.max(more, 0)), settledFen: kept, reversedFen: Math.max(more, 0) });
    touched.add(line);
  }
}

/**
 * What refunds have given back of the order's goods: everything once it is refunded (the system's refund of a late
 * payment is the whole payment; cases end it refunded when every unit's goods are), else its cases' total so far.
 */
function refundedOf(order: OrderRecord): number {
  return order.status === 'refunded' ? goodsPaidOf(order) : (order.refundedFen ?? 0);
}

/**
 * An after-sale case's partial refund, inside the transaction that records it: each pending line gives back what
 * brings its reversal to the refunded share `refundedFen` (the total so far), from the pending counters. Nothing
 * when the commission is not credited yet (crediting counts the refunds made by then).
 */
export async function txReverseShare(t: Transaction, db: Database, order: OrderRecord, refundedFen: number, now: Date) {
  if (!order.sharer || order.commissionState !== 'credited') return;
  const paid = goodsPaidOf(order);
  const lines = await txLinesOf(
    t,
    order._id,
    order.items.map((i) => i.skuId),
  );
  const change: MoneyChange = { totals: {}, rows: [] };
  const touched: CommissionRecord[] = [];
  for (const line of lines.filter((l) => l.status === 'pending')) {
    const reversed = reversalOf(line.amountFen, paid, refundedFen);
    const more = reversed - (line.reversedFen ?? 0);
    if (more <= 0) continue;
    Object.assign(line, { reversedFen: reversed, reversedAt: now });
    bump(change, line, { pendingFen: -more, reversedFen: more });
    touched.push(line);
  }
  if (touched.length === 0) return;
  await txSaveLines(t, touched, false);
  await changeMoney(db, t, { id: order.sharer.id, code: order.sharer.code }, change);
}

function settle(lines: CommissionRecord[], now: Date, change: MoneyChange, touched: Set<CommissionRecord>) {
  for (const line of lines.filter((l) => l.status === 'pending')) {
    // What partial refunds took back is already out of the pending counter.
    const kept = line.amountFen - (line.reversedFen ?? 0);
    Object.assign(line, { status: 'settled', settledAt: now });
    bump(change, line, { pendingFen: -kept, settledFen: kept });
    touched.add(line);
  }
}

/** The order's commission lines, pending, with the counters' share of them; the buyer's binding extended. */
async function credit(t: Transaction, order: OrderRecord, now: Date, rules: ShopRules, change: MoneyChange) {
  const sharer = order.sharer as NonNullable<OrderRecord['sharer']>;
  const rateOf = (productId: string) => sharer.rates[productId] ?? rules.commissionRateBp;
  const shares = commissionShares(order.items, order.amounts.pointsDiscountFen, rateOf);
  const paid = goodsPaidOf(order);
  // Refunded by after-sale cases before the crediting ran: that share is never pending.
  const early = order.status === 'refunded' ? 0 : (order.refundedFen ?? 0);
  const lines = shares.map((share, i): CommissionRecord => {
    const item = order.items[i];
    const id = commissionId(order._id, share.skuId);
    const reversedFen = early > 0 ? reversalOf(share.amountFen, paid, early) : 0;
    return {
      _id: id,
      key: id,
      sharerId: sharer.id,
      sharerCode: sharer.code,
      orderId: order._id,
      productId: share.productId,
      skuId: share.skuId,
      title: item.title,
      spec: item.spec,
      channel: sharer.channel,
      baseFen: share.baseFen,
      rateBp: share.rateBp,
      amountFen: share.amountFen,
      reversedFen,
      ...(reversedFen > 0 ? { reversedAt: now } : {}),
      status: 'pending',
      createdAt: now,
    };
  });
  const known = await txNoteBuyer(t, sharer.id, order.buyerId);
  change.totals.orders = 1;
  change.totals.buyers = known ? 0 : 1;
  const products = new Set<string>();
  for (const line of lines) {
    const first = !products.has(line.productId);
    products.add(line.productId);
    bump(change, line, {
      orders: first ? 1 : 0,
      gmvFen: line.baseFen,
      pendingFen: line.amountFen - line.reversedFen,
      ...(line.reversedFen > 0 ? { reversedFen: line.reversedFen } : {}),
    });
  }
  // An order through the binding extends it `bindingDays` from the order (never shortens it, never revives a
  // released one).
  const binding = await txFindBinding(t, order.buyerId);
  const extended = bindingUntil(new Date(order.createdAt), rules.bindingDays);
  const until = binding && new Date(binding.until);
  if (binding && until && binding.sharerId === sharer.id && !binding.releasedAt && until > now && until < extended) {
    await txExtendBinding(t, order.buyerId, extended);
  }
  return lines;
}

function bump(change: MoneyChange, line: CommissionRecord, row: Bump) {
  for (const [k, v] of Object.entries(row) as Array<[keyof Bump, number]>) {
    if (k !== 'orders') change.totals[k] = (change.totals[k] ?? 0) + v;
  }
  change.rows.push({ productId: line.productId, channel: line.channel, change: row });
}
