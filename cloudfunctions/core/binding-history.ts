// A buyer's bindings over time: one entry per binding, keyed by buyer and start, so a replay writes the same entry.
// The binding document is the truth about the current binding (an order may move its end), so an entry read from
// the history is replaced by what the binding document says of the same binding.
import type { BindingEnd } from '../contracts/commission';

export interface BindingFacts {
  buyerId: string;
  since: Date;
  until: Date;
  releasedAt?: Date;
  /** Set when the binding ended otherwise than by the buyer's release (a mute). */
  endedBy?: 'muted';
}

/** The history entry's id of the binding that started at `since`. */
export function historyId(buyerId: string, since: Date): string {
  return `${buyerId}:${new Date(since).getTime()}`;
}

/** How the binding stands at `now`: null while active; released, muted, or expired once its end has passed. */
export function bindingEnd(b: Omit<BindingFacts, 'buyerId' | 'since'>, now: Date): BindingEnd | null {
  if (b.endedBy) return b.endedBy;
  if (b.releasedAt) return 'released';
  return new Date(b.until).getTime() <= now.getTime() ? 'expired' : null;
}

/**
 * The buyer's history newest first: stored entries, with the one of the current binding taken from the binding
 * document (added when a crash left it unwritten), cut to `max`.
 */
export function mergeHistory<E extends { _id: string; since: Date }>(
  stored: readonly E[],
  current: E | null,
  max: number,
): E[] {
  const byId = new Map(stored.map((e) => [e._id, e]));
  if (current) byId.set(current._id, current);
  return [...byId.values()]
    .sort((a, b) => new Date(b.since).getTime() - new Date(a.since).getTime() || (a._id < b._id ? 1 : -1))
    .slice(0, max);
}
