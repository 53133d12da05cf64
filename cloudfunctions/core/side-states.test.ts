import { ORDER_STATUSES } from '../contracts/order';
import { afterSaleClosesAt } from './after-sale';
import { TRANSITIONS } from './order-flow';
import { DAY_MS } from './rules';
import { nextSideStep, SIDE_FIELDS, SIDE_STEPS, sideOpens, type Side, type SideFacts } from './side-states';

const days = 7;
const completedAt = new Date('2026-11-20T04:00:00Z');
const closes = afterSaleClosesAt(completedAt, days).getTime();
const base: SideFacts = { status: 'completed', hasSharer: true, pointsUsed: 100, completedAt };

describe('the side-state table', () => {
  it('has at most one row for each side, state and order status (a step is never ambiguous)', () => {
    const seen = new Set<string>();
    for (const row of SIDE_STEPS) {
      for (const status of row.when) {
        const key = `${row.side}/${row.from}/${status}/${'afterWindow' in row}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });

  it('names only statuses the transition table can reach', () => {
    const reachable = new Set(Object.values(TRANSITIONS).flatMap((r) => [...r.from, r.to]));
    for (const row of SIDE_STEPS) for (const status of row.when) expect(reachable.has(status)).toBe(true);
  });

  it('waits for the after-sale window: no settling 1 ms before it closes, settling at the instant and after', () => {
    const at = (ms: number) => new Date(closes + ms);
    const credited = { ...base, commissionState: 'credited' as const, pointsEarn: 'pending' as const };
    expect(nextSideStep('commission', credited, at(-1), days)).toBeNull();
    expect(nextSideStep('commission', credited, at(0), days)?.step).toBe('settled');
    expect(nextSideStep('commission', credited, at(1), days)?.step).toBe('settled');
    expect(nextSideStep('pointsEarn', credited, at(-1), days)).toBeNull();
    expect(nextSideStep('pointsEarn', credited, at(0), days)?.step).toBe('spendable');
  });

  it('settles nothing while an after-sale case is open, even after the window (its refund may take a share)', () => {
    const credited = { ...base, commissionState: 'credited' as const, pointsEarn: 'pending' as const };
    const open = { ...credited, openAfterSale: true };
    expect(nextSideStep('commission', open, new Date(closes + DAY_MS), days)).toBeNull();
    expect(nextSideStep('pointsEarn', open, new Date(closes + DAY_MS), days)).toBeNull();
    expect(nextSideStep('commission', credited, new Date(closes + DAY_MS), days)?.step).toBe('settled');
  });

  it('moves nothing the table does not list', () => {
    const sides = Object.keys(SIDE_FIELDS) as Side[];
    for (const side of sides) {
      for (const status of ORDER_STATUSES) {
        const step = nextSideStep(side, { ...base, status, [SIDE_FIELDS[side]]: 'nonsense' }, new Date(closes), days);
        expect(step).toBeNull();
      }
    }
  });

  it('reverses on refund without waiting for the window', () => {
    const refunded = {
      ...base,
      status: 'refunded' as const,
      commissionState: 'credited' as const,
      purchase: 'counted' as const,
    };
    expect(nextSideStep('commission', refunded, new Date(closes - DAY_MS), days)?.step).toBe('reversed');
    expect(nextSideStep('purchase', refunded, new Date(closes - DAY_MS), days)?.step).toBe('uncounted');
  });

  it('opens side states with the status changes that owe them', () => {
    expect(sideOpens('paid', { hasSharer: true, pointsUsed: 0 })).toEqual({ commissionState: 'owed' });
    expect(sideOpens('paid', { hasSharer: false, pointsUsed: 0 })).toEqual({});
    expect(sideOpens('completed', { hasSharer: false, pointsUsed: 0 })).toEqual({
      pointsEarn: 'owed',
      purchase: 'owed',
    });
    expect(sideOpens('cancelled', { hasSharer: false, pointsUsed: 100 })).toEqual({ pointsBack: 'owed' });
    // Points already given back (a late payment could not take them again) are never given back twice.
    expect(sideOpens('refunded', { hasSharer: false, pointsUsed: 100, pointsBack: 'done' })).toEqual({});
    expect(sideOpens('cancelled', { hasSharer: false, pointsUsed: 0 })).toEqual({});
  });

  it('opens the withdrawal of the reviews only for a completed order refunded in full, and once', () => {
    const completed = { hasSharer: false, pointsUsed: 0, completedAt };
    expect(sideOpens('refunded', { ...completed, refundInFull: true })).toEqual({ reviewsState: 'owed' });
    expect(sideOpens('refunded', { ...completed, pointsUsed: 100, refundInFull: true })).toEqual({
      pointsBack: 'owed',
      reviewsState: 'owed',
    });
    // A partial refund leaves the buyer the goods; an order never completed has no reviews.
    expect(sideOpens('refunded', { ...completed, refundInFull: false })).toEqual({});
    expect(sideOpens('refunded', { hasSharer: false, pointsUsed: 0, completedAt: null, refundInFull: true })).toEqual(
      {},
    );
    expect(sideOpens('refunded', { ...completed, refundInFull: true, reviewsState: 'closed' })).toEqual({});
    expect(sideOpens('completed', { ...completed, refundInFull: true })).not.toHaveProperty('reviewsState');
    const refunded = { ...base, status: 'refunded' as const, reviewsState: 'owed' as const };
    expect(nextSideStep('reviews', refunded, new Date(closes - DAY_MS), days)?.step).toBe('withdrawn');
    expect(nextSideStep('reviews', { ...refunded, reviewsState: 'closed' }, new Date(closes), days)).toBeNull();
  });
});
