import { ORDER_STATUSES, type OrderStatus } from '../contracts/order';
import {
  afterSaleRefusal,
  checkTransition,
  commandsFor,
  refusal,
  TRANSITIONS,
  type Actor,
  type Transition,
} from './order-flow';
import { DAY_MS, DEFAULT_RULES } from './rules';

const now = new Date('2026-11-23T08:00:00Z');
const ACTORS: Actor[] = ['buyer', 'owner', 'system'];
const approved = { fromStatus: 'paid' as OrderStatus, approvedAt: now };

describe('the transition table', () => {
  it('allows each transition from its states, by its actor, and nothing else', () => {
    for (const [name, rule] of Object.entries(TRANSITIONS) as Array<[Transition, (typeof TRANSITIONS)[Transition]]>) {
      for (const status of ORDER_STATUSES) {
        for (const actor of ACTORS) {
          const order = { status, completedAt: now, refund: approved };
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
    for (const status of ['paid', 'shipped', 'completed'] as const) {
      expect(checkTransition({ status }, 'refundAll', 'system', now, rules)).toBe('refunded');
    }
    expect(checkTransition({ status: 'refunding', refund: approved }, 'refundDone', 'system', now, rules)).toBe(
      'refunded',
    );
  });

  it('moves group orders: paid into the group, then paid when it forms or refunding when it fails', () => {
    const rules = DEFAULT_RULES;
    expect(checkTransition({ status: 'pending_payment' }, 'payIntoGroup', 'system', now, rules)).toBe('grouping');
    expect(checkTransition({ status: 'grouping' }, 'groupFormed', 'system', now, rules)).toBe('paid');
    expect(checkTransition({ status: 'grouping' }, 'groupFailed', 'system', now, rules)).toBe('refunding');
    for (const status of ['pending_payment', 'cancelled'] as const) {
      expect(checkTransition({ status }, 'groupLatePay', 'system', now, rules)).toBe('refunding');
    }
    // Waiting for its group, the buyer can neither cancel nor open a case, and the owner cannot ship.
    expect(commandsFor({ status: 'grouping' }, 'buyer', now, rules)).toEqual([]);
    expect(commandsFor({ status: 'grouping' }, 'owner', now, rules)).toEqual([]);
  });

  it('refuses with the coded error', () => {
    expect(() => checkTransition({ status: 'shipped' }, 'cancel', 'buyer', now, DEFAULT_RULES)).toThrow(
      expect.objectContaining({ code: 'order.invalid_transition' }),
    );
    expect(() => checkTransition({ status: 'paid' }, 'ship', 'buyer', now, DEFAULT_RULES)).toThrow(
      expect.objectContaining({ code: 'order.invalid_transition' }),
    );
  });

  it('holds shipping back while an after-sale case is open', () => {
    const open = { status: 'paid' as const, openAfterSale: 'YJ0000000000000001S1' };
    expect(refusal(open, 'ship', 'owner', now, DEFAULT_RULES)?.code).toBe('order.after_sale_open');
    expect(refusal({ status: 'paid' }, 'ship', 'owner', now, DEFAULT_RULES)).toBeNull();
    // The receipt's clock waits too; the buyer may still confirm.
    const shipped = { status: 'shipped' as const, openAfterSale: 'YJ0000000000000001S1' };
    expect(refusal(shipped, 'autoConfirm', 'system', now, DEFAULT_RULES)?.code).toBe('order.after_sale_open');
    expect(refusal(shipped, 'confirmReceipt', 'buyer', now, DEFAULT_RULES)).toBeNull();
  });

  it("lets the late payment's refund finish only once approved", () => {
    const asked = { fromStatus: 'paid' as OrderStatus, approvedAt: null };
    expect(refusal({ status: 'refunding', refund: asked }, 'refundDone', 'system', now, DEFAULT_RULES)?.code).toBe(
      'order.invalid_transition',
    );
  });
});

describe('opening an after-sale case', () => {
  it('closes for completed orders at the instant the after-sale window ends (core/after-sale.ts)', () => {
    const completedAt = new Date(now.getTime() - DEFAULT_RULES.afterSaleDays * DAY_MS);
    const at = (ms: number) =>
      afterSaleRefusal({ status: 'completed', completedAt }, new Date(now.getTime() + ms), DEFAULT_RULES);
    expect(at(-1)).toBeNull();
    expect(at(0)?.code).toBe('afterSale.window_closed');
    expect(at(1)?.code).toBe('afterSale.window_closed');
  });

  it('needs a paid order, no other open case and units left', () => {
    const rules = DEFAULT_RULES;
    expect(afterSaleRefusal({ status: 'pending_payment' }, now, rules)?.code).toBe('afterSale.order_not_paid');
    expect(afterSaleRefusal({ status: 'cancelled' }, now, rules)?.code).toBe('afterSale.order_not_paid');
    expect(afterSaleRefusal({ status: 'refunded' }, now, rules)?.code).toBe('order.invalid_transition');
    expect(afterSaleRefusal({ status: 'paid', openAfterSale: 'x' }, now, rules)?.code).toBe('afterSale.open_exists');
    expect(afterSaleRefusal({ status: 'shipped', unitsLeft: false }, now, rules)?.code).toBe('afterSale.lines_invalid');
    expect(afterSaleRefusal({ status: 'shipped', unitsLeft: true }, now, rules)).toBeNull();
    expect(afterSaleRefusal({ status: 'shipped', reopenableAfterSale: 'x' }, now, rules)?.code).toBe(
      'afterSale.reopen_instead',
    );
  });
});

describe('commands', () => {
  it('gives each viewer exactly the buttons the table allows', () => {
    expect(commandsFor({ status: 'pending_payment' }, 'buyer', now, DEFAULT_RULES)).toEqual(['pay', 'cancel']);
    expect(commandsFor({ status: 'pending_payment' }, 'owner', now, DEFAULT_RULES)).toEqual([]);
    expect(commandsFor({ status: 'paid' }, 'buyer', now, DEFAULT_RULES)).toEqual(['applyAfterSale']);
    expect(commandsFor({ status: 'paid' }, 'owner', now, DEFAULT_RULES)).toEqual(['ship']);
    expect(commandsFor({ status: 'paid', openAfterSale: 'x' }, 'owner', now, DEFAULT_RULES)).toEqual([]);
    expect(commandsFor({ status: 'shipped' }, 'buyer', now, DEFAULT_RULES)).toEqual([
      'confirmReceipt',
      'applyAfterSale',
    ]);
    expect(commandsFor({ status: 'shipped', openAfterSale: 'x' }, 'buyer', now, DEFAULT_RULES)).toEqual([
      'confirmReceipt',
    ]);
    expect(commandsFor({ status: 'refunding', refund: approved }, 'owner', now, DEFAULT_RULES)).toEqual([]);
    expect(commandsFor({ status: 'refunded' }, 'buyer', now, DEFAULT_RULES)).toEqual([]);
  });
});
