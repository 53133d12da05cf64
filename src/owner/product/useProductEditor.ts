// One product in the editor: loaded (or, for a new one, the shop's default commission rate), edited as a draft,
// saved under one requestId until the outcome of a save is known (see keepsRequestId).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../api/client';
import { shopApi } from '../../api/shop';
import { newRequestId } from '../../lib/request-id';
import type { OwnerProductDetail, Sku } from '../../../cloudfunctions/contracts/shop';
import type { SaleStatus } from '../shared/product-text';
import { buildSaveInput, draftFromProduct, emptyDraft, keepsRequestId, type ProductDraft } from './form';

export type EditorState =
  | { status: 'loading' }
  | { status: 'error'; error: ErrorBody }
  /** `product`: as the server last answered, null while creating. */
  | { status: 'ready'; product: OwnerProductDetail | null; defaultRateBp: number };

export type SaveOutcome = { ok: true; product: OwnerProductDetail } | { ok: false; message: string };

export interface ProductEditor {
  state: EditorState;
  draft: ProductDraft;
  setDraft: (change: (d: ProductDraft) => ProductDraft) => void;
  reload: () => Promise<void>;
  /** Checks and saves the draft; `status` only when creating. */
  save: (status?: SaleStatus) => Promise<SaveOutcome>;
  /** What the server answered for a SKU after a stock change. */
  applySku: (sku: Sku) => void;
  applyStatus: (status: SaleStatus) => void;
}

export function useProductEditor(id: string | undefined): ProductEditor {
  const [state, setState] = useState<EditorState>({ status: 'loading' });
  const [draft, setDraftState] = useState<ProductDraft>(emptyDraft);
  const requestId = useRef(newRequestId());

  const reload = useCallback(async () => {
    setState({ status: 'loading' });
    if (id) {
      const res = await shopApi.ownerProduct({ id });
      if (!res.ok) return setState({ status: 'error', error: res.error });
      setDraftState(draftFromProduct(res.data));
      setState({ status: 'ready', product: res.data, defaultRateBp: res.data.defaultCommissionRateBp });
      return;
    }
    // A new product has no detail to carry the default rate; the shop's settings do (and they are owner-only).
    const res = await shopApi.settings();
    if (!res.ok) return setState({ status: 'error', error: res.error });
    setState({ status: 'ready', product: null, defaultRateBp: res.data.rules.commissionRateBp });
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const setDraft = useCallback((change: (d: ProductDraft) => ProductDraft) => setDraftState(change), []);

  const save = async (status?: SaleStatus): Promise<SaveOutcome> => {
    const built = buildSaveInput(draft, { id, requestId: requestId.current, status });
    if (!built.ok) return built;
    const res = await shopApi.saveProduct(built.value);
    if (!res.ok) {
      if (!keepsRequestId(res.error.code)) requestId.current = newRequestId();
      return { ok: false, message: res.error.message };
    }
    // Saved: the next save is another change.
    requestId.current = newRequestId();
    const { product } = res.data;
    setDraftState(draftFromProduct(product));
    setState((s) => (s.status === 'ready' ? { ...s, product, defaultRateBp: product.defaultCommissionRateBp } : s));
    return { ok: true, product };
  };

  const applySku = useCallback((sku: Sku) => {
    setDraftState((d) => ({ ...d, skus: d.skus.map((s) => (s.id === sku.id ? { ...s, stock: sku.stock } : s)) }));
    setState((s) =>
      s.status === 'ready' && s.product
        ? { ...s, product: { ...s.product, skus: s.product.skus.map((k) => (k.id === sku.id ? sku : k)) } }
        : s,
    );
  }, []);

  const applyStatus = useCallback((status: SaleStatus) => {
    setState((s) => (s.status === 'ready' && s.product ? { ...s, product: { ...s.product, status } } : s));
  }, []);

  return { state, draft, setDraft, reload, save, applySku, applyStatus };
}
