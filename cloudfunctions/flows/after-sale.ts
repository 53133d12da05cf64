// The after-sale case's lifecycle: opening a case, every status change (the only writer of a case's status, after
// the table in core/after-sale-flow.ts), asking WeChat Pay for the refund, and recording its confirmation. Each
// change is one transaction on the case and its order: of an approval, a cancel and a timeout sent together
// exactly one applies, and a case leaving the open states frees its order for the next case in the same write.
import { AppError } from '../contracts/errors';
import {
  CASE_INITIAL_STATUS,
  checkCaseTransition,
  deadlineOf,
  isOpenCase,
  type CaseTransition,
} from '../core/after-sale-flow';
import type { Actor } from '../core/order-flow';
import type { ShopRules } from '../core/rules';
import {
  caseIdOf,
  caseRefundNumberOf,
  txFindCase,
  txInsertCase,
  txWriteCaseStatus,
  updateCase,
  type AfterSaleRecord,
  type CaseHistoryEntry,
} from '../data/after-sales';
import { transact, type Cloud, type Database, type Transaction } from '../data/db';
import { txFindOrder, txUpdateOrder, type OrderRecord } from '../data/orders';
import type { Settings } from '../data/settings';
import { txReturnStock } from '../data/stock';
import { goodsPaidOf } from '../core/after-sale';
import { formatYuan } from '../core/money';
import { txReverseShare } from './commission';
import { followUp } from './follow-up';
import { pendingChecks } from './photo-checks';
import { txGiveCouponBack } from './coupons';
import { txPointsForCase } from './points';
import { sendRefundOf } from './start-refund';
import { moveOrderInTx } from './transition';

/** What a new case holds, decided and checked by the caller (order/apply-after-sale.ts). */
export type NewCase = Omit<
  AfterSaleRecord,
  | '_id'
  | 'status'
  | 'createdAt'
  | 'updatedAt'
  | 'deadline'
  | 'sortAt'
  | 'reopened'
  | 'history'
  | 'buyerId'
  | 'photoChecks'
  | 'photoCheckDue'
>;

/**
 * Opens a case on the buyer's order: the order must still be as `check` accepts it (read again inside the
 * transaction) and have no open case; the order is marked with the case in the same transaction.
 */
export async function openCase(
  db: Database,
  input: NewCase,
  buyerId: string,
  now: Date,
  rules: ShopRules,
  check: (order: OrderRecord) => void,
  event: Omit<CaseHistoryEntry, 'at' | 'by'>,
): Promise<AfterSaleRecord> {
  return transact(db, async (t) => {
    const order = await txFindOrder(t, input.orderId);
    if (!order || order.buyerId !== buyerId) throw new AppError('order.not_found');
    if (order.openAfterSale) throw new AppError('afterSale.open_exists');
    check(order);
    const n = (order.afterSaleCount ?? 0) + 1;
    const deadline = deadlineOf(CASE_INITIAL_STATUS, now, rules);
    const record: AfterSaleRecord = {
      ...input,
      ...pendingChecks(input.photos, now),
      _id: caseIdOf(order._id, n),
      buyerId,
      status: CASE_INITIAL_STATUS,
      createdAt: now,
      updatedAt: now,
      deadline,
      sortAt: deadline ?? now,
      reopened: false,
      history: [{ at: now, by: 'buyer', ...event }],
    };
    await txInsertCase(t, record);
    await txUpdateOrder(t, order._id, { openAfterSale: record._id, afterSaleCount: n, hasAfterSale: true });
    return record;
  });
}

export interface CaseMove {
  /** Fields written with the status. */
  patch?: Record<string, unknown>;
  event: Omit<CaseHistoryEntry, 'at' | 'by'>;
}

/**
 * Moves the case by `transition` if the table allows it now (else throws its coded refusal); returns the case as
 * written. The new state's deadline is set with it; a case that leaves the open states frees its order.
 */
export async function moveCase(
  db: Database,
  caseId: string,
  transition: CaseTransition,
  actor: Actor,
  now: Date,
  rules: ShopRules,
  move: CaseMove | ((c: AfterSaleRecord) => CaseMove),
): Promise<AfterSaleRecord> {
  return transact(db, async (t) => {
    const c = await txFindCase(t, caseId);
    if (!c) throw new AppError('afterSale.not_found');
    const to = checkCaseTransition(c, transition, actor, now);
    const { patch = {}, event } = typeof move === 'function' ? move(c) : move;
    const deadline = deadlineOf(to, now, rules);
    const written = {
      ...patch,
      deadline,
      sortAt: deadline ?? now,
      ...(to === 'refunding' ? { outRefundNo: caseRefundNumberOf(c._id), refundAskedAt: now, refundAsks: 0 } : {}),
    };
    const entry: CaseHistoryEntry = { at: now, by: actor, ...event };
    if (!isOpenCase(c.status) && isOpenCase(to)) await reclaimOrder(t, db, c);
    await txWriteCaseStatus(t, db, c._id, to, written, entry);
    if (isOpenCase(c.status) && !isOpenCase(to)) await releaseOrder(t, db, c, to === 'rejected' && !c.reopened);
    return { ...c, ...written, status: to, updatedAt: now, history: [...c.history, entry] } as AfterSaleRecord;
  });
}

/**
 * The case ended without a refund: the order may take its next case, except that a case rejected for the first
 * time is asked again in itself (`reopenableAfterSale`), not by a new one.
 */
