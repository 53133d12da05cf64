// The end of a binding kept in its history: written before anything overwrites the binding document, and written
// again by a retry (same ids), so a crash between two writes loses nothing. A release also marks the sharer as
// released by this friend, for the sharer's centre's count.
import type { BindingRecord } from '../data/bindings';
import { writeHistory } from '../data/binding-history';
import type { Database } from '../data/db';
import { addMark } from '../data/sharer-marks';

export async function recordBindingEnd(db: Database, b: BindingRecord, now: Date): Promise<void> {
  const entry = await writeHistory(db, b, now);
  if (entry.ended !== 'released') return;
  await addMark(db, {
    kind: 'released',
    buyerId: b.buyerId,
    sharerId: b.sharerId,
    sharerCode: b.sharerCode,
    sharerNickname: b.sharerNickname,
    at: new Date(b.releasedAt ?? b.until),
  });
}

/** A binding just taken starts its history entry (the binding document stays the truth while it is active). */
export async function recordBindingStart(db: Database, b: BindingRecord, now: Date): Promise<void> {
  await writeHistory(db, b, now);
}
