// Bindings: one document per buyer (`_id` = their openid) naming the one sharer their orders are attributed to.
// Taking a binding is a conditional write on "none, or ended", so no one can take an active binding, however
// many visits race. Past bindings live in `binding_history` (data/binding-history.ts), written before an overwrite.
import type { ShareChannel } from '../contracts/commission';
import { bindingUntil } from '../core/commission';
import { getOrNull, isDuplicateKey, type Database, txGet, type Transaction } from './db';

export interface BindingRecord {
  _id: string;
  buyerId: string;
  sharerId: string;
  sharerCode: string;
  /** The sharer's nickname when the binding was made (what the buyer sees). */
  sharerNickname: string;
  channel: ShareChannel;
  productId: string;
  since: Date;
  until: Date;
  releasedAt?: Date;
  /** A binding ended by the buyer muting the sharer (`releasedAt` then says when). */
  endedBy?: 'muted';
}

const bindings = (db: Database) => db.collection<BindingRecord>('bindings');

export async function findBinding(db: Database, buyerId: string): Promise<BindingRecord | null> {
  return buyerId ? getOrNull(bindings(db), buyerId) : null;
}

export type NewBinding = Omit<BindingRecord, '_id' | 'buyerId' | 'since' | 'until' | 'releasedAt' | 'endedBy'>;

/**
 * Binds the buyer to the sharer for `days` unless an active binding exists (`existing` is what the caller read).
 * Returns the binding in force afterwards and whether this call made it.
 */
export async function takeBinding(
  db: Database,
  buyerId: string,
  existing: BindingRecord | null,
  next: NewBinding,
  now: Date,
  days: number,
): Promise<{ bound: boolean; binding: BindingRecord | null }> {
  const record: BindingRecord = { _id: buyerId, buyerId, ...next, since: now, until: bindingUntil(now, days) };
  if (!existing) {
    try {
      await bindings(db).add({ data: record });
      return { bound: true, binding: record };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return { bound: false, binding: await findBinding(db, buyerId) };
    }
  }
  const _ = db.command;
  const { _id: _ignored, ...fields } = record;
  const { stats } = await bindings(db)
    .where({ _id: buyerId, until: _.lte(now) })
    .update({ data: { ...fields, releasedAt: _.remove(), endedBy: _.remove() } });
  if (stats.updated === 1) return { bound: true, binding: record };
  return { bound: false, binding: await findBinding(db, buyerId) };
}

/** The buyer ends their binding now; their later orders are attributed to no one until a new share binds them. */
export async function releaseBinding(db: Database, buyerId: string, now: Date): Promise<void> {
  const _ = db.command;
  await bindings(db)
    .where({ _id: buyerId, until: _.gt(now) })
    .update({ data: { until: now, releasedAt: now } });
}

/** The buyer mutes the sharer they are bound to: the binding ends now, marked as ended by the mute. */
export async function endBindingByMute(db: Database, buyerId: string, sharerId: string, now: Date): Promise<void> {
  const _ = db.command;
  await bindings(db)
    .where({ _id: buyerId, sharerId, until: _.gt(now) })
    .update({ data: { until: now, releasedAt: now, endedBy: 'muted' } });
}

/** The buyer's binding as a transaction sees it, or null. */
export function txFindBinding(t: Transaction, buyerId: string): Promise<BindingRecord | null> {
  return txGet<BindingRecord>(t, 'bindings', buyerId);
}

/** Moves the binding's end to `until`, inside the caller's transaction. */
export async function txExtendBinding(t: Transaction, buyerId: string, until: Date): Promise<void> {
  await t.collection('bindings').doc(buyerId).update({ data: { until } });
}
