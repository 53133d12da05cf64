// A buyer's past and present bindings (`binding_history/<buyer>:<since ms>`), one entry per binding, written when
// a binding is taken and when it ends, before anything overwrites the binding document; a replay sets the same
// entry again. Reads take the current binding from `bindings/<buyer>` (core/binding-history.ts).
import type { BindingEnd, ShareChannel } from '../contracts/commission';
import { bindingEnd, historyId, mergeHistory } from '../core/binding-history';
import { type BindingRecord, findBinding } from './bindings';
import type { Database } from './db';

export interface BindingHistoryRecord {
  _id: string;
  buyerId: string;
  sharerId: string;
  sharerCode: string;
  sharerNickname: string;
  channel: ShareChannel;
  productId: string;
  since: Date;
  /** The planned end while active; when it ended otherwise. */
  until: Date;
  ended: BindingEnd | null;
}

const history = (db: Database) => db.collection<BindingHistoryRecord>('binding_history');

/** The history entry of a binding document as it stands at `now`. */
export function historyEntry(b: BindingRecord, now: Date): BindingHistoryRecord {
  return {
    _id: historyId(b.buyerId, b.since),
    buyerId: b.buyerId,
    sharerId: b.sharerId,
    sharerCode: b.sharerCode,
    sharerNickname: b.sharerNickname,
    channel: b.channel,
    productId: b.productId,
    since: new Date(b.since),
    until: new Date(b.until),
    ended: bindingEnd(b, now),
  };
}

/** Writes (or writes again: the id is the binding's) the entry of a binding as it stands at `now`. */
export async function writeHistory(db: Database, b: BindingRecord, now: Date): Promise<BindingHistoryRecord> {
  const { _id, ...data } = historyEntry(b, now);
  await history(db).doc(_id).set({ data });
  return { _id, ...data };
}

/** The buyer's latest `max` bindings, newest first, the current one as its binding document says. */
export async function readHistory(
  db: Database,
  buyerId: string,
  now: Date,
  max: number,
): Promise<BindingHistoryRecord[]> {
  const [current, { data }] = await Promise.all([
    findBinding(db, buyerId),
    history(db).where({ buyerId }).orderBy('since', 'desc').limit(max).get(),
  ]);
  return mergeHistory(data, current ? historyEntry(current, now) : null, max);
}