async function releaseOrder(t: Transaction, db: Database, c: AfterSaleRecord, reopenable: boolean) {
  const order = await txFindOrder(t, c.orderId);
  if (order?.openAfterSale !== c._id) return;
  await txUpdateOrder(t, c.orderId, {
    openAfterSale: db.command.remove(),
    ...(reopenable ? { reopenableAfterSale: c._id } : {}),
  });
}

/** A rejected case asked again is the order's open case once more (unless another case is open). */
async function reclaimOrder(t: Transaction, db: Database, c: AfterSaleRecord) {
  const order = await txFindOrder(t, c.orderId);
  if (!order) throw new AppError('order.not_found');
  if (order.openAfterSale && order.openAfterSale !== c._id) throw new AppError('afterSale.open_exists');
  await txUpdateOrder(t, c.orderId, { openAfterSale: c._id, reopenableAfterSale: db.command.remove() });
}

/**
 * Asks WeChat Pay for the case's refund (`cloudPay.refund` with the case's fixed number, so asking again never
 * refunds twice); true when WeChat accepted the request. The scheduler asks again while it is not confirmed.
 */
export async function askCaseRefund(
  cloud: Cloud,
  db: Database,
  c: AfterSaleRecord,
  order: OrderRecord,
  now: Date,
  settings: Settings,
): Promise<boolean> {
  // Only while it is still refunding: a confirmation recorded meanwhile leaves nothing to ask.
  const still = await updateCase(
    db,
    { _id: c._id, status: 'refunding' },
    { refundAskedAt: now, refundAsks: db.command.inc(1) },
  );
  return still && sendRefundOf(cloud, order, caseRefundNumberOf(c._id), c.refundFen, settings);
}

export type CaseRefundOutcome = 'recorded' | 'already' | 'mismatch';

/**
 * WeChat Pay confirmed the case's refund: in one transaction the case is refunded, the order counts the money and
 * the units, their stock returns if they never shipped or came back, and the sharer's commission and the buyer's
 * points move pro rata to the refunded share (once: a second confirmation finds the case refunded). The refund
 * that brings the total to everything paid ends the order refunded; its side states then finish as any refund's.
 */
export async function recordCaseRefund(
  db: Database,
  caseId: string,
  refundFee: number,
  now: Date,
  rules: ShopRules,
): Promise<CaseRefundOutcome> {
  const outcome = await transact(db, async (t) => {
    const c = await txFindCase(t, caseId);
    if (!c) return { outcome: 'mismatch' as const };
    if (c.status === 'refunded') return { outcome: 'already' as const };
    if (c.status !== 'refunding' || refundFee !== c.refundFen) return { outcome: 'mismatch' as const };
    const order = await txFindOrder(t, c.orderId);
    if (!order) return { outcome: 'mismatch' as const };
    const before = order.refundedFen ?? 0;
    const after = before + c.refundFen;
    const refundedQty = { ...(order.refundedQty ?? {}) };
    for (const line of c.lines) refundedQty[line.skuId] = (refundedQty[line.skuId] ?? 0) + line.qty;
    await txWriteCaseStatus(
      t,
      db,
      c._id,
      'refunded',
      { refundedAt: now, deadline: null, sortAt: now },
      { at: now, by: 'system', label: '退款成功', text: `¥${formatYuan(c.refundFen)} 已原路退回` },
    );
    const patch: Record<string, unknown> = { refundedFen: after, refundedQty, statsDue: true };
    // Units that never left, or came back: their stock returns (`restockedQty` counts them on the order).
    if (order.status === 'paid' || c.receivedAt) {
      const restockedQty = { ...(order.restockedQty ?? {}) };
      const byProduct = new Map<string, Array<{ skuId: string; qty: number }>>();
      for (const l of c.lines) {
        byProduct.set(l.productId, [...(byProduct.get(l.productId) ?? []), l]);
        restockedQty[l.skuId] = (restockedQty[l.skuId] ?? 0) + l.qty;
      }
      for (const [productId, lines] of byProduct) await txReturnStock(t, db, productId, lines);
      patch.restockedQty = restockedQty;
    }
    if (order.openAfterSale === c._id) patch.openAfterSale = db.command.remove();
    const event = { label: '售后退款', detail: `¥${formatYuan(c.refundFen)} 已原路退回` };
    // Every unit's goods refunded (shipping stays paid once shipped): the order is refunded in full.
    if (after >= goodsPaidOf(order)) {
      const whole = { ...order, refundedFen: after, refundedQty, openAfterSale: undefined };
      // Refunded before shipping: every unit came back with its cases, and the order holds no stock any more.
      const held = order.status === 'paid' ? { holdsStock: false } : {};
      await moveOrderInTx(t, db, whole, 'refundAll', 'system', now, rules, { patch: { ...patch, ...held }, event });
      await txGiveCouponBack(t, order, now, 'refund');
      return { outcome: 'recorded' as const, whole: true, orderId: order._id };
    }
    await txReverseShare(t, db, order, after, now);
    const points = await txPointsForCase(t, order, c._id, after, now, rules);
    await txUpdateOrder(t, order._id, {
      ...patch,
      ...points,
      timeline: db.command.push([{ at: now, ...event }]),
    });
    return { outcome: 'recorded' as const, whole: false, orderId: order._id };
  });
  if (outcome.outcome === 'recorded' && outcome.whole) await followUp(db, outcome.orderId, now, rules);
  return outcome.outcome;
}
