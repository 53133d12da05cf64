// The order state machine (DESIGN.md "Rules"): one table of transitions, checked before every change.
import { AppError } from '../contracts/errors';
import type { OrderCommand, OrderStatus } from '../contracts/order';
import { DAY_MS, type ShopRules } from './rules';

export type Actor = 'buyer' | 'owner' | 'system';

/** Every change an order can go through: who may make it, from which states, into which. */
export type Transition =
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
  | 'refundDone';

interface Rule {
  from: readonly OrderStatus[];
  /** 'back' returns a rejected refund to the state it was asked from. */
  to: OrderStatus | 'back';
  by: Actor;
}

export const TRANSITIONS: Record<Transition, Rule> = {
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
  refundDone: { from: ['refunding'], to: 'refunded', by: 'system' },
};

/** The facts a transition's guard needs besides the status. */
export interface OrderFacts {
  status: OrderStatus;
  completedAt?: Date | null;
  refund?: { fromStatus: OrderStatus; approvedAt?: Date | null } | null;
}

/** Why a transition cannot run now, or null when it can. */
export function refusal(order: OrderFacts, transition: Transition, actor: Actor, now: Date, rules: ShopRules): AppError | null {
  const rule = TRANSITIONS[transition];
  if (rule.by !== actor || !rule.from.includes(order.status)) return new AppError('order.invalid_transition');
  if (transition === 'requestRefund' && order.status === 'completed') {
    const closes = (order.completedAt?.getTime() ?? 0) + rules.afterSaleDays * DAY_MS;
    if (now.getTime() > closes) return new AppError('order.refund_window_closed');
  }
  // A refund is decided once; after approval only the refund callback moves it.
  if ((transition === 'approveRefund' || transition === 'rejectRefund') && order.refund?.approvedAt) {
    return new AppError('order.invalid_transition');
  }
  if (transition === 'refundDone' && !order.refund?.approvedAt) return new AppError('order.invalid_transition');
  return null;
}

/** Throws the coded refusal, or returns the state the order moves into. */
export function checkTransition(order: OrderFacts, transition: Transition, actor: Actor, now: Date, rules: ShopRules): OrderStatus {
  const refused = refusal(order, transition, actor, now, rules);
  if (refused) throw refused;
  const to = TRANSITIONS[transition].to;
  if (to !== 'back') return to;
  if (!order.refund) throw new AppError('order.invalid_transition');
  return order.refund.fromStatus;
}

const COMMANDS: ReadonlyArray<[OrderCommand, Transition, Actor]> = [
  ['pay', 'pay', 'system'],
  ['cancel', 'cancel', 'buyer'],
  ['confirmReceipt', 'confirmReceipt', 'buyer'],
  ['requestRefund', 'requestRefund', 'buyer'],
  ['ship', 'ship', 'owner'],
  ['approveRefund', 'approveRefund', 'owner'],
  ['rejectRefund', 'rejectRefund', 'owner'],
];

/** The buttons a buyer or the owner sees on an order: exactly the transitions the table allows them now. */
export function commandsFor(order: OrderFacts, viewer: 'buyer' | 'owner', now: Date, rules: ShopRules): OrderCommand[] {
  return COMMANDS.filter(([command, transition, actor]) => {
    // Paying is the buyer's command; the transition itself is made by WeChat Pay's callback.
    const who = command === 'pay' ? 'buyer' : actor;
    if (who !== viewer) return false;
    return refusal(order, transition, actor, now, rules) === null;
  }).map(([command]) => command);
}
