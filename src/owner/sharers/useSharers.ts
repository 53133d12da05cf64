// Sharers ranked by what their shares sold (the server's order), a page at a time by cursor.
import { commissionApi } from '../../api/commission';
import { usePagedList, type PagedList } from '../../hooks/usePagedList';
import type { SharerRank } from '../../../cloudfunctions/contracts/commission';

export const SHARERS_PAGE_SIZE = 20;

/** A ranked sharer keyed by shareCode (stable and unique per member), as the paged list needs an id. */
export type RankedSharer = SharerRank & { id: string };

export function useSharers(): PagedList<RankedSharer> {
  return usePagedList(async (page) => {
    const res = await commissionApi.sharers({ ...page, limit: SHARERS_PAGE_SIZE });
    if (!res.ok) return res;
    return {
      ok: true,
      data: { items: res.data.items.map((s) => ({ ...s, id: s.shareCode })), nextCursor: res.data.nextCursor },
    };
  }, 'sharers');
}
