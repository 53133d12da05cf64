// The shop's points rules: loaded once, reloaded on demand, and replaced by the rules `setRules` answers with.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody, Result } from '../../api/client';
import { pointsApi } from '../../api/points';
import type { PointsInput, PointsRules } from '../../../cloudfunctions/contracts/points';

export interface PointsRulesState {
  rules: PointsRules | null;
  /** The last failure of a load (a notice over the rules on screen, or the error page when there are none). */
  error: ErrorBody | null;
  /** Loads the rules again; keeps the ones on screen meanwhile. */
  reload: () => Promise<void>;
  /** Sets one or more rules; on success the rules shown are the ones answered. */
  save: (input: PointsInput<'setRules'>) => Promise<Result<PointsRules>>;
}

export function usePointsRules(): PointsRulesState {
  const [rules, setRules] = useState<PointsRules | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  // A save's answer supersedes a load still in flight (it is the newer set).
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    const res = await pointsApi.rules();
    if (gen !== generation.current) return;
    if (res.ok) {
      setRules(res.data);
      setError(null);
    } else {
      setError(res.error);
    }
  }, []);

  const save = useCallback(async (input: PointsInput<'setRules'>) => {
    const res = await pointsApi.setRules(input);
    if (res.ok) {
      generation.current += 1;
      setRules(res.data);
      setError(null);
    }
    return res;
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { rules, error, reload, save };
}
