import { ORDER_STATUSES, type OrderStatus } from '../contracts/order';
import { checkTransition, commandsFor, refusal, TRANSITIONS, type Actor, type Transition } from './order-flow';
import { DAY_MS, DEFAULT_RULES } from './rules';

const now = new Date('2026-11-23T08:00:00Z');
const ACTORS: Actor[] = ['buyer', 'owner', 'system'];
const approved = { fromStatus: 'paid' as OrderStatus, approvedAt: now };
const asked = { fromStatus: 'shipped' as OrderStatus, approvedAt: null };

describe('the transition table', () => {
  it('allows each transition from its states, by its actor, and nothing else', () => {
    for (const [name, rule] of Object.entries(TRANSITIONS) as Array<[Transition, (typeof TRANSITIONS)[Transition]]>) {
      for (const status of ORDER_STATUSES) {
        for (const actor of ACTORS) {
          const refund = name === 'refundDone' ? approved : asked;
          const order = { status, completedAt: now, refund };
          const allowed = rule.from.includes(status) && rule.by === actor;
          expect([name, status, actor, refusal(order, name, actor, now, DEFAULT_RULES) === null]).toEqual([
            name,
            status,
            actor,
            allowed,
          ]);
        }
      }
    }
  });

  it('moves orders along the documented paths', () => {
    const rules = DEFAULT_RULES;
    expect(checkTransition({ status: 'pending_payment' }, 'pay', 'system', now, rules)).toBe('paid');
    expect(checkTransition({ status: 'cancelled' }, 'latePay', 'system', now, rules)).toBe('paid');
    expect(checkTransition({ status: 'pending_payment' }, 'cancel', 'buyer', now, rules)).toBe('cancelled');
    expect(checkTransition({ status: 'paid' }, 'ship', 'owner', now, rules)).toBe('shipped');
    expect(checkTransition({ status: 'shipped' }, 'confirmReceipt', 'buyer', now, rules)).toBe('completed');
    expect(checkTransition({ status: 'shipped' }, 'requestRefund', 'buyer', now, rules)).toBe('refunding');
    expect(checkTransition({ status: 'refunding', refund: asked }, 'rejectRefund', 'owner', now, rules)).toBe(
      'shipped',
    );
    expect(checkTransition({ status: 'refunding', refund: approved }, 'refundDone', 'system', now, rules)).toBe(
      'refunded',
    );
  });

  it('refuses with the coded error', () => {
    expect(() => checkTransition({ status: 'shipped' }, 'cancel', 'buyer', now, DEFAULT_RULES)).toThrow(
      expect.objectContaining({ code: 'order.invalid_transition' }),
    );
    expect(() => checkTransition({ status: 'paid' }, 'ship', 'buyer', now, DEFAULT_RULES)).toThrow(
      expect.objectContaining({ code: 'order.invalid_transition' }),
    );
  });

  it('closes refunds of completed orders at the instant the after-sale window ends (core/after-sale.ts)', () => {
    const completedAt = new Date(now.getTime() - DEFAULT_RULES.afterSaleDays * DAY_MS);
    const at = (ms: number) =>
      refusal(
        { status: 'completed', completedAt },
        'requestRefund',
        'buyer',
        new Date(now.getTime() + ms),
        DEFAULT_RULES,
      );
    expect(at(-1)).toBeNull();
    expect(at(0)?.code).toBe('order.refund_window_closed');
    expect(at(1)?.code).toBe('order.refund_window_closed');
  });

  it('decides a refund once: after approval only the refund callback moves it', () => {
    expect(refusal({ status: 'refunding', refund: approved }, 'approveRefund', 'owner', now, DEFAULT_RULES)?.code).toBe(
      'order.invalid_transition',
    );
    expect(refusal({ status: 'refunding', refund: approved }, 'rejectRefund', 'owner', now, DEFAULT_RULES)?.code).toBe(
      'order.invalid_transition',
    );
    expect(refusal({ status: 'refunding', refund: asked }, 'refundDone', 'system', now, DEFAULT_RULES)?.code).toBe(
      'order.invalid_transition',
    );
  });
});

describe('commands', () => {
  it('gives each viewer exactly the buttons the table allows', () => {
    expect(commandsFor({ status: 'pending_payment' }, 'buyer', now, DEFAULT_RULES)).toEqual(['pay', 'cancel']);
    expect(commandsFor({ status: 'pending_payment' }, 'owner', now, DEFAULT_RULES)).toEqual([]);
    expect(commandsFor({ status: 'paid' }, 'buyer', now, DEFAULT_RULES)).toEqual(['requestRefund']);
    expect(commandsFor({ status: 'paid' }, 'owner', now, DEFAULT_RULES)).toEqual(['ship']);
    expect(commandsFor({ status: 'shipped' }, 'buyer', now, DEFAULT_RULES)).toEqual([
      'confirmReceipt',
      'requestRefund',
    ]);
    expect(commandsFor({ status: 'refunding', refund: asked }, 'owner', now, DEFAULT_RULES)).toEqual([
      'approveRefund',
      'rejectRefund',
    ]);
    expect(commandsFor({ status: 'refunding', refund: approved }, 'owner', now, DEFAULT_RULES)).toEqual([]);
    expect(commandsFor({ status: 'refunded' }, 'buyer', now, DEFAULT_RULES)).toEqual([]);
  });
});
