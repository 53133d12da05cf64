import { afterSaleClosesAt, afterSaleOpen, closedIfCompletedBy } from './after-sale';
import { DAY_MS } from './rules';

const completedAt = new Date('2026-11-20T04:00:00.000Z');
const days = 7;
const closes = completedAt.getTime() + days * DAY_MS;

describe('the after-sale window', () => {
  it('is open until the instant it closes, and closed from that instant on', () => {
    expect(afterSaleOpen(completedAt, days, new Date(closes - 1))).toBe(true);
    expect(afterSaleOpen(completedAt, days, new Date(closes))).toBe(false);
    expect(afterSaleOpen(completedAt, days, new Date(closes + 1))).toBe(false);
    expect(afterSaleClosesAt(completedAt, days).getTime()).toBe(closes);
  });

  it('is closed for an order that never completed', () => {
    expect(afterSaleOpen(null, days, completedAt)).toBe(false);
  });

  it('queries get the same boundary: completedAt <= closedIfCompletedBy(now) exactly when the window is closed', () => {
    for (const delta of [-1, 0, 1]) {
      const now = new Date(closes + delta);
      const closedByQuery = completedAt.getTime() <= closedIfCompletedBy(now, days).getTime();
      expect(closedByQuery).toBe(!afterSaleOpen(completedAt, days, now));
    }
  });
});
