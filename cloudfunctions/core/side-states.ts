// The order's side states, declared like its status: what the shop still owes an order besides its status
// (its sharer's commission, the points it spent and earned, the buyer's verified purchase count, the withdrawal of
// its reviews from the public figures once refunded in full). A status change
// opens a side state (`SIDE_OPENS`); a lifecycle step then moves it along one row of `SIDE_STEPS`, in one
// transaction with the ledger it writes. The scheduler's sweeps are generated from the same rows, so a step that
// a crash or a conflict interrupted is always finished later, and nothing moves that the table does not list.
import type { OrderStatus } from '../contracts/order';
import { afterSaleOpen } from './after-sale';

export const SIDE_FIELDS = {
  commission: 'commissionState',
  pointsBack: 'pointsBack',
  pointsEarn: 'pointsEarn',
  purchase: 'purchase',
  reviews: 'reviewsState',
} as const;
export type Side = keyof typeof SIDE_FIELDS;

export interface SideStates {
  /** The sharer's commission: owed once paid, credited when its lines exist, closed when settled or reversed. */
  commissionState?: 'owed' | 'credited' | 'closed';
  /** Spent points: owed back once cancelled or refunded, done when given back. */
  pointsBack?: 'owed' | 'done';
  /** Earnings: owed once completed, pending while their lot waits for the after-sale window, then closed. */
  pointsEarn?: 'owed' | 'pending' | 'closed';
  /** The verified purchase count: owed once completed, counted, closed when a refund took it back. */
  purchase?: 'owed' | 'counted' | 'closed';
  /** Its reviews' withdrawal from the public list and counters: owed once refunded in full, closed when done. */
  reviewsState?: 'owed' | 'closed';
}

export interface SideStep<S extends Side = Side> {
  side: S;
  /** What the step does (the outcome the scheduler counts). */
  step: string;
  from: NonNullable<SideStates[(typeof SIDE_FIELDS)[S]]>;
  to: NonNullable<SideStates[(typeof SIDE_FIELDS)[S]]>;
  /** The order statuses in which the step runs. */
  when: readonly OrderStatus[];
  /** Runs only once the after-sale window of the completed order has closed. */
  afterWindow?: true;
}

const AFTER_PAYMENT: readonly OrderStatus[] = ['paid', 'shipped', 'completed', 'refunding', 'refunded'];

export const SIDE_STEPS = [
  { side: 'commission', step: 'credited', from: 'owed', to: 'credited', when: AFTER_PAYMENT },
  { side: 'commission', step: 'settled', from: 'credited', to: 'closed', when: ['completed'], afterWindow: true },
  { side: 'commission', step: 'reversed', from: 'credited', to: 'closed', when: ['refunded'] },
  { side: 'pointsBack', step: 'returned', from: 'owed', to: 'done', when: ['cancelled', 'refunded'] },
  { side: 'pointsEarn', step: 'earned', from: 'owed', to: 'pending', when: ['completed'] },
  { side: 'pointsEarn', step: 'earnedRefunded', from: 'owed', to: 'closed', when: ['refunded'] },
  { side: 'pointsEarn', step: 'spendable', from: 'pending', to: 'closed', when: ['completed'], afterWindow: true },
  { side: 'pointsEarn', step: 'cancelled', from: 'pending', to: 'closed', when: ['refunded'] },
  { side: 'purchase', step: 'counted', from: 'owed', to: 'counted', when: ['completed'] },
  { side: 'purchase', step: 'skipped', from: 'owed', to: 'closed', when: ['refunded'] },
  { side: 'purchase', step: 'uncounted', from: 'counted', to: 'closed', when: ['refunded'] },
  { side: 'reviews', step: 'withdrawn', from: 'owed', to: 'closed', when: ['refunded'] },
] as const satisfies readonly SideStep[];

export type SideStepName = (typeof SIDE_STEPS)[number]['step'];

/** The facts of an order that decide which side states a status change opens. */
export interface SideFacts extends SideStates {
  status: OrderStatus;
  hasSharer: boolean;
  pointsUsed: number;
  completedAt?: Date | null;
  /** The refund asked or made is all that was paid (a partial refund leaves the buyer the goods). */
  refundInFull?: boolean;
  /** An after-sale case is open: settling waits for it (its refund may still take a share back). */
  openAfterSale?: boolean;
}

/**
 * The side states a status change into `to` opens: commission when paid (attributed orders), earnings and the
 * purchase count when completed, the spent points when the order ends unpaid or refunded, and the withdrawal of its
 * reviews when an order that was completed (only those can be reviewed) is refunded in full.
 */
export function sideOpens(to: OrderStatus, order: Omit<SideFacts, 'status'>): SideStates {
  if (to === 'paid') return order.hasSharer && !order.commissionState ? { commissionState: 'owed' } : {};
  if (to === 'completed') return { pointsEarn: 'owed', purchase: 'owed' };
  const opened: SideStates = {};
  // Only points the order still holds: a late payment that could not take them again leaves `done` in place.
  if ((to === 'cancelled' || to === 'refunded') && order.pointsUsed > 0 && !order.pointsBack) {
    opened.pointsBack = 'owed';
  }
  if (to === 'refunded' && order.completedAt && order.refundInFull && !order.reviewsState) {
    opened.reviewsState = 'owed';
  }
  return opened;
}

/** The step the table allows `side` to take now, or null. */
export function nextSideStep<S extends Side>(
  side: S,
  order: SideFacts,
  now: Date,
  afterSaleDays: number,
): Extract<(typeof SIDE_STEPS)[number], { side: S }> | null {
  const state = order[SIDE_FIELDS[side]];
  for (const row of SIDE_STEPS) {
    if (row.side !== side || row.from !== state || !(row.when as readonly OrderStatus[]).includes(order.status))
      continue;
    if ('afterWindow' in row && afterSaleOpen(order.completedAt, afterSaleDays, now)) continue;
    if ('afterWindow' in row && order.openAfterSale) continue;
    if ('afterWindow' in row && !order.completedAt) continue;
    return row as Extract<(typeof SIDE_STEPS)[number], { side: S }>;
  }
  return null;
}
