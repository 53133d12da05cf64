// The after-sale case's state machine (售后): one table of transitions, the authority for every status change of a
// case, the buyer's, the owner's and the system's alike (flows/after-sale.ts is the only code that writes a case's
// status, and it checks this table first). The automatic steps that protect the buyer run only once their deadline
// has passed; each state that waits on someone carries that deadline (`deadlineOf`).
import { AppError } from '../contracts/errors';
import type { AfterSaleCommand, AfterSaleStatus, AfterSaleType } from '../contracts/order';
import type { Actor } from './order-flow';
import { DAY_MS, type ShopRules } from './rules';

export type CaseTransition =
  | 'reopen'
  | 'cancel'
  | 'approveRefund'
  | 'approveReturn'
  | 'autoApproveRefund'
  | 'autoApproveReturn'
  | 'reject'
  | 'shipReturn'
  | 'closeUnshipped'
  | 'receiveReturn'
  | 'autoReceive'
  | 'refundDone';

interface CaseRule {
  from: readonly AfterSaleStatus[];
  to: AfterSaleStatus;
  by: Actor;
  /** Only cases of this type. */
  type?: AfterSaleType;
  /** A system step that runs only once the state's deadline has passed. */
  onDeadline?: true;
}

/** The state a new case starts in (`applyAfterSale`, the one status not reached by a transition). */
export const CASE_INITIAL_STATUS: AfterSaleStatus = 'requested';

export const CASE_TRANSITIONS: Record<CaseTransition, CaseRule> = {
  // A rejected case asked again with new words or photos, once; rejected again, it stays rejected.
  reopen: { from: ['rejected'], to: 'requested', by: 'buyer' },
  // The buyer withdraws before the refund is asked of WeChat Pay (and before the goods are on their way back).
  cancel: { from: ['requested', 'awaiting_return'], to: 'cancelled', by: 'buyer' },
  approveRefund: { from: ['requested'], to: 'refunding', by: 'owner', type: 'refund_only' },
  approveReturn: { from: ['requested'], to: 'awaiting_return', by: 'owner', type: 'return_refund' },
  // The owner did not answer in time: approved for the buyer.
  autoApproveRefund: { from: ['requested'], to: 'refunding', by: 'system', type: 'refund_only', onDeadline: true },
  autoApproveReturn: {
    from: ['requested'],
    to: 'awaiting_return',
    by: 'system',
    type: 'return_refund',
    onDeadline: true,
  },
  reject: { from: ['requested'], to: 'rejected', by: 'owner' },
  shipReturn: { from: ['awaiting_return'], to: 'returning', by: 'buyer', type: 'return_refund' },
  // The buyer did not send the goods back in time.
  closeUnshipped: { from: ['awaiting_return'], to: 'closed', by: 'system', onDeadline: true },
  receiveReturn: { from: ['returning'], to: 'refunding', by: 'owner', type: 'return_refund' },
  // The owner did not confirm the goods in time: received for the buyer.
  autoReceive: { from: ['returning'], to: 'refunding', by: 'system', type: 'return_refund', onDeadline: true },
  // WeChat Pay's refund callback.
  refundDone: { from: ['refunding'], to: 'refunded', by: 'system' },
};

/** A case in one of these states is the order's open case: an order has at most one at a time. */
export const OPEN_CASE_STATUSES: readonly AfterSaleStatus[] = ['requested', 'awaiting_return', 'returning', 'refunding'];

export const isOpenCase = (status: AfterSaleStatus) => OPEN_CASE_STATUSES.includes(status);

/** The facts of a case that the table's guards read. */
export interface CaseFacts {
  status: AfterSaleStatus;
  type: AfterSaleType;
  /** When the current state times out (states that wait on someone). */
  deadline?: Date | null;
  /** The buyer has already asked again once. */
  reopened?: boolean;
}

/** Why a transition cannot run now, or null when it can. */
export function caseRefusal(c: CaseFacts, transition: CaseTransition, actor: Actor, now: Date): AppError | null {
  const rule = CASE_TRANSITIONS[transition];
  if (rule.by !== actor || !rule.from.includes(c.status) || (rule.type && rule.type !== c.type)) {
    return new AppError('afterSale.invalid_transition');
  }
  if (rule.onDeadline && (!c.deadline || now.getTime() < new Date(c.deadline).getTime())) {
    return new AppError('afterSale.invalid_transition');
  }
  if (transition === 'reopen' && c.reopened) return new AppError('afterSale.reopen_used');
  return null;
}

/** Throws the coded refusal, or returns the state the case moves into. */
export function checkCaseTransition(c: CaseFacts, transition: CaseTransition, actor: Actor, now: Date): AfterSaleStatus {
  const refused = caseRefusal(c, transition, actor, now);
  if (refused) throw refused;
  return CASE_TRANSITIONS[transition].to;
}

/** The owner's approval of a case of this type. */
export const approvalOf = (type: AfterSaleType): CaseTransition =>
  type === 'refund_only' ? 'approveRefund' : 'approveReturn';

/** The system's step when a waiting state's deadline passes. */
export function timeoutOf(c: Pick<CaseFacts, 'status' | 'type'>): CaseTransition | null {
  if (c.status === 'requested') return c.type === 'refund_only' ? 'autoApproveRefund' : 'autoApproveReturn';
  if (c.status === 'awaiting_return') return 'closeUnshipped';
  if (c.status === 'returning') return 'autoReceive';
  return null;
}

/** What the deadline of a state means for the buyer (the pages say it in words). */
export const DEADLINE_ACTIONS = {
  requested: 'auto_approve',
  awaiting_return: 'close',
  returning: 'auto_receive',
} as const satisfies Partial<Record<AfterSaleStatus, string>>;

/** When a case entering `status` at `at` times out: null for states that wait on no one. */
export function deadlineOf(status: AfterSaleStatus, at: Date, rules: ShopRules): Date | null {
  const days =
    status === 'requested'
      ? rules.afterSaleReplyDays
      : status === 'awaiting_return'
        ? rules.returnShipDays
        : status === 'returning'
          ? rules.returnReceiveDays
          : null;
  return days === null ? null : new Date(at.getTime() + days * DAY_MS);
}

const COMMANDS: ReadonlyArray<[AfterSaleCommand, CaseTransition[], 'buyer' | 'owner']> = [
  ['cancel', ['cancel'], 'buyer'],
  ['shipReturn', ['shipReturn'], 'buyer'],
  ['reopen', ['reopen'], 'buyer'],
  ['approve', ['approveRefund', 'approveReturn'], 'owner'],
  ['reject', ['reject'], 'owner'],
  ['receiveReturn', ['receiveReturn'], 'owner'],
];

/** The buttons a buyer or the owner sees on a case: exactly what the table allows them now. */
export function caseCommandsFor(c: CaseFacts, viewer: 'buyer' | 'owner', now: Date): AfterSaleCommand[] {
  return COMMANDS.filter(
    ([, transitions, actor]) => actor === viewer && transitions.some((t) => !caseRefusal(c, t, actor, now)),
  ).map(([command]) => command);
}
