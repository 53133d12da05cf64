// The group page's data: one group with its activity, the product's title and picture. `refresh` reads it again in
// place (its countdown ran out, the buyer came back from paying).
import { useCallback, useEffect, useRef, useState } from 'react';
import { campaignApi } from '../../api/campaign';
import type { ErrorBody } from '../../api/client';
import type { CampaignResults } from '../../../cloudfunctions/contracts/campaign';

export type GroupView = CampaignResults['group'];

export interface GroupState {
  /** 'not_found' covers both an unknown group and a link without a valid id. */
  status: 'loading' | 'ready' | 'error' | 'not_found';
  data: GroupView | null;
  error: ErrorBody | null;
  reload: () => Promise<void>;
  refresh: () => Promise<void>;
}

export function useGroup(groupId: string | undefined): GroupState {
  const [status, setStatus] = useState<GroupState['status']>(groupId ? 'loading' : 'not_found');
  const [data, setData] = useState<GroupView | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);

  const read = useCallback(
    async (quiet: boolean) => {
      if (!groupId) return;
      const gen = ++generation.current;
      if (!quiet) {
        setStatus('loading');
        setError(null);
      }
      const res = await campaignApi.group({ groupId });
      if (gen !== generation.current) return;
      if (res.ok) {
        setData(res.data);
        setStatus('ready');
      } else if (!quiet) {
        setError(res.error);
        setStatus(res.error.code === 'group.not_found' ? 'not_found' : 'error');
      }
      // A quiet read that failed leaves the group on screen as it was.
    },
    [groupId],
  );

  const reload = useCallback(() => read(false), [read]);
  const refresh = useCallback(() => read(true), [read]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { status, data, error, reload, refresh };
}
