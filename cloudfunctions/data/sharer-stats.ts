// A sharer's counters, kept with the events (visits, commission changes, withdrawals) so that reading the
// sharer's center is one lookup however large the shop grows. Visit counters are bumped on their own; money
// counters change inside the same transaction as the ledger line they follow, so they always equal its sums.
import type { ShareChannel } from '../contracts/commission';
import { isDuplicateKey, txGet, type Database, type Transaction } from './db';

export interface VisitRow {
  visits: number;
  visitors: number;
  /** Chat rows: of `visits`, those opened from a group chat, and the distinct groups (by hash). */
  groupVisits?: number;
  groups?: number;
}

export interface MoneyRow {
  orders: number;
  gmvFen: number;
  pendingFen: number;
  settledFen: number;
  reversedFen: number;
}

type ByProduct<R> = Record<string, Partial<Record<ShareChannel, Partial<R>>>>;

export interface VisitStats extends VisitRow {
  _id: string;
  kind: 'visits';
  sharerId: string;
  products: ByProduct<VisitRow>;
}

export interface MoneyStats extends MoneyRow {
  _id: string;
  kind: 'money';
  sharerId: string;
  sharerCode: string;
  buyers: number;
  withdrawnFen: number;
  /** Asked for by the open withdrawal, not yet decided. */
  requestedFen: number;
  openWithdrawalId: string | null;
  products: ByProduct<MoneyRow>;
}

export const visitStatsId = (sharerId: string) => `${sharerId}:visits`;
export const moneyStatsId = (sharerId: string) => `${sharerId}:money`;
export const buyerMarkerId = (sharerId: string, buyerId: string) => `${sharerId}:b:${buyerId}`;

const stats = (db: Database) => db.collection<VisitStats | MoneyStats>('sharer_stats');

/**
 * True the first time this key is seen (a visitor new to a row, or to the sharer): the marker's unique `_id` decides.
 */
