// What friends decided about a sharer (`sharer_marks/<kind>:<shareCode>:<buyer>`): `muted` while the buyer mutes
// them (不看推荐的人; removed on unmute), `released` once the buyer has ever released a binding to them. One
// document per buyer, sharer and kind, so the sharer's centre counts friends (never who) with two counts.
import { type Database, getOrNull, isDuplicateKey } from './db';

export type MarkKind = 'muted' | 'released';

export interface SharerMarkRecord {
  _id: string;
  kind: MarkKind;
  buyerId: string;
  sharerId: string;
  sharerCode: string;
  /** The sharer's nickname when marked (what the mute list shows). */
  sharerNickname: string;
  at: Date;
}

const marks = (db: Database) => db.collection<SharerMarkRecord>('sharer_marks');
const markId = (kind: MarkKind, sharerCode: string, buyerId: string) => `${kind}:${sharerCode}:${buyerId}`;

/** Leaves the mark unless it is there already (the first `at` stays). */
export async function addMark(db: Database, mark: Omit<SharerMarkRecord, '_id'>): Promise<void> {
  try {
    await marks(db).add({ data: { _id: markId(mark.kind, mark.sharerCode, mark.buyerId), ...mark } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

export async function removeMute(db: Database, buyerId: string, sharerCode: string): Promise<void> {
  await marks(db)
    .where({ _id: markId('muted', sharerCode, buyerId) })
    .remove();
}

/** Whether the buyer mutes the sharer of this share code (an anonymous caller mutes no one). */
export async function isMuted(db: Database, buyerId: string, sharerCode: string): Promise<boolean> {
  if (!buyerId || !sharerCode) return false;
  return (await getOrNull(marks(db), markId('muted', sharerCode, buyerId))) !== null;
}

export async function countMutes(db: Database, buyerId: string): Promise<number> {
  return (await marks(db).where({ buyerId, kind: 'muted' }).count()).total;
}

/** The sharers the buyer mutes, newest first. */
export async function listMutes(db: Database, buyerId: string, max: number): Promise<SharerMarkRecord[]> {
  const { data } = await marks(db).where({ buyerId, kind: 'muted' }).orderBy('at', 'desc').limit(max).get();
  return data;
}

/** How many friends released a binding to the sharer, and how many mute them now. */
export async function countFriends(db: Database, sharerId: string): Promise<{ released: number; muted: number }> {
  const count = async (kind: MarkKind) => (await marks(db).where({ sharerId, kind }).count()).total;
  const [released, muted] = await Promise.all([count('released'), count('muted')]);
  return { released, muted };
}
