// The after-sale window (售后期), the one place it is spelt: a completed order can be refunded while
// `now < completedAt + days`; from that instant on its commission settles and its points become spendable.
import { DAY_MS } from './rules';

/** The instant the window of an order completed at `completedAt` closes. */
export function afterSaleClosesAt(completedAt: Date, days: number): Date {
  return new Date(new Date(completedAt).getTime() + days * DAY_MS);
}

/** True while a refund may still be asked for. */
export function afterSaleOpen(completedAt: Date | null | undefined, days: number, now: Date): boolean {
  if (!completedAt) return false;
  return now.getTime() < afterSaleClosesAt(completedAt, days).getTime();
}

/**
 * The latest completion whose window has closed by `now` (`completedAt <= this` ⇔ closed): what the scheduler's
 * queries name, so a query and `afterSaleOpen` can never disagree about the boundary.
 */
export function closedIfCompletedBy(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
