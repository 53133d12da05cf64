// The catalogue a page at a time: the home feed, a category's products or a search's results. The first page on
// mount and whenever the filter changes, more pages by cursor, and a refresh that starts over; the shop's name and
// logo come with the first page.
import { useState } from 'react';
import { shopApi } from '../api/shop';
import type { ProductCard, ProductPage, ShopInput } from '../../cloudfunctions/contracts/shop';
import { usePagedList, type PagedList } from './usePagedList';

export const FEED_PAGE_SIZE = 10;

export type ProductFeed = PagedList<ProductCard> & { shop: ProductPage['shop'] | null };

/** Which products: one category's, those matching a search, or (empty) the whole catalogue. */
export type ProductFilter = Pick<ShopInput<'listProducts'>, 'categoryId' | 'q'>;

export function useProductFeed(pageSize: number = FEED_PAGE_SIZE, filter: ProductFilter = {}): ProductFeed {
  const [shop, setShop] = useState<ProductPage['shop'] | null>(null);
  const { categoryId, q } = filter;
  const list = usePagedList(
    async (page) => {
      const res = await shopApi.listProducts({
        ...(categoryId ? { categoryId } : {}),
        ...(q ? { q } : {}),
        ...page,
        limit: pageSize,
      });
      if (res.ok && res.data.shop) setShop(res.data.shop);
      return res;
    },
    JSON.stringify([pageSize, categoryId ?? '', q ?? '']),
  );
  return { ...list, shop };
}
