// The member's binding history (commission.bindingHistory), loaded once, reloaded on demand and after a release.
import { useCallback } from 'react';
import { commissionApi } from '../../api/commission';
import type { ErrorBody } from '../../api/client';
import { useSession } from '../../stores/session';
import { useLoadedList } from '../shared/useLoadedList';
import type { BindingHistoryItem } from '../../../cloudfunctions/contracts/commission';

export interface BindingHistory {
  items: BindingHistoryItem[] | null;
  error: ErrorBody | null;
  reload: () => Promise<void>;
  /** Ends the current binding (commission.releaseBinding); the history is read again after. */
  release: () => Promise<{ ok: true } | { ok: false; message: string }>;
}

export function useBindingHistory(): BindingHistory {
  const { items, error, reload } = useLoadedList(commissionApi.bindingHistory);

  const release = useCallback(async () => {
    const res = await commissionApi.releaseBinding();
    if (!res.ok) return { ok: false as const, message: res.error.message };
    useSession.getState().setBinding(null);
    await reload();
    return { ok: true as const };
  }, [reload]);

  return { items, error, reload, release };
}
