import { AFTER_SALE_STATUSES, AFTER_SALE_TYPES } from '../contracts/order';
import {
  CASE_TRANSITIONS,
  caseCommandsFor,
  caseRefusal,
  checkCaseTransition,
  deadlineOf,
  timeoutOf,
  type CaseTransition,
} from './after-sale-flow';
import type { Actor } from './order-flow';
import { DAY_MS, DEFAULT_RULES } from './rules';

const now = new Date('2026-12-02T08:00:00Z');
const past = new Date(now.getTime() - 1);
const ACTORS: Actor[] = ['buyer', 'owner', 'system'];

describe('the case table', () => {
  it('allows each transition from its states, by its actor, for its type, and nothing else', () => {
    for (const [name, rule] of Object.entries(CASE_TRANSITIONS) as Array<
      [CaseTransition, (typeof CASE_TRANSITIONS)[CaseTransition]]
    >) {
      for (const status of AFTER_SALE_STATUSES) {
        for (const type of AFTER_SALE_TYPES) {
          for (const actor of ACTORS) {
            const c = { status, type, deadline: past, reopened: false };
            const allowed = rule.from.includes(status) && rule.by === actor && (!rule.type || rule.type === type);
            expect([name, status, type, actor, caseRefusal(c, name, actor, now) === null]).toEqual([
              name,
              status,
              type,
              actor,
              allowed,
            ]);
          }
        }
      }
    }
  });

  it('runs the automatic steps only once their deadline has passed', () => {
    const at = (deadline: Date) => ({ status: 'requested' as const, type: 'refund_only' as const, deadline });
    expect(caseRefusal(at(new Date(now.getTime() + 1)), 'autoApproveRefund', 'system', now)?.code).toBe(
      'afterSale.invalid_transition',
    );
    expect(caseRefusal(at(now), 'autoApproveRefund', 'system', now)).toBeNull();
    expect(caseRefusal({ status: 'returning', type: 'return_refund' }, 'autoReceive', 'system', now)?.code).toBe(
      'afterSale.invalid_transition',
    );
  });

  it('reopens a rejected case once', () => {
    const rejected = { status: 'rejected' as const, type: 'refund_only' as const };
    expect(checkCaseTransition({ ...rejected, reopened: false }, 'reopen', 'buyer', now)).toBe('requested');
    expect(caseRefusal({ ...rejected, reopened: true }, 'reopen', 'buyer', now)?.code).toBe('afterSale.reopen_used');
  });

  it('moves cases along the documented paths, each timeout to its step', () => {
    const refund = { type: 'refund_only' as const };
    const ret = { type: 'return_refund' as const };
    expect(checkCaseTransition({ ...refund, status: 'requested' }, 'approveRefund', 'owner', now)).toBe('refunding');
    expect(checkCaseTransition({ ...ret, status: 'requested' }, 'approveReturn', 'owner', now)).toBe('awaiting_return');
    expect(checkCaseTransition({ ...ret, status: 'awaiting_return' }, 'shipReturn', 'buyer', now)).toBe('returning');
    expect(checkCaseTransition({ ...ret, status: 'returning' }, 'receiveReturn', 'owner', now)).toBe('refunding');
    expect(checkCaseTransition({ ...ret, status: 'refunding' }, 'refundDone', 'system', now)).toBe('refunded');
    expect(timeoutOf({ ...refund, status: 'requested' })).toBe('autoApproveRefund');
    expect(timeoutOf({ ...ret, status: 'requested' })).toBe('autoApproveReturn');
    expect(timeoutOf({ ...ret, status: 'awaiting_return' })).toBe('closeUnshipped');
    expect(timeoutOf({ ...ret, status: 'returning' })).toBe('autoReceive');
    expect(timeoutOf({ ...ret, status: 'refunding' })).toBeNull();
  });

  it('sets each waiting state its deadline from the rules, and none to the others', () => {
    const rules = { ...DEFAULT_RULES, afterSaleReplyDays: 2, returnShipDays: 7, returnReceiveDays: 10 };
    expect(deadlineOf('requested', now, rules)?.getTime()).toBe(now.getTime() + 2 * DAY_MS);
    expect(deadlineOf('awaiting_return', now, rules)?.getTime()).toBe(now.getTime() + 7 * DAY_MS);
    expect(deadlineOf('returning', now, rules)?.getTime()).toBe(now.getTime() + 10 * DAY_MS);
    for (const status of ['refunding', 'refunded', 'rejected', 'cancelled', 'closed'] as const) {
      expect(deadlineOf(status, now, rules)).toBeNull();
    }
  });

  it('gives each viewer exactly the buttons the table allows', () => {
    const requested = {
      status: 'requested' as const,
      type: 'return_refund' as const,
      deadline: new Date(now.getTime() + DAY_MS),
    };
    expect(caseCommandsFor(requested, 'buyer', now)).toEqual(['cancel']);
    expect(caseCommandsFor(requested, 'owner', now)).toEqual(['approve', 'reject']);
    expect(caseCommandsFor({ ...requested, status: 'awaiting_return' }, 'buyer', now)).toEqual([
      'cancel',
      'shipReturn',
    ]);
    expect(caseCommandsFor({ ...requested, status: 'returning' }, 'owner', now)).toEqual(['receiveReturn']);
    expect(caseCommandsFor({ ...requested, status: 'returning' }, 'buyer', now)).toEqual([]);
    expect(caseCommandsFor({ ...requested, status: 'rejected', reopened: false }, 'buyer', now)).toEqual(['reopen']);
    expect(caseCommandsFor({ ...requested, status: 'rejected', reopened: true }, 'buyer', now)).toEqual([]);
    expect(caseCommandsFor({ ...requested, status: 'refunding' }, 'owner', now)).toEqual([]);
  });
});
