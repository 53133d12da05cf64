// The home page's catalogue: the first page on mount, more pages by cursor, and a refresh that starts over.
import { shopApi } from '../api/shop';
import type { ProductCard } from '../../cloudfunctions/contracts/shop';
import { usePagedList, type PagedList } from './usePagedList';

export const FEED_PAGE_SIZE = 10;

export type ProductFeed = PagedList<ProductCard>;

export function useProductFeed(pageSize: number = FEED_PAGE_SIZE): ProductFeed {
  return usePagedList((page) => shopApi.listProducts({ ...page, limit: pageSize }), String(pageSize));
}
