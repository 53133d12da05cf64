// The product's live group buy (拼团) with its open groups: read when the page opens and when the buyer comes back
// to it (from a checkout or a group). Null while loading, when there is none, or when it could not be read: the page
// then sells as usual.
import { useCallback, useEffect, useRef, useState } from 'react';
import { campaignApi } from '../../api/campaign';
import type { LiveGroupBuy } from '../../../cloudfunctions/contracts/campaign';

export function useGroupBuy(productId: string | undefined, enabled: boolean) {
  const [live, setLive] = useState<LiveGroupBuy | null>(null);
  // Only the latest answer counts (and none after the page is gone).
  const generation = useRef(0);

  const reload = useCallback(async () => {
    if (!productId || !enabled) return;
    const gen = ++generation.current;
    const res = await campaignApi.groupBuy({ productId });
    if (gen !== generation.current || !res.ok) return;
    setLive(res.data.live?.groupBuy.status === 'live' ? res.data.live : null);
  }, [productId, enabled]);

  useEffect(() => {
    void reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  return { live, reload };
}
