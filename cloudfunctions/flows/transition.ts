// The one writer of an order's status. Every status change, the buyer's, the owner's and the system's, checks the
// transition table (core/order-flow.ts) and then writes with a condition naming every fact it was decided on: the
// status it was in, that no after-sale case holds it back, and whatever else the caller's step depends on. Of
// two racing changes exactly one applies; the loser sees false and decides again.
import type { OrderStatus } from '../contracts/order';
import { checkTransition, HELD_BY_OPEN_CASE, type Actor, type Transition } from '../core/order-flow';
import type { ShopRules } from '../core/rules';
import { sideOpens } from '../core/side-states';
import type { Database, Transaction } from '../data/db';
import { sideFactsOf } from './side-facts';
import { txWriteStatus, writeStatus, type OrderRecord, type TimelineEntry } from '../data/orders';

export interface Move {
  /** Fields written with the status (never `status` itself). */
  patch?: Record<string, unknown>;
  /** Further facts the step depends on, required to still hold at the write. */
  requires?: Record<string, unknown>;
  event: Omit<TimelineEntry, 'at'>;
}

/** The status the order moves into and everything written with it: the caller's fields and the side states opened. */
export function planMove(order: OrderRecord, transition: Transition, actor: Actor, now: Date, rules: ShopRules) {
  const to: OrderStatus = checkTransition(order, transition, actor, now, rules);
  const opened = sideOpens(to, sideFactsOf(order));
  return { to, opened };
}

/** The facts the table's guard read, as a condition of the write. */
function guardedWhere(db: Database, order: OrderRecord, transition: Transition): Record<string, unknown> {
  const where: Record<string, unknown> = { _id: order._id, status: order.status };
  if (HELD_BY_OPEN_CASE.has(transition)) where.openAfterSale = db.command.exists(false);
  if (transition === 'refundDone') where['refund.outRefundNo'] = order.refund?.outRefundNo;
  return where;
}

/**
 * Moves `order` by `transition` if the table allows it (else throws its coded refusal) and the order is still as
 * it was read. Returns the new status, or null when another change got there first.
 */
export async function moveOrder(
  db: Database,
  order: OrderRecord,
  transition: Transition,
  actor: Actor,
  now: Date,
  rules: ShopRules,
  move: Move,
): Promise<OrderStatus | null> {
  const { to, opened } = planMove(order, transition, actor, now, rules);
  const where = { ...guardedWhere(db, order, transition), ...move.requires };
  const written = await writeStatus(db, where, to, { ...opened, ...move.patch }, { at: now, ...move.event });
  return written ? to : null;
}

/**
 * The same inside a transaction, for a step that writes other documents with the status (points, stock): the
 * transaction's snapshot of `order` is the condition, and a change by anyone else since makes it conflict.
 */
export async function moveOrderInTx(
  t: Transaction,
  db: Database,
  order: OrderRecord,
  transition: Transition,
  actor: Actor,
  now: Date,
  rules: ShopRules,
  move: Omit<Move, 'requires'>,
): Promise<OrderStatus> {
  const { to, opened } = planMove(order, transition, actor, now, rules);
  await txWriteStatus(t, db, order._id, to, { ...opened, ...move.patch }, { at: now, ...move.event });
  return to;
}