export async function firstVisit(
  db: Database,
  key: string,
  now: Date,
  extra: Record<string, string> = {},
): Promise<boolean> {
  try {
    await db.collection('visits').add({ data: { _id: key, at: now, ...extra } });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export async function readStats(
  db: Database,
  sharerId: string,
): Promise<{ visits: VisitStats | null; money: MoneyStats | null }> {
  const { data } = await stats(db)
    .where({ _id: db.command.in([visitStatsId(sharerId), moneyStatsId(sharerId)]) })
    .limit(2)
    .get();
  return {
    visits: (data.find((d) => d.kind === 'visits') as VisitStats | undefined) ?? null,
    money: (data.find((d) => d.kind === 'money') as MoneyStats | undefined) ?? null,
  };
}

/**
 * Counts one visit of a product through a channel; `newVisitor*` say whether this visitor is new to the row / to the
 * sharer; `group`: a chat visit from a group chat, and whether the group is new to the row.
 */
export async function countVisit(
  db: Database,
  sharerId: string,
  productId: string,
  channel: ShareChannel,
  newRowVisitor: boolean,
  newVisitor: boolean,
  group: { newGroup: boolean } | null = null,
): Promise<void> {
  const _ = db.command;
  const id = visitStatsId(sharerId);
  const row = `products.${productId}.${channel}`;
  const groupInc = group ? { groupVisits: 1, groups: group.newGroup ? 1 : 0 } : {};
  const inc = {
    visits: 1,
    visitors: newVisitor ? 1 : 0,
    [`${row}.visits`]: 1,
    [`${row}.visitors`]: newRowVisitor ? 1 : 0,
    ...Object.fromEntries(Object.entries(groupInc).map(([k, v]) => [`${row}.${k}`, v])),
  };
  const update = () =>
    stats(db)
      .doc(id)
      .update({ data: Object.fromEntries(Object.entries(inc).map(([k, v]) => [k, _.inc(v)])) });
  if ((await update()).stats.updated === 1) return;
  const first: VisitStats = {
    _id: id,
    kind: 'visits',
    sharerId,
    visits: 1,
    visitors: newVisitor ? 1 : 0,
    products: { [productId]: { [channel]: { visits: 1, visitors: newRowVisitor ? 1 : 0, ...groupInc } } },
  };
  try {
    await stats(db).add({ data: first });
  } catch (error) {
    // A concurrent first visit created the document: count on it.
    if (!isDuplicateKey(error)) throw error;
    await update();
  }
}

/** Notes that the buyer bought through the sharer; true when they had before (the sharer's buyers count once). */
export async function txNoteBuyer(t: Transaction, sharerId: string, buyerId: string): Promise<boolean> {
  const marker = buyerMarkerId(sharerId, buyerId);
  if (await txGet(t, 'sharer_stats', marker)) return true;
  await t
    .collection('sharer_stats')
    .doc(marker)
    .set({ data: { kind: 'buyer', sharerId } });
  return false;
}

export interface MoneyChange {
  totals: Partial<MoneyRow & { buyers: number; withdrawnFen: number; requestedFen: number }>;
  rows: Array<{ productId: string; channel: ShareChannel; change: Partial<MoneyRow> }>;
  set?: { openWithdrawalId: string | null };
}

/** Applies a money change to the sharer's counters inside the transaction that writes the ledger. */
export async function changeMoney(
  db: Database,
  t: Transaction,
  sharer: { id: string; code: string },
  change: MoneyChange,
): Promise<MoneyStats> {
  const id = moneyStatsId(sharer.id);
  const current = await txGet<MoneyStats>(t, 'sharer_stats', id);
  if (!current) {
    const created: MoneyStats = {
      _id: id,
      kind: 'money',
      sharerId: sharer.id,
      sharerCode: sharer.code,
      orders: 0,
      buyers: 0,
      gmvFen: 0,
      pendingFen: 0,
      settledFen: 0,
      reversedFen: 0,
      withdrawnFen: 0,
      requestedFen: 0,
      openWithdrawalId: null,
      products: {},
    };
    for (const [k, v] of Object.entries(change.totals)) (created as unknown as Record<string, number>)[k] += v ?? 0;
    for (const { productId, channel, change: c } of change.rows) {
      const byChannel = (created.products[productId] ??= {});
      const row = (byChannel[channel] ??= {}) as Record<string, number>;
      for (const [k, v] of Object.entries(c)) row[k] = (row[k] ?? 0) + (v ?? 0);
    }
    if (change.set) created.openWithdrawalId = change.set.openWithdrawalId;
    const { _id, ...data } = created;
    await t.collection('sharer_stats').doc(_id).set({ data });
    return created;
  }
  const _ = db.command;
  const sums = new Map<string, number>();
  const add = (path: string, v: number | undefined) => {
    if (v) sums.set(path, (sums.get(path) ?? 0) + v);
  };
  for (const [k, v] of Object.entries(change.totals)) add(k, v);
  for (const { productId, channel, change: c } of change.rows)
    for (const [k, v] of Object.entries(c)) add(`products.${productId}.${channel}.${k}`, v);
  const data: Record<string, unknown> = {};
  for (const [path, v] of sums) if (v) data[path] = _.inc(v);
  if (change.set) data.openWithdrawalId = change.set.openWithdrawalId;
  if (Object.keys(data).length > 0) await t.collection('sharer_stats').doc(id).update({ data });
  return current;
}

/** Sharers ranked by goods paid through them, highest first (offset paging: the owner's list). */
export async function rankSharers(db: Database, offset: number, limit: number): Promise<MoneyStats[]> {
  const { data } = await stats(db)
    .where({ kind: 'money' })
    .orderBy('gmvFen', 'desc')
    .orderBy('_id', 'asc')
    .skip(offset)
    .limit(limit)
    .get();
  return data as MoneyStats[];
}
