// The order state machine: one table of transitions, the authority for every status change, the buyer's, the
// owner's and the system's alike. flows/transition.ts is the only code that writes an order's status, and it
// checks this table first.
import { AppError } from '../contracts/errors';
import type { OrderCommand, OrderStatus } from '../contracts/order';
import { afterSaleOpen } from './after-sale';
import type { ShopRules } from './rules';

export type Actor = 'buyer' | 'owner' | 'system';

/** Every change an order can go through: who may make it, from which states, into which. */
export type Transition =
  | 'startPay'
  | 'pay'
  | 'latePay'
  | 'cancel'
  | 'expire'
  | 'ship'
  | 'confirmReceipt'
  | 'autoConfirm'
  | 'refundAll'
  | 'autoRefund'
  | 'refundDone'
  | 'payIntoGroup'
  | 'groupFormed'
  | 'groupFailed'
  | 'groupLatePay';

interface Rule {
  from: readonly OrderStatus[];
  to: OrderStatus;
  by: Actor;
}

/** The initial state of every order (the one status not reached by a transition). */
export const INITIAL_STATUS: OrderStatus = 'pending_payment';

export const TRANSITIONS: Record<Transition, Rule> = {
  // The buyer starts WeChat Pay; the order stays unpaid until the pay callback says the money arrived.
  startPay: { from: ['pending_payment'], to: 'pending_payment', by: 'buyer' },
  pay: { from: ['pending_payment'], to: 'paid', by: 'system' },
  // WeChat Pay's result can arrive after the unpaid order was cancelled: the payment is honoured.
  latePay: { from: ['cancelled'], to: 'paid', by: 'system' },
  cancel: { from: ['pending_payment'], to: 'cancelled', by: 'buyer' },
  expire: { from: ['pending_payment'], to: 'cancelled', by: 'system' },
  ship: { from: ['paid'], to: 'shipped', by: 'owner' },
  confirmReceipt: { from: ['shipped'], to: 'completed', by: 'buyer' },
  autoConfirm: { from: ['shipped'], to: 'completed', by: 'system' },
  // After-sale cases (core/after-sale-flow.ts) refund an order part by part while it keeps its status; the refund
  // that brings the total to everything paid ends it refunded.
  refundAll: { from: ['paid', 'shipped', 'completed'], to: 'refunded', by: 'system' },
  // A late payment whose points were given back and spent meanwhile: the whole payment goes back, approved.
  autoRefund: { from: ['paid'], to: 'refunding', by: 'system' },
  refundDone: { from: ['refunding'], to: 'refunded', by: 'system' },
  // Group buying (flows/group-pay.ts, flows/group-settle.ts): a paid group order waits for its group (待成团); when
  // every slot is paid all of them become paid; when the group's time runs out first, each payment goes back whole.
  payIntoGroup: { from: ['pending_payment'], to: 'grouping', by: 'system' },
  groupFormed: { from: ['grouping'], to: 'paid', by: 'system' },
  groupFailed: { from: ['grouping'], to: 'refunding', by: 'system' },
  // The payment came for a slot that is gone (the order cancelled, or its group ended): it goes back whole.
  groupLatePay: { from: ['pending_payment', 'cancelled'], to: 'refunding', by: 'system' },
};

/** The facts a transition's guard needs besides the status. */
export interface OrderFacts {
  status: OrderStatus;
  completedAt?: Date | null;
  refund?: { fromStatus: OrderStatus; approvedAt?: Date | null } | null;
  /** The order's open after-sale case, if any (one at a time). */
  openAfterSale?: string | null;
  /** Units not yet refunded by a case remain (a case can still be asked for). */
  unitsLeft?: boolean;
  /** A rejected case of the order can still be asked again (reopened) once. */
  reopenableAfterSale?: string | null;
}

/**
 * Transitions the order's open after-sale case holds back: the owner settles the case before shipping, and the
 * clock that confirms receipt waits for it (the buyer may still confirm themselves).
 */
export const HELD_BY_OPEN_CASE: ReadonlySet<Transition> = new Set(['ship', 'autoConfirm']);

/** Why a transition cannot run now, or null when it can. */
export function refusal(
  order: OrderFacts,
  transition: Transition,
  actor: Actor,
  _now: Date,
  _rules: ShopRules,
): AppError | null {
  const rule = TRANSITIONS[transition];
  if (rule.by !== actor || !rule.from.includes(order.status)) return new AppError('order.invalid_transition');
  if (HELD_BY_OPEN_CASE.has(transition) && order.openAfterSale) return new AppError('order.after_sale_open');
  if (transition === 'refundDone' && !order.refund?.approvedAt) return new AppError('order.invalid_transition');
  return null;
}

/** Throws the coded refusal, or returns the state the order moves into. */
export function checkTransition(
  order: OrderFacts,
  transition: Transition,
  actor: Actor,
  now: Date,
  rules: ShopRules,
): OrderStatus {
  const refused = refusal(order, transition, actor, now, rules);
  if (refused) throw refused;
  return TRANSITIONS[transition].to;
}

/**
 * Why the buyer cannot open an after-sale case on the order now, or null: paid and not refunded, a completed order
 * only inside the after-sale window, no other case open, and units left to ask for.
 */
export function afterSaleRefusal(order: OrderFacts, now: Date, rules: ShopRules): AppError | null {
  if (order.status === 'pending_payment' || order.status === 'cancelled')
    return new AppError('afterSale.order_not_paid');
  if (!['paid', 'shipped', 'completed'].includes(order.status)) return new AppError('order.invalid_transition');
  if (order.status === 'completed' && !afterSaleOpen(order.completedAt, rules.afterSaleDays, now)) {
    return new AppError('afterSale.window_closed');
  }
  if (order.openAfterSale) return new AppError('afterSale.open_exists');
  // A rejected case is asked again in itself, once: a new case would be the same claim a second time.
  if (order.reopenableAfterSale) return new AppError('afterSale.reopen_instead');
  if (order.unitsLeft === false) return new AppError('afterSale.lines_invalid');
  return null;
}

const COMMANDS: ReadonlyArray<[OrderCommand, Transition, Actor]> = [
  ['pay', 'startPay', 'buyer'],
  ['cancel', 'cancel', 'buyer'],
  ['confirmReceipt', 'confirmReceipt', 'buyer'],
  ['ship', 'ship', 'owner'],
];

/** The buttons a buyer or the owner sees on an order: exactly what the tables allow them now. */
export function commandsFor(order: OrderFacts, viewer: 'buyer' | 'owner', now: Date, rules: ShopRules): OrderCommand[] {
  const commands = COMMANDS.filter(
    ([, transition, actor]) => actor === viewer && !refusal(order, transition, actor, now, rules),
  ).map(([command]) => command);
  if (viewer === 'buyer' && !afterSaleRefusal(order, now, rules)) commands.push('applyAfterSale');
  return commands;
}
