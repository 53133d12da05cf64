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
  | 'requestRefund'
  | 'approveRefund'
  | 'rejectRefund'
  | 'autoRefund'
  | 'refundDone';

interface Rule {
  from: readonly OrderStatus[];
  /** 'back' returns a rejected refund to the state it was asked from. */
  to: OrderStatus | 'back';
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
  requestRefund: { from: ['paid', 'shipped', 'completed'], to: 'refunding', by: 'buyer' },
  // Approval keeps the order in `refunding` until WeChat Pay's refund callback says the money went back.
  approveRefund: { from: ['refunding'], to: 'refunding', by: 'owner' },
  rejectRefund: { from: ['refunding'], to: 'back', by: 'owner' },
  // A late payment whose points were given back and spent meanwhile: the whole payment goes back, approved.
  autoRefund: { from: ['paid'], to: 'refunding', by: 'system' },
  refundDone: { from: ['refunding'], to: 'refunded', by: 'system' },
};

/** The facts a transition's guard needs besides the status. */
export interface OrderFacts {
  status: OrderStatus;
  completedAt?: Date | null;
  refund?: { fromStatus: OrderStatus; approvedAt?: Date | null } | null;
}

/** Transitions whose guard reads whether the refund was decided: their writes must require it still undecided. */
export const NEEDS_UNDECIDED_REFUND: ReadonlySet<Transition> = new Set(['approveRefund', 'rejectRefund']);

/** Why a transition cannot run now, or null when it can. */
export function refusal(
  order: OrderFacts,
  transition: Transition,
  actor: Actor,
  now: Date,
  rules: ShopRules,
): AppError | null {
  const rule = TRANSITIONS[transition];
  if (rule.by !== actor || !rule.from.includes(order.status)) return new AppError('order.invalid_transition');
  if (transition === 'requestRefund' && order.status === 'completed') {
    if (!afterSaleOpen(order.completedAt, rules.afterSaleDays, now)) return new AppError('order.refund_window_closed');
  }
  // A refund is decided once; after approval only the refund callback moves it.
  if (NEEDS_UNDECIDED_REFUND.has(transition) && order.refund?.approvedAt) {
    return new AppError('order.invalid_transition');
  }
  if (transition === 'rejectRefund' && !order.refund) return new AppError('order.invalid_transition');
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
  const to = TRANSITIONS[transition].to;
  if (to !== 'back') return to;
  // refusal() has checked that a refund is there to go back from.
  return (order.refund as NonNullable<OrderFacts['refund']>).fromStatus;
}

const COMMANDS: ReadonlyArray<[OrderCommand, Transition, Actor]> = [
  ['pay', 'startPay', 'buyer'],
  ['cancel', 'cancel', 'buyer'],
  ['confirmReceipt', 'confirmReceipt', 'buyer'],
  ['requestRefund', 'requestRefund', 'buyer'],
  ['ship', 'ship', 'owner'],
  ['approveRefund', 'approveRefund', 'owner'],
  ['rejectRefund', 'rejectRefund', 'owner'],
];

/** The buttons a buyer or the owner sees on an order: exactly the transitions the table allows them now. */
export function commandsFor(order: OrderFacts, viewer: 'buyer' | 'owner', now: Date, rules: ShopRules): OrderCommand[] {
  return COMMANDS.filter(
    ([, transition, actor]) => actor === viewer && !refusal(order, transition, actor, now, rules),
  ).map(([command]) => command);
}
