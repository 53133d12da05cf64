// The 推广中心's data: my totals and funnel (myStats), my latest withdrawals, my commission lines a page at a time,
// and 申请提现, after which the totals and withdrawals are read again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { commissionApi } from '../../api/commission';
import type { ErrorBody, Result } from '../../api/client';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';
import type { CommissionLine, MyStats, Withdrawal } from '../../../cloudfunctions/contracts/commission';

export const LINES_PAGE_SIZE = 10;
/** The center shows the latest few withdrawals; the owner keeps the full record. */
export const WITHDRAWALS_SHOWN = 5;

export interface SharerCenter {
  stats: MyStats | null;
  /** The last failure of loading the stats (shown over stats already on screen as a notice). */
  statsError: ErrorBody | null;
  withdrawals: Withdrawal[] | null;
  withdrawalsError: ErrorBody | null;
  lines: PagedList<CommissionLine>;
  /** Reads the stats again (the retry of an error state). */
  reloadStats: () => Promise<void>;
  reloadWithdrawals: () => Promise<void>;
  /** Everything again, from the first page of lines. */
  refresh: () => Promise<void>;
  /** Asks to withdraw; whatever the answer, the totals and withdrawals are read again (they may have moved). */
  withdraw: (amountFen: number) => Promise<Result<{ withdrawal: Withdrawal }>>;
}

/** A loader whose answers are dropped once a newer call has started. */
function useLatest<T>(fetch: () => Promise<Result<T>>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);
  const load = useCallback(async () => {
    const gen = ++generation.current;
    setError(null);
    const res = await fetch();
    if (gen !== generation.current) return;
    if (res.ok) setData(res.data);
    else setError(res.error);
  }, [fetch]);
  return { data, error, load };
}

const fetchStats = () => commissionApi.myStats();
const fetchWithdrawals = () => commissionApi.myWithdrawals({ limit: WITHDRAWALS_SHOWN });

export function useSharerCenter(): SharerCenter {
  const stats = useLatest(fetchStats);
  const withdrawals = useLatest(fetchWithdrawals);
  const lines = usePagedList((page) => commissionApi.myCommissions({ ...page, limit: LINES_PAGE_SIZE }), 'lines');
  const { load: loadStats } = stats;
  const { load: loadWithdrawals } = withdrawals;
  const { refresh: refreshLines } = lines;

  useEffect(() => {
    void loadStats();
    void loadWithdrawals();
  }, [loadStats, loadWithdrawals]);

  const refresh = useCallback(async () => {
    await Promise.all([loadStats(), loadWithdrawals(), refreshLines()]);
  }, [loadStats, loadWithdrawals, refreshLines]);

  const withdraw = useCallback(
    async (amountFen: number) => {
      const res = await commissionApi.withdraw({ amountFen });
      void loadStats();
      void loadWithdrawals();
      return res;
    },
    [loadStats, loadWithdrawals],
  );

  return {
    stats: stats.data,
    statsError: stats.error,
    withdrawals: withdrawals.data?.items ?? null,
    withdrawalsError: withdrawals.error,
    lines,
    reloadStats: loadStats,
    reloadWithdrawals: loadWithdrawals,
    refresh,
    withdraw,
  };
}
