// Commission lines: the sharer's ledger, one line per order line (`_id` = `<orderId>:<skuId>`, its idempotency key).
// `reconcileCommission` moves an attributed order's commission forward from whatever state the order is in:
// paid → lines created pending; completed and past the after-sale window → settled; refunded → reversed pro rata
// (a partial refund's remainder settles, the order being final). Each step is one transaction that also updates
// the order's `commissionState` and the sharer's counters, so a repeated or concurrent call does nothing twice.
import type { CommissionStatus, ShareChannel } from '../contracts/commission';
import { bindingUntil, commissionShares, reversalOf, settlesAt } from '../core/commission';
import type { ShopRules } from '../core/rules';
import { txGet, type Database, type Transaction } from './db';
import type { BindingRecord } from './bindings';
import type { CommissionState, OrderRecord } from './orders';
import { buyerMarkerId, changeMoney, type MoneyChange } from './sharer-stats';

export interface CommissionRecord {
  _id: string;
  key: string;
  sharerId: string;
  sharerCode: string;
  orderId: string;
  productId: string;
  skuId: string;
  title: string;
  spec: string;
  channel: ShareChannel;
  baseFen: number;
  rateBp: number;
  amountFen: number;
  reversedFen: number;
  status: CommissionStatus;
  createdAt: Date;
  settledAt?: Date;
  reversedAt?: Date;
}

const commissions = (db: Database) => db.collection<CommissionRecord>('commissions');
export const commissionId = (orderId: string, skuId: string) => `${orderId}:${skuId}`;

export type ReconcileOutcome = 'nothing' | 'credited' | 'settled' | 'reversed';

export async function reconcileCommission(db: Database, orderId: string, now: Date, rules: ShopRules): Promise<ReconcileOutcome> {
  return db.runTransaction(async (t) => {
    const order = await txGet<OrderRecord>(t, 'orders', orderId);
    if (!order?.sharer || !order.commissionState || order.commissionState === 'closed') return 'nothing';
    const sharer = { id: order.sharer.id, code: order.sharer.code };
    const change: MoneyChange = { totals: {}, rows: [] };
    let state: CommissionState = order.commissionState;
    let outcome: ReconcileOutcome = 'nothing';
    const fresh = state === 'owed';
    let lines: CommissionRecord[];
    if (fresh) {
      lines = await credit(t, order, now, rules, change);
      state = 'credited';
      outcome = 'credited';
    } else {
      lines = [];
      for (const item of order.items) {
        const line = await txGet<CommissionRecord>(t, 'commissions', commissionId(order._id, item.skuId));
        if (line) lines.push(line);
      }
    }
    const touched = new Set<CommissionRecord>();
    if (order.status === 'refunded') {
      const paid = order.paidFen ?? order.amounts.payableFen;
      const refunded = order.refund?.refundFen ?? paid;
      for (const line of lines.filter((l) => l.status === 'pending')) {
        const reversed = reversalOf(line.amountFen, paid, refunded);
        const kept = line.amountFen - reversed;
        Object.assign(line, kept > 0 ? { status: 'settled', settledAt: now } : { status: 'reversed' }, reversed > 0 ? { reversedFen: reversed, reversedAt: now } : {});
        bump(change, line, { pendingFen: -line.amountFen, settledFen: kept, reversedFen: reversed });
        touched.add(line);
      }
      state = 'closed';
      outcome = 'reversed';
    } else if (order.status === 'completed' && order.completedAt && settlesAt(order.completedAt, rules.afterSaleDays) <= now) {
      for (const line of lines.filter((l) => l.status === 'pending')) {
        Object.assign(line, { status: 'settled', settledAt: now });
        bump(change, line, { pendingFen: -line.amountFen, settledFen: line.amountFen });
        touched.add(line);
      }
      state = 'closed';
      outcome = 'settled';
    }
    if (state === order.commissionState) return 'nothing';
    for (const line of lines) {
      const { _id, ...data } = line;
      if (fresh) await t.collection('commissions').add({ data: line });
      else if (touched.has(line)) await t.collection('commissions').doc(_id).update({ data: pick(data) });
    }
    await changeMoney(db, t, sharer, change);
    await t.collection('orders').doc(order._id).update({ data: { commissionState: state } });
    return outcome;
  }, 5);
}

/** The order's commission lines, pending, with the counters' share of them; the buyer's binding extended. */
async function credit(t: Transaction, order: OrderRecord, now: Date, rules: ShopRules, change: MoneyChange): Promise<CommissionRecord[]> {
  const sharer = order.sharer!;
  const shares = commissionShares(order.items, order.amounts.pointsDiscountFen, (p) => sharer.rates[p] ?? rules.commissionRateBp);
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
  const marker = buyerMarkerId(sharer.id, order.buyerId);
  const known = await txGet(t, 'sharer_stats', marker);
  if (!known) await t.collection('sharer_stats').doc(marker).set({ data: { kind: 'buyer', sharerId: sharer.id } });
  change.totals.orders = 1;
  change.totals.buyers = known ? 0 : 1;
  const products = new Set<string>();
  for (const line of lines) {
    const first = !products.has(line.productId);
    products.add(line.productId);
    bump(change, line, { orders: first ? 1 : 0, gmvFen: line.baseFen, pendingFen: line.amountFen });
  }
  // An order through the binding extends it `bindingDays` from the order (never shortens it, never revives a released one).
  const binding = await txGet<BindingRecord>(t, 'bindings', order.buyerId);
  const extended = bindingUntil(new Date(order.createdAt), rules.bindingDays);
  if (binding && binding.sharerId === sharer.id && !binding.releasedAt && new Date(binding.until) > now && new Date(binding.until) < extended) {
    await t.collection('bindings').doc(order.buyerId).update({ data: { until: extended } });
  }
  return lines;
}

function bump(change: MoneyChange, line: CommissionRecord, row: Partial<Record<'orders' | 'gmvFen' | 'pendingFen' | 'settledFen' | 'reversedFen', number>>) {
  for (const [k, v] of Object.entries(row) as Array<[keyof typeof row, number]>) {
    if (k !== 'orders') change.totals[k] = (change.totals[k] ?? 0) + v;
  }
  change.rows.push({ productId: line.productId, channel: line.channel, change: row });
}

function pick(line: Omit<CommissionRecord, '_id'>) {
  const { status, settledAt, reversedFen, reversedAt } = line;
  return { status, reversedFen, ...(settledAt ? { settledAt } : {}), ...(reversedAt ? { reversedAt } : {}) };
}

export interface LinePosition {
  createdAt: Date;
  id: string;
}

/** A sharer's lines, newest first, keyset-paged on (createdAt, _id). */
export async function listSharerLines(db: Database, sharerId: string, after: LinePosition | null, limit: number): Promise<CommissionRecord[]> {
  const _ = db.command;
  const where = after
    ? _.and([{ sharerId }, _.or([{ createdAt: _.lt(after.createdAt) }, { createdAt: after.createdAt, _id: _.lt(after.id) }])])
    : { sharerId };
  const { data } = await commissions(db).where(where as object).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return data;
}
