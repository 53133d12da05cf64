// The reviews list's data: one product's visible reviews newest first, all or only those with photos, a page at a
// time, and the product's summary as the latest page gave it.
import { useState } from 'react';
import { shopApi } from '../../api/shop';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';
import type { Review, ReviewSummary } from '../../../cloudfunctions/contracts/shop';

export const REVIEWS_PAGE_SIZE = 10;

export type ReviewFilter = 'all' | 'photos';

export interface ReviewList {
  list: PagedList<Review>;
  /** The whole product's (whichever filter): null until a page has arrived. */
  summary: ReviewSummary | null;
}

export function useReviewList(productId: string, filter: ReviewFilter): ReviewList {
  const [summary, setSummary] = useState<ReviewSummary | null>(null);
  const list = usePagedList(async (page) => {
    const res = await shopApi.listReviews({
      productId,
      ...(filter === 'photos' ? { photos: true } : {}),
      ...page,
      limit: REVIEWS_PAGE_SIZE,
    });
    if (res.ok) setSummary(res.data.summary);
    return res;
  }, `${productId}:${filter}`);
  return { list, summary };
}
