// The sharer's track record (core/track-record.ts) for the trust card and the sharer's centre: one computation, so
// the centre shows exactly what friends see. Counted at read (a bounded read of the sharer's completed orders and
// three counts on indexes) and kept for TRACK_RECORD_TTL_MS, so a hot product page reads one document; a record
// updated with the events would have to live in code the order function imports, whose bundle is full.
import type { TrustedSharer } from '../contracts/shop';
import { isFresh, keptProductIds, referredRefundRate } from '../core/track-record';
import type { Database } from '../data/db';
import { completedLinesOf, referredOrderCounts } from '../data/orders';
import { countVisibleBy } from '../data/reviews';
import { findTrackRecord, saveTrackRecord, type TrackRecordDoc } from '../data/track-records';
import type { UserRecord } from '../data/users';

/** Completed orders read for `keptProducts`: a member's newest 1000 (one read; beyond them older ones are left out). */
export const KEPT_ORDERS_READ_MAX = 1000;

export async function trackRecordOf(db: Database, user: UserRecord, now: Date): Promise<TrustedSharer> {
  const stored = await findTrackRecord(db, user.openid);
  const record = stored && isFresh(new Date(stored.at), now) ? stored : await countTrackRecord(db, user.openid, now);
  const rate = referredRefundRate(record.referredPaid, record.referredRefunded);
  return {
    nickname: user.nickname,
    shareCode: user.shareCode,
    memberSince: new Date(user.createdAt).toISOString(),
    keptProducts: record.keptProducts,
    reviews: record.reviews,
    ...(rate === undefined ? {} : { referredRefundRate: rate }),
  };
}

async function countTrackRecord(db: Database, openid: string, now: Date): Promise<TrackRecordDoc> {
  const [completed, reviews, referred] = await Promise.all([
    completedLinesOf(db, openid, KEPT_ORDERS_READ_MAX),
    countVisibleBy(db, openid),
    referredOrderCounts(db, openid),
  ]);
  const record: TrackRecordDoc = {
    _id: openid,
    at: now,
    keptProducts: keptProductIds(completed).size,
    reviews,
    referredPaid: referred.paid,
    referredRefunded: referred.refunded,
  };
  await saveTrackRecord(db, record);
  return record;
}
