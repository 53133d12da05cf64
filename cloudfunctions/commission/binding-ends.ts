// The end of a binding kept in its history: written before anything overwrites the binding document, and written
// again by a retry (same ids), so a crash between two writes loses nothing. A release also marks the sharer as
// released by this friend, for the sharer's centre's count.
import { type BindingRecord, endBindingByMute, findBinding } from '../data/bindings';
import { writeHistory } from '../data/binding-history';
import type { Database } from '../data/db';
import { addMark, isMuted } from '../data/sharer-marks';
import type { CallContext } from '../platform/handler';

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

/** The buyer muted the sharer: a binding to them ends now (`muted`), and its end goes into the history. */
export async function endForMute(db: Database, buyerId: string, sharerId: string, now: Date): Promise<void> {
  await endBindingByMute(db, buyerId, sharerId, now);
  // Read back rather than trusting the update's count, so a retry after a crash here still records the end.
  const binding = await findBinding(db, buyerId);
  if (binding?.sharerId === sharerId && binding.endedBy === 'muted') await recordBindingEnd(db, binding, now);
}

/**
 * A binding just taken starts its history entry (the binding document stays the truth while it is active). A mute
 * made while this visit ran (its mark is written before it ends any binding) ends the new binding at once: false.
 */
export async function bindingTaken(ctx: CallContext, b: BindingRecord, shareCode: string): Promise<boolean> {
  const [, muted] = await Promise.all([writeHistory(ctx.db, b, ctx.now), isMuted(ctx.db, b.buyerId, shareCode)]);
  if (muted) await endForMute(ctx.db, b.buyerId, b.sharerId, ctx.now);
  return !muted;
}
