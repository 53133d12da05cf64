// A sharer's track record as last counted (`track_records/<openid>`): a short-lived copy so that a product page
// opened from a card reads one document rather than counting orders and reviews on every view
// (flows/track-record.ts decides when it is counted again).
import { getOrNull, type Database } from './db';

export interface TrackRecordDoc {
  _id: string;
  /** When it was counted. */
  at: Date;
  keptProducts: number;
  reviews: number;
  referredPaid: number;
  referredRefunded: number;
}

const records = (db: Database) => db.collection<TrackRecordDoc>('track_records');

export async function findTrackRecord(db: Database, openid: string): Promise<TrackRecordDoc | null> {
  return getOrNull(records(db), openid);
}

/** Replaces the stored count (two views counting at once both write the same figures). */
export async function saveTrackRecord(db: Database, record: TrackRecordDoc): Promise<void> {
  const { _id, ...data } = record;
  await records(db).doc(_id).set({ data });
}
