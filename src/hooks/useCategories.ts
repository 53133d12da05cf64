// The shop's categories in the owner's order: loaded on mount, reloaded on demand (keeping what is on screen when a
// reload fails). The 分类 tab, the product editor's picker and the owner's 分类 page read them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { shopApi } from '../api/shop';
import type { ErrorBody } from '../api/client';
import type { Category } from '../../cloudfunctions/contracts/shop';

export interface Categories {
  /** 'loading' only until the first answer; 'error' only when there is nothing to show. */
  status: 'loading' | 'ready' | 'error';
  items: Category[];
  error: ErrorBody | null;
  reload: () => Promise<void>;
  /** Shows a change the owner just made (saved or removed) before the next reload. */
  setItems: (change: (items: Category[]) => Category[]) => void;
}

export function useCategories(): Categories {
  const [items, setItemsState] = useState<Category[]>([]);
  const [status, setStatus] = useState<Categories['status']>('loading');
  const [error, setError] = useState<ErrorBody | null>(null);
  // Only the latest request's answer counts.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    const res = await shopApi.categories();
    if (gen !== generation.current) return;
    if (res.ok) {
      setItemsState(res.data.items);
      setError(null);
      setStatus('ready');
    } else {
      setError(res.error);
      setStatus((s) => (s === 'ready' ? s : 'error'));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const setItems = useCallback((change: (items: Category[]) => Category[]) => setItemsState(change), []);

  return { status, items, error, reload, setItems };
}
