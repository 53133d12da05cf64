// Every review (全部) or the hidden ones (已隐藏), a page at a time; a reply or a hide the owner just made shows on
// its row at once.
import { useCallback, useState } from 'react';
import { shopApi } from '../../api/shop';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';
import type { Review } from '../../../cloudfunctions/contracts/shop';

export type ReviewView = 'all' | 'hidden';
export const REVIEWS_PAGE_SIZE = 20;

export interface OwnerReviews extends PagedList<Review> {
  replace: (review: Review) => void;
}

export function useOwnerReviews(view: ReviewView): OwnerReviews {
  const list = usePagedList((page) => shopApi.ownerReviews({ view, ...page, limit: REVIEWS_PAGE_SIZE }), view);
  const [changed, setChanged] = useState<Record<string, Review>>({});
  const replace = useCallback((r: Review) => setChanged((c) => ({ ...c, [r.id]: r })), []);
  return { ...list, items: list.items.map((r) => changed[r.id] ?? r), replace };
}
