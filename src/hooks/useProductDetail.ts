// The product page's data: the product with its trust signals, and the SKU the buyer picked.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { shopApi } from '../api/shop';
import type { ErrorBody } from '../api/client';
import type { ProductDetail, Sku } from '../../cloudfunctions/contracts/shop';
import type { ProductEntry } from '../lib/share';

export interface ProductDetailState {
  /** 'not_found' covers both an unknown product and a link without a valid id. */
  status: 'loading' | 'ready' | 'error' | 'not_found';
  detail: ProductDetail | null;
  error: ErrorBody | null;
  reload: () => Promise<void>;
  selectedSku: Sku | null;
  /** Picks a SKU; a sold-out one cannot be picked. Picking the picked one again clears the choice. */
  selectSku: (skuId: string) => void;
  /** What the page shows: the picked SKU's price, else the product's lowest. */
  priceFen: number | null;
  /** True while nothing is picked and the SKUs differ in price: the shown price is a "from" price. */
  priceIsFrom: boolean;
}

export function useProductDetail(entry: ProductEntry | null): ProductDetailState {
  const [status, setStatus] = useState<ProductDetailState['status']>(entry ? 'loading' : 'not_found');
  const [detail, setDetail] = useState<ProductDetail | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [selectedSkuId, setSelectedSkuId] = useState<string | null>(null);
  const id = entry?.id;
  const s = entry?.s;

  const reload = useCallback(async () => {
    if (!id) {
      setStatus('not_found');
      return;
    }
    setStatus('loading');
    setError(null);
    const res = await shopApi.getProduct(s ? { id, s } : { id });
    if (res.ok) {
      setDetail(res.data);
      setStatus('ready');
    } else {
      setError(res.error);
      setStatus(res.error.code === 'product.not_found' ? 'not_found' : 'error');
    }
  }, [id, s]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const skus = detail?.product.skus;
  const selectedSku = useMemo(() => skus?.find((sku) => sku.id === selectedSkuId) ?? null, [skus, selectedSkuId]);

  const selectSku = useCallback(
    (skuId: string) => {
      const sku = skus?.find((k) => k.id === skuId);
      if (!sku || sku.stock <= 0) return;
      setSelectedSkuId((current) => (current === skuId ? null : skuId));
    },
    [skus],
  );

  const priceFen = selectedSku ? selectedSku.priceFen : (detail?.product.priceFen ?? null);
  const priceIsFrom = !selectedSku && !!skus && new Set(skus.map((k) => k.priceFen)).size > 1;

  return { status, detail, error, reload, selectedSku, selectSku, priceFen, priceIsFrom };
}
