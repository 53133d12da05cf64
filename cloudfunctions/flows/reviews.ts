// A refund in full takes the order's reviews out of the public figures (list, count, average, share cards): the
// buyer got their money back, so the review no longer stands for a purchase; they still see it, marked. The order's
// `reviewsState` side state moves along the side-state table in one transaction with the reviews and their
// products' counters, so a replayed refund callback or the scheduler's sweep withdraws them once.
import type { ShopRules } from '../core/rules';
import { nextSideStep } from '../core/side-states';
import { transact, type Database } from '../data/db';
import { txFindOrder, txUpdateOrder } from '../data/orders';
import { reviewId, txWithdrawReviews } from '../data/reviews';
import { sideFactsOf } from './side-facts';

export type ReviewsOutcome = 'nothing' | 'withdrawn';

export async function withdrawReviews(
  db: Database,
  orderId: string,
  now: Date,
  rules: ShopRules,
): Promise<ReviewsOutcome> {
  return transact(db, async (t) => {
    const order = await txFindOrder(t, orderId);
    if (!order) return 'nothing';
    const step = nextSideStep('reviews', sideFactsOf(order), now, rules.afterSaleDays);
    if (!step) return 'nothing';
    // Every line, not only `reviewedSkus`: the review documents are what the counters count.
    const ids = order.items.map((line) => reviewId(order._id, line.skuId));
    await txWithdrawReviews(t, ids, 'refunded', now);
    await txUpdateOrder(t, orderId, { reviewsState: step.to });
    return step.step;
  });
}
