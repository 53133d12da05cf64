// The sharers' withdrawal requests for one view (待处理 or 全部), a page at a time; a decision the owner just made
// shows on its row at once, without reloading the list.
import { useCallback, useState } from 'react';
import { commissionApi } from '../../api/commission';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';
import type { OwnerWithdrawal } from '../../../cloudfunctions/contracts/commission';
import type { WithdrawalView } from '../shared/commission-text';

export const WITHDRAWALS_PAGE_SIZE = 20;

export interface OwnerWithdrawals extends PagedList<OwnerWithdrawal> {
  /** Shows a withdrawal as `decideWithdrawal` answered it, in whichever view lists it. */
  replace: (withdrawal: OwnerWithdrawal) => void;
}

export function useWithdrawals(view: WithdrawalView): OwnerWithdrawals {
  const list = usePagedList((page) => commissionApi.withdrawals({ view, ...page, limit: WITHDRAWALS_PAGE_SIZE }), view);
  // A decision is final (a decided withdrawal never changes again), so the answer can stand over any later page.
  const [decided, setDecided] = useState<Record<string, OwnerWithdrawal>>({});
  const replace = useCallback((w: OwnerWithdrawal) => setDecided((d) => ({ ...d, [w.id]: w })), []);
  return { ...list, items: list.items.map((w) => decided[w.id] ?? w), replace };
}
