// A customer as the owner sees them: their member id, never their openid; names read fresh from the users.
import type { CustomerItem } from '../contracts/report';
import { pointsOf } from '../data/customers';
import type { Database } from '../data/db';
import type { CustomerRecord } from '../data/stats';
import { findUsersByOpenids, findUsersByShareCodes } from '../data/users';

/** The items of `records`, in their order: the members, their first sharers and their points in one query each. */
export async function customerItems(db: Database, records: readonly CustomerRecord[]): Promise<CustomerItem[]> {
  if (records.length === 0) return [];
  const openids = records.map((c) => c.buyerId);
  const codes = records.flatMap((c) => (c.firstSharer ? [c.firstSharer.code] : []));
  const [users, sharers, points] = await Promise.all([
    findUsersByOpenids(db, openids),
    findUsersByShareCodes(db, codes),
    pointsOf(db, openids),
  ]);
  return records.map((c) => {
    const user = users.get(c.buyerId);
    const first = c.firstSharer;
    return {
      memberId: c._id,
      nickname: user?.nickname ?? c.nickname,
      ...((user?.shareCode ?? c.shareCode) ? { shareCode: user?.shareCode ?? c.shareCode } : {}),
      orders: c.orders,
      paidFen: c.paidFen,
      lastOrderAt: new Date(c.lastOrderAt).toISOString(),
      ...(first ? { firstSharer: { shareCode: first.code, nickname: sharers.get(first.code)?.nickname ?? '' } } : {}),
      points: points.get(c.buyerId) ?? 0,
      tags: c.tags ?? [],
    };
  });
}
