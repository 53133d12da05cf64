// After-sale cases (售后), `_id` = `<orderId>S<n>`. A case's status is written only by flows/after-sale.ts, with a
// condition on the status it was decided from, so of two racing changes of one case exactly one applies. Opening
// a case marks its order (`openAfterSale`) in the same transaction: an order has one open case at a time.
import type { Address, AfterSaleStatus, AfterSaleType } from '../contracts/order';
import type { PhotoCheck, PhotoChecksChange } from '../core/photos';
import { type Database, getOrNull, pageAfter, transact, type Transaction, txGet } from './db';
import { findByPhotoTrace, listPhotoChecksDueIn } from './photo-checks';

export interface CaseHistoryEntry {
  at: Date;
  by: 'buyer' | 'owner' | 'system';
  label: string;
  text?: string;
  /** fileIDs. */
  photos?: string[];
}

export interface CaseLine {
  productId: string;
  skuId: string;
  title: string;
  spec: string;
  /** The cover's fileID. */
  cover: string;
  priceFen: number;
  qty: number;
}

export interface AfterSaleRecord {
  _id: string;
  orderId: string;
  /** The order's buyer (never leaves the server). */
  buyerId: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  lines: CaseLine[];
  refundFen: number;
  reason: string;
  description: string;
  /** fileIDs under `aftersales/<buyer's openid>/`. */
  photos: string[];
  /** Content security of each photo in `photos` (flows/photo-checks.ts): the owner sees only those passed. */
  photoChecks?: PhotoCheck[];
  /** When the scheduler should (re)ask for a pending photo's check. */
  photoCheckDue?: Date;
  createdAt: Date;
  updatedAt: Date;
  /** When the current state times out (null: it waits on no one). */
  deadline: Date | null;
  /** The owner's desk order: the deadline, or the last change for a case that waits on no one. */
  sortAt: Date;
  reopened: boolean;
  rejectReason?: string;
  returnAddress?: Address;
  returnShipping?: { carrier: string; trackingNo: string; shippedAt: Date };
  /** The goods came back (the owner's confirmation or the automatic one): their stock returns with the refund. */
  receivedAt?: Date;
  /** WeChat Pay's refund number (`<caseId>R`), set when the refund is asked. */
  outRefundNo?: string;
  /** When the refund was last asked of WeChat Pay (the scheduler asks again while it has not confirmed). */
  refundAskedAt?: Date;
  /** How many times it was asked. */
  refundAsks?: number;
  refundedAt?: Date;
  history: CaseHistoryEntry[];
}

const cases = (db: Database) => db.collection<AfterSaleRecord>('after_sales');

export const caseIdOf = (orderId: string, n: number) => `${orderId}S${n}`;
export const caseRefundNumberOf = (caseId: string) => `${caseId}R`;
/** The case a refund number belongs to, or null for an order's own refund number. */
export const caseOfRefundNumber = (outRefundNo: string) =>
  /^YJ[0-9A-Z]{16}S[0-9]{1,3}R$/.test(outRefundNo) ? outRefundNo.slice(0, -1) : null;

export function findCase(db: Database, id: string): Promise<AfterSaleRecord | null> {
  return getOrNull(cases(db), id);
}

export function txFindCase(t: Transaction, id: string): Promise<AfterSaleRecord | null> {
  return txGet<AfterSaleRecord>(t, 'after_sales', id);
}

export async function txInsertCase(t: Transaction, record: AfterSaleRecord): Promise<void> {
  const { _id, ...data } = record;
  await t.collection('after_sales').doc(_id).set({ data });
}

/** Fields of a case other than its status. */
type NoStatus = { [field: string]: unknown; status?: never };

/** A case's status and fields, applied only while the case is still in `from` (and matches `requires`). */
export async function writeCaseStatus(
  db: Database,
  id: string,
  from: AfterSaleStatus,
  to: AfterSaleStatus,
  patch: Record<string, unknown>,
  event: CaseHistoryEntry,
  requires: Record<string, unknown> = {},
): Promise<boolean> {
  const { stats } = await cases(db)
    .where({ _id: id, status: from, ...requires })
    .update({ data: { ...patch, status: to, updatedAt: event.at, history: db.command.push([event]) } });
  return stats.updated === 1;
}

/** The same inside a transaction (its snapshot of the case is the condition). */
export async function txWriteCaseStatus(
  t: Transaction,
  db: Database,
  id: string,
  to: AfterSaleStatus,
  patch: Record<string, unknown>,
  event: CaseHistoryEntry,
): Promise<void> {
  await t
    .collection('after_sales')
    .doc(id)
    .update({ data: { ...patch, status: to, updatedAt: event.at, history: db.command.push([event]) } });
}

