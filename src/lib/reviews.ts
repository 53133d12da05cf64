// How reviews read to a shopper: the product's summary line, a rating as stars, and where all of them are listed.
import type { ReviewSummary } from '../../cloudfunctions/contracts/shop';
import { routes } from '../routes';

/** The reviews list (its own subpackage: most visitors never open it). */
export const reviewsUrl = routes.memberReviews;

/** '12 条已购评价 · 4.8 分', or '暂无评价' before the first. */
export function reviewSummaryText({ count, avgRating }: Pick<ReviewSummary, 'count' | 'avgRating'>): string {
  return count > 0 && avgRating !== null ? `${count} 条已购评价 · ${avgRating.toFixed(1)} 分` : '暂无评价';
}

/** 4 → '★★★★☆'; an average is rounded to whole stars, and anything outside 1–5 held to it. */
export function starsText(rating: number): string {
  const full = Math.min(5, Math.max(1, Math.round(rating)));
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}
