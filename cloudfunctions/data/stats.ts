// The shop's rollups: one document per China day (`shop_stats/<day>`, core/stats.ts) and one per customer
// (`customers/<memberId>`: a member with a paid order). They change with the events that move them, never from a scan.
import type { RangeSummary } from '../core/range-summary';
import { applyBumps, emptyDay, type Bump, type DayStats } from '../core/stats';
import { getOrNull, isDuplicateKey, txGet, type Database, type Transaction } from './db';
import { listOrdersBeforeStats } from './orders';

export interface CustomerRecord {
  /** The member id (core/member-id.ts): the only key of a customer that leaves the server. */
  _id: string;
  /** The member's openid (never leaves the server). */
  buyerId: string;
  /** Distinct China days with a payment, oldest first (the buyer histograms of core/stats.ts need them). */
  days: string[];
  orders: number;
  /** Paid, refunds taken off. */
  paidFen: number;
  lastOrderAt: Date;
  /** The sharer of the member's first paid order (its code), when it was attributed. */
  firstSharer?: { code: string; at: Date } | null;
  /** When the member's first paid order was paid. */
  firstPaidAt?: Date;
  /** The member's nickname and share code as of their last folded payment: what the owner's search matches. */
  nickname: string;
  shareCode: string;
  /** The owner's words for the customer (report.tagCustomer); only that action writes them. */
  tags: string[];
}

const days = (db: Database) => db.collection<DayStats>('shop_stats');

export const txFindCustomer = (t: Transaction, id: string) => txGet<CustomerRecord>(t, 'customers', id);
export const txFindDay = (t: Transaction, day: string) => txGet<DayStats>(t, 'shop_stats', day);

/**
 * Applies `bumps` to their day documents inside the transaction (a day's first write creates it). A bump of a day
 * before `today` (the folding call's China day) edits the past: it is counted on `shop_stats/edits` in the same
 * transaction, which invalidates every range summary made before it.
 */
export async function txBumpDays(t: Transaction, db: Database, bumps: readonly Bump[], today: string): Promise<void> {
  const byDay = new Map<string, Bump[]>();
  for (const b of bumps) byDay.set(b.day, [...(byDay.get(b.day) ?? []), b]);
  const past = bumps.some((b) => b.day < today);
  // Every read before the first write (one at a time: the transaction's requests are not sent in parallel).
  const edits = past ? await txGet<PastEdits>(t, 'shop_stats', EDITS) : null;
  const known = new Set<string>();
  for (const day of byDay.keys()) if (await txFindDay(t, day)) known.add(day);
  for (const [day, list] of byDay) {
    const ref = t.collection('shop_stats').doc(day);
    if (!known.has(day)) {
      const { _id, ...data } = applyBumps(emptyDay(day), list);
      await ref.set({ data });
    } else await ref.update({ data: incrementsOf(db, list) });
  }
  if (past) {
    const ref = t.collection('shop_stats').doc(EDITS);
    if (edits) await ref.update({ data: { n: db.command.inc(1) } });
    else await ref.set({ data: { n: 1 } });
  }
}

function incrementsOf(db: Database, bumps: readonly Bump[]): Record<string, unknown> {
  return Object.fromEntries(bumps.map((b) => [b.path, db.command.inc(b.by)]));
}

/** A new customer is written whole; a known one has its figures updated (never its tags: the owner's). */
export async function txSaveCustomer(t: Transaction, customer: CustomerRecord, known: boolean): Promise<void> {
  const { _id, tags, ...data } = customer;
  const ref = t.collection('customers').doc(_id);
  if (known) await ref.update({ data });
  else await ref.set({ data: { ...data, tags } });
}

/** A visit bumps its day on its own (no transaction: one atomic increment, or the day's first write). */
export async function bumpDay(db: Database, bumps: readonly Bump[], day: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { stats } = await days(db)
      .doc(day)
      .update({ data: incrementsOf(db, bumps) });
    if (stats.updated > 0) return;
    try {
      const { _id, ...data } = applyBumps(emptyDay(day), bumps);
      await days(db).add({ data: { _id: day, ...data } });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // created meanwhile: increment it
    }
  }
}

/** The day documents from `from` to `to` (at most 180: the dashboard's range and the one before it). */
export async function readDays(db: Database, from: string, to: string): Promise<DayStats[]> {
  const _ = db.command;
  const { data } = await days(db)
    .where(_.and([{ day: _.gte(from) }, { day: _.lte(to) }]) as object)
    .limit(200)
    .get();
  return data;
}

const BACKFILLED = 'backfilled';
/** The count of past days' edits (`txBumpDays`): a range summary is good while the count is what it was made with. */
const EDITS = 'edits';
const summaryId = (days: number) => `summary-${days}`;

interface PastEdits {
  _id: string;
  n: number;
}

/** A dashboard range's summary (core/range-summary.ts) as stored: made on China day `to` at past-edit count `stamp`. */
export interface StoredSummary {
  _id: string;
  to: string;
  stamp: number;
  summary: RangeSummary;
}

/**
 * In one read: the past-edit count, the stored summary of a `days` range, and the day documents of `liveDays`.
 * The count is read with (not after) the summary, so a summary made from days read after it is never newer than it.
 */
export async function readDashboardDocs(
  db: Database,
  days: number,
  liveDays: readonly string[],
): Promise<{ stamp: number; stored: StoredSummary | null; live: DayStats[] }> {
  const _ = db.command;
  const ids = [EDITS, summaryId(days), ...liveDays];
  const { data } = await db
    .collection<{ _id: string }>('shop_stats')
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get();
  const byId = new Map(data.map((d) => [d._id, d]));
  return {
    stamp: (byId.get(EDITS) as PastEdits | undefined)?.n ?? 0,
    stored: (byId.get(summaryId(days)) as StoredSummary | undefined) ?? null,
    live: liveDays.map((day) => byId.get(day) as DayStats | undefined).filter((d) => d !== undefined),
  };
}

/** Keeps the summary of a `days` range made on `to` with past-edit count `stamp` (one per range length). */
export async function saveSummary(db: Database, days: number, to: string, stamp: number, summary: RangeSummary) {
  await db.collection('shop_stats').doc(summaryId(days)).set({ data: { to, stamp, summary } });
}

/**
 * Orders paid before the rollups existed (no `stats` on them), until none is left: then a marker document ends the
 * backfill for good (orders paid since are marked `statsDue` by their payment).
 */
export async function listUnfolded(db: Database, limit: number, now: Date): Promise<Array<{ _id: string }>> {
  if (await getOrNull(days(db), BACKFILLED)) return [];
  const data = await listOrdersBeforeStats(db, limit);
  if (data.length === 0)
    await days(db)
      .doc(BACKFILLED)
      .set({ data: { backfilledAt: now } });
  return data;
}