/** Fields other than the status, only while the case matches `where`. */
export async function updateCase(db: Database, where: Record<string, unknown>, patch: NoStatus): Promise<boolean> {
  if (Object.hasOwn(patch, 'status')) throw new Error("a case's status is written only by flows/after-sale.ts");
  const { stats } = await cases(db).where(where).update({ data: patch });
  return stats.updated === 1;
}

export interface CasePosition {
  at: Date;
  id: string;
}

/** A buyer's cases, newest first, keyset-paged on (createdAt, _id). */
export async function listBuyerCases(
  db: Database,
  buyerId: string,
  after: CasePosition | null,
  limit: number,
): Promise<AfterSaleRecord[]> {
  const where = pageAfter(db, { buyerId }, 'createdAt', after);
  const { data } = await cases(db)
    .where(where as object)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}

/**
 * The owner's desk: cases of a status (default: every open one), the oldest deadline first (cases without one,
 * by creation), keyset-paged on (sortAt, _id) where sortAt is the deadline or, without one, the creation time.
 */
export async function listOwnerCases(
  db: Database,
  statuses: readonly AfterSaleStatus[],
  after: CasePosition | null,
  limit: number,
): Promise<AfterSaleRecord[]> {
  const _ = db.command;
  const parts: object[] = [{ status: _.in([...statuses]) }];
  if (after) parts.push(_.or([{ sortAt: _.gt(after.at) }, { sortAt: after.at, _id: _.gt(after.id) }]));
  const { data } = await cases(db)
    .where((parts.length === 1 ? parts[0] : _.and(parts)) as object)
    .orderBy('sortAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data;
}

/** How many cases are in each of `statuses`. */
export async function countCases(
  db: Database,
  statuses: readonly AfterSaleStatus[],
): Promise<Partial<Record<AfterSaleStatus, number>>> {
  const counts = await Promise.all(statuses.map(async (status) => (await cases(db).where({ status }).count()).total));
  return Object.fromEntries(statuses.map((s, i) => [s, counts[i]]));
}

/** Cases in `statuses` whose deadline has passed by `now`, oldest first: the scheduler's work list. */
export async function listCasesPastDeadline(
  db: Database,
  statuses: readonly AfterSaleStatus[],
  now: Date,
  limit: number,
): Promise<AfterSaleRecord[]> {
  const _ = db.command;
  const { data } = await cases(db)
    .where({ status: _.in([...statuses]), deadline: _.lte(now) })
    .orderBy('deadline', 'asc')
    .limit(limit)
    .get();
  return data;
}

/** Refunds last asked of WeChat Pay before `before` and still not confirmed, asked fewer than `maxAsks` times. */
export async function listUnconfirmedCaseRefunds(
  db: Database,
  before: Date,
  maxAsks: number,
  limit: number,
): Promise<AfterSaleRecord[]> {
  const _ = db.command;
  const { data } = await cases(db)
    .where({ status: 'refunding', refundAskedAt: _.lte(before), refundAsks: _.lt(maxAsks) })
    .orderBy('refundAskedAt', 'asc')
    .limit(limit)
    .get();
  return data;
}

/** The cases of these orders, by order, newest first. */
export async function casesOfOrders(
  db: Database,
  orderIds: readonly string[],
): Promise<Map<string, AfterSaleRecord[]>> {
  const out = new Map<string, AfterSaleRecord[]>();
  if (orderIds.length === 0) return out;
  const { data } = await cases(db)
    .where({ orderId: db.command.in([...orderIds]) })
    .orderBy('createdAt', 'desc')
    .limit(1000)
    .get();
  for (const c of data) out.set(c.orderId, [...(out.get(c.orderId) ?? []), c]);
  return out;
}

/** The case whose evidence photo check carries this trace id. */
export function findCaseByTrace(db: Database, traceId: string): Promise<AfterSaleRecord | null> {
  return findByPhotoTrace<AfterSaleRecord>(db, 'after_sales', traceId);
}

/** Cases with an evidence photo check to ask (again) by now: the scheduler's. */
export function listCasePhotoChecksDue(db: Database, now: Date, limit: number): Promise<AfterSaleRecord[]> {
  return listPhotoChecksDueIn<AfterSaleRecord>(db, 'after_sales', now, limit);
}

/** Changes a case's photo checks in one transaction (`change` decides from the stored case; null: nothing). */
export async function updateCasePhotoChecks(
  db: Database,
  id: string,
  change: (c: AfterSaleRecord) => PhotoChecksChange | null,
): Promise<AfterSaleRecord | null> {
  return transact(db, async (t) => {
    const found = await txFindCase(t, id);
    if (!found) return null;
    const next = change(found);
    if (!next) return null;
    const data = { photoChecks: next.photoChecks, photoCheckDue: next.due ?? db.command.remove() };
    await t.collection('after_sales').doc(id).update({ data });
    const written: AfterSaleRecord = { ...found, photoChecks: next.photoChecks };
    if (next.due) written.photoCheckDue = next.due;
    else delete written.photoCheckDue;
    return written;
  });
}
