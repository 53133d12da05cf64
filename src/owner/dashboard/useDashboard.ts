// The dashboard of one range: loaded when the range changes and on demand; an answer for a range the owner has
// already left is dropped. What was on screen stays while another range loads (or fails to).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../api/client';
import { reportOwnerApi } from '../../api/report-owner';
import type { Dashboard, ReportRange } from '../../../cloudfunctions/contracts/report';

export function useDashboard(days: ReportRange) {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const gen = ++generation.current;
    setError(null);
    setLoading(true);
    const res = await reportOwnerApi.dashboard({ days });
    if (gen !== generation.current) return;
    setLoading(false);
    if (res.ok) setDashboard(res.data);
    else setError(res.error);
  }, [days]);

  useEffect(() => {
    void load();
  }, [load]);

  return { dashboard, error, loading, reload: load };
}
