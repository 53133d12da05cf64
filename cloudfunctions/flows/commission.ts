// Commission of an attributed order, moved along the side-state table (core/side-states.ts) from whatever state the
// order is in: paid → its lines are created pending (credited); completed and past the after-sale window → settled;
// refunded → reversed pro rata to the refunded share (a partial refund's remainder settles: the order is final).
// Each move is one transaction with the order's `commissionState` and the sharer's counters, so a repeated or
// concurrent call does nothing twice.
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
  const paid = order.paidFen ?? order.amounts.payableFen;
  const refunded = order.refund?.refundFen ?? paid;
  for (const line of lines.filter((l) => l.status === 'pending')) {
    const reversed = reversalOf(line.amountFen, paid, refunded);
    const kept = line.amountFen - reversed;
    Object.assign(line, kept > 0 ? { status: 'settled', settledAt: now } : { status: 'reversed' });
    if (reversed > 0) Object.assign(line, { reversedFen: reversed, reversedAt: now });
    bump(change, line, { pendingFen: -line.amountFen, settledFen: kept, reversedFen: reversed });
    touched.add(line);
  }
}

function settle(lines: CommissionRecord[], now: Date, change: MoneyChange, touched: Set<CommissionRecord>) {
  for (const line of lines.filter((l) => l.status === 'pending')) {
    Object.assign(line, { status: 'settled', settledAt: now });
    bump(change, line, { pendingFen: -line.amountFen, settledFen: line.amountFen });
    touched.add(line);
  }
}

/** The order's commission lines, pending, with the counters' share of them; the buyer's binding extended. */
async function credit(t: Transaction, order: OrderRecord, now: Date, rules: ShopRules, change: MoneyChange) {
  const sharer = order.sharer as NonNullable<OrderRecord['sharer']>;
  const rateOf = (productId: string) => sharer.rates[productId] ?? rules.commissionRateBp;
  const shares = commissionShares(order.items, order.amounts.pointsDiscountFen, rateOf);
  const lines = shares.map((share, i): CommissionRecord => {
    const item = order.items[i];
    const id = commissionId(order._id, share.skuId);
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
      reversedFen: 0,
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
    bump(change, line, { orders: first ? 1 : 0, gmvFen: line.baseFen, pendingFen: line.amountFen });
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
