// The home page's catalogue: the first page on mount, more pages by cursor, and a refresh that starts over; the
// shop's name and logo come with the first page.
import { useState } from 'react';
import { shopApi } from '../api/shop';
import type { ProductCard, ProductPage } from '../../cloudfunctions/contracts/shop';
import { usePagedList, type PagedList } from './usePagedList';

export const FEED_PAGE_SIZE = 10;

export type ProductFeed = PagedList<ProductCard> & { shop: ProductPage['shop'] | null };

export function useProductFeed(pageSize: number = FEED_PAGE_SIZE): ProductFeed {
  const [shop, setShop] = useState<ProductPage['shop'] | null>(null);
  const list = usePagedList(async (page) => {
    const res = await shopApi.listProducts({ ...page, limit: pageSize });
    if (res.ok && res.data.shop) setShop(res.data.shop);
    return res;
  }, String(pageSize));
  return { ...list, shop };
}
