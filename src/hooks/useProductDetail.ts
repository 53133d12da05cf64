// The product page's data: the product with its trust signals, and the SKU the buyer picked.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { shopApi } from '../api/shop';
import type { ErrorBody, Result } from '../api/client';
import type { ProductDetail, Sku } from '../../cloudfunctions/contracts/shop';
import type { ProductEntry } from '../lib/share';
import { takePrefetchedProduct } from './productPrefetch';

export interface ProductDetailState {
  /** 'not_found' covers both an unknown product and a link without a valid id. */
  status: 'loading' | 'ready' | 'error' | 'not_found';
  detail: ProductDetail | null;
  error: ErrorBody | null;
  reload: () => Promise<void>;
  /** Reads the product again in place (a flash sale's countdown ran out): the page stays as it is until it answers. */
  refresh: () => Promise<void>;
  selectedSku: Sku | null;
  /**
   * Picks a SKU; a sold-out one (no stock, and none left at a live flash sale) cannot be picked. Picking the picked
   * one again clears the choice.
   */
  selectSku: (skuId: string) => void;
  /** What the page shows: the picked SKU's price, else the product's lowest. */
  priceFen: number | null;
  /** True while nothing is picked and the SKUs differ in price: the shown price is a "from" price. */
  priceIsFrom: boolean;
}

export function useProductDetail(entry: ProductEntry | null): ProductDetailState {
  // A request the app started before this page rendered (see productPrefetch): used once, at mount.
  const [prefetched] = useState(() => (entry ? takePrefetchedProduct(entry) : undefined));
  const initial = prefetched?.settled;
  const [status, setStatus] = useState<ProductDetailState['status']>(
    !entry ? 'not_found' : initial ? statusOf(initial) : 'loading',
  );
  const [detail, setDetail] = useState<ProductDetail | null>(initial?.ok ? initial.data : null);
  const [error, setError] = useState<ErrorBody | null>(initial && !initial.ok ? initial.error : null);
  const [selectedSkuId, setSelectedSkuId] = useState<string | null>(null);
  const id = entry?.id;
  const s = entry?.s;

  const apply = useCallback((res: Result<ProductDetail>) => {
    if (res.ok) setDetail(res.data);
    else setError(res.error);
    setStatus(statusOf(res));
  }, []);

  const reload = useCallback(async () => {
    if (!id) {
      setStatus('not_found');
      return;
    }
    setStatus('loading');
    setError(null);
    apply(await shopApi.getProduct(s ? { id, s } : { id }));
  }, [id, s, apply]);

  const refresh = useCallback(async () => {
    if (!id) return;
    const res = await shopApi.getProduct(s ? { id, s } : { id });
    // A failure leaves what is on screen: the buyer can still buy, and the server prices the order anyway.
    if (res.ok) setDetail(res.data);
  }, [id, s]);

  useEffect(() => {
    if (initial) return;
    if (prefetched) void prefetched.promise.then(apply);
    else void reload();
  }, [reload, prefetched, initial, apply]);

  const skus = detail?.product.skus;
  // A pick that can no longer be bought (the flash sale it was picked at ended, on a refresh) is dropped.
  const selectedSku = useMemo(() => {
    const sku = skus?.find((k) => k.id === selectedSkuId);
    return sku && canBuySku(detail, sku) ? sku : null;
  }, [skus, selectedSkuId, detail]);

  const selectSku = useCallback(
    (skuId: string) => {
      const sku = skus?.find((k) => k.id === skuId);
      if (!sku || !canBuySku(detail, sku)) return;
      setSelectedSkuId((current) => (current === skuId ? null : skuId));
    },
    [skus, detail],
  );

  const priceFen = selectedSku ? selectedSku.priceFen : (detail?.product.priceFen ?? null);
  const priceIsFrom = !selectedSku && !!skus && new Set(skus.map((k) => k.priceFen)).size > 1;

  return { status, detail, error, reload, refresh, selectedSku, selectSku, priceFen, priceIsFrom };
}

/** A SKU's flash-sale terms (price, units left) while its sale is live; undefined otherwise. */
export function liveFlashSku(detail: ProductDetail | null, skuId: string) {
  const sale = detail?.flashSale;
  return sale?.status === 'live' ? sale.skus.find((k) => k.skuId === skuId) : undefined;
}

/** Whether a SKU can be bought now: stock of its own, or units left at its live flash sale. */
export function canBuySku(detail: ProductDetail | null, sku: Sku): boolean {
  return sku.stock > 0 || (liveFlashSku(detail, sku.id)?.stockLeft ?? 0) > 0;
}

function statusOf(res: Result<ProductDetail>): ProductDetailState['status'] {
  if (res.ok) return 'ready';
  return res.error.code === 'product.not_found' ? 'not_found' : 'error';
}
