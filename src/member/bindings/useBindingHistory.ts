// The member's binding history (commission.bindingHistory), loaded once, reloaded on demand and after a release.
import { useCallback, useEffect, useRef, useState } from 'react';
import { commissionApi } from '../../api/commission';
import type { ErrorBody } from '../../api/client';
import { useSession } from '../../stores/session';
import type { BindingHistoryItem } from '../../../cloudfunctions/contracts/commission';

export interface BindingHistory {
  items: BindingHistoryItem[] | null;
  error: ErrorBody | null;
  reload: () => Promise<void>;
  /** Ends the current binding (commission.releaseBinding); the history is read again after. */
  release: () => Promise<{ ok: true } | { ok: false; message: string }>;
}

export function useBindingHistory(): BindingHistory {
  const [items, setItems] = useState<BindingHistoryItem[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    setError(null);
    const res = await commissionApi.bindingHistory();
    if (gen !== generation.current) return;
    if (res.ok) setItems(res.data.items);
    else setError(res.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const release = useCallback(async () => {
    const res = await commissionApi.releaseBinding();
    if (!res.ok) return { ok: false as const, message: res.error.message };
    useSession.getState().setBinding(null);
    await reload();
    return { ok: true as const };
  }, [reload]);

  return { items, error, reload, release };
}
