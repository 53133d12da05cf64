// 积分明细's data: the member's balance and their ledger a page at a time, newest first; a refresh reads both.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../api/client';
import { pointsApi } from '../../api/points';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';
import type { PointsBalance, PointsEntry } from '../../../cloudfunctions/contracts/points';

export const LEDGER_PAGE_SIZE = 20;

export interface PointsLedger {
  balance: PointsBalance | null;
  /** The last failure of reading the balance (a notice over one already on screen). */
  balanceError: ErrorBody | null;
  entries: PagedList<PointsEntry>;
  reloadBalance: () => Promise<void>;
  /** The balance and the ledger from its first page. */
  refresh: () => Promise<void>;
}

export function usePointsLedger(): PointsLedger {
  const [balance, setBalance] = useState<PointsBalance | null>(null);
  const [balanceError, setBalanceError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);
  const entries = usePagedList((page) => pointsApi.ledger({ ...page, limit: LEDGER_PAGE_SIZE }), 'ledger');
  const { refresh: refreshEntries } = entries;

  const reloadBalance = useCallback(async () => {
    const gen = ++generation.current;
    setBalanceError(null);
    const res = await pointsApi.balance();
    if (gen !== generation.current) return;
    if (res.ok) setBalance(res.data);
    else setBalanceError(res.error);
  }, []);

  useEffect(() => {
    void reloadBalance();
  }, [reloadBalance]);

  const refresh = useCallback(async () => {
    await Promise.all([reloadBalance(), refreshEntries()]);
  }, [reloadBalance, refreshEntries]);

  return { balance, balanceError, entries, reloadBalance, refresh };
}
