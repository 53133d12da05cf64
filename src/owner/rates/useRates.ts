// The commission rate table (the shop default and each product's override): loaded once, reloaded on demand, and
// replaced by the table `setRate` answers with.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody, Result } from '../../api/client';
import { commissionApi } from '../../api/commission';
import type { CommissionInput, RateTable } from '../../../cloudfunctions/contracts/commission';

export interface Rates {
  table: RateTable | null;
  /** The last failure of a load (a notice over the table on screen, or the error page when there is none). */
  error: ErrorBody | null;
  /** Loads the table again; keeps the one on screen meanwhile. */
  reload: () => Promise<void>;
  /** Sets one rate; on success the table shown is the one answered. */
  save: (input: CommissionInput<'setRate'>) => Promise<Result<RateTable>>;
}

export function useRates(): Rates {
  const [table, setTable] = useState<RateTable | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  // A save's answer supersedes a load still in flight (it is the newer table).
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    const res = await commissionApi.rates();
    if (gen !== generation.current) return;
    if (res.ok) {
      setTable(res.data);
      setError(null);
    } else {
      setError(res.error);
    }
  }, []);

  const save = useCallback(async (input: CommissionInput<'setRate'>) => {
    const res = await commissionApi.setRate(input);
    if (res.ok) {
      generation.current += 1;
      setTable(res.data);
      setError(null);
    }
    return res;
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { table, error, reload, save };
}
