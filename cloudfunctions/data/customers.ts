// The owner's customers (`customers`, kept by flows/stats.ts): a list by last order, spending or orders, searched by
// nickname or share code, filtered by tag; and what the customer page shows of a member beside them.
import type { CustomerSort } from '../contracts/report';
import type { PagePosition } from '../core/paging';
import { literalPattern } from '../core/product';
import { getOrNull, type Database } from './db';
import type { PointsLedgerRecord } from './points';
import type { ReviewRecord } from './reviews';
import type { CustomerRecord } from './stats';

const customers = (db: Database) => db.collection<CustomerRecord>('customers');

export const SORT_FIELDS: Record<CustomerSort, 'lastOrderAt' | 'paidFen' | 'orders'> = {
  recent: 'lastOrderAt',
  spent: 'paidFen',
  orders: 'orders',
};

/** The position of a row in its sort (a time as ms), as its cursor holds it. */
export function positionOf(customer: CustomerRecord, sort: CustomerSort): PagePosition {
  const value = customer[SORT_FIELDS[sort]];
  return {
    sort: value instanceof Date || typeof value === 'string' ? new Date(value).getTime() : value,
    id: customer._id,
  };
}

export async function listCustomers(
  db: Database,
  query: { q?: string; tag?: string; sort: CustomerSort; after: PagePosition | null; limit: number },
): Promise<CustomerRecord[]> {
  const _ = db.command;
  const field = SORT_FIELDS[query.sort];
  const parts: object[] = [];
  if (query.q) {
    const regexp = db.RegExp({ regexp: literalPattern(query.q), options: 'i' });
    parts.push(_.or([{ nickname: regexp }, { shareCode: regexp }]));
  }
  if (query.tag) parts.push({ tags: query.tag });
  if (query.after) {
    const at = query.sort === 'recent' ? new Date(query.after.sort) : query.after.sort;
    parts.push(_.or([{ [field]: _.lt(at) }, { [field]: at, _id: _.lt(query.after.id) }]));
  }
  const where = parts.length === 0 ? {} : parts.length === 1 ? parts[0] : (_.and(parts) as object);
  const { data } = await customers(db)
    .where(where)
    .orderBy(field, 'desc')
    .orderBy('_id', 'desc')
    .limit(query.limit)
    .get();
  return data;
}

/**
 * The owner's tags in use, on the most customers first (then by name), at most `max`: one aggregation over the
 * tagged customers only (the `tags` index), for the list's filter chips.
 */
export async function tagsInUse(db: Database, max: number): Promise<string[]> {
  const _ = db.command;
  const $ = _.aggregate;
  const { list } = (await customers(db)
    .aggregate()
    .match({ 'tags.0': _.exists(true) })
    .unwind('$tags')
    .group({ _id: '$tags', n: $.sum(1) })
    .sort({ n: -1, _id: 1 })
    .limit(max)
    .end()) as { list: Array<{ _id: string; n: number }> };
  return list.map((t) => t._id);
}

export const findCustomer = (db: Database, id: string) => getOrNull(customers(db), id);

export async function setCustomerTags(db: Database, id: string, tags: readonly string[]): Promise<boolean> {
  const { stats } = await customers(db)
    .where({ _id: id })
    .update({ data: { tags: [...tags] } });
  return stats.updated > 0;
}

/** The member's reviews, hidden ones included, newest first. */
export async function latestReviewsOf(db: Database, buyerId: string, limit: number): Promise<ReviewRecord[]> {
  const { data } = await db
    .collection<ReviewRecord>('reviews')
    .where({ buyerId })
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .get();
  return data;
}

/** The member's points ledger, what a summary needs of it (kind and change), at most LEDGER_MAX entries. */
export async function ledgerOf(
  db: Database,
  userId: string,
): Promise<Array<Pick<PointsLedgerRecord, 'kind' | 'available'>>> {
  const { data } = await db
    .collection<PointsLedgerRecord>('points_ledger')
    .where({ userId })
    .field({ kind: true, available: true })
    .limit(LEDGER_MAX)
    .get();
  return data;
}

export const LEDGER_MAX = 1000;

/** Spendable points of each member (`points_accounts/<openid>`), in one query. */
export async function pointsOf(db: Database, openids: readonly string[]): Promise<Map<string, number>> {
  if (openids.length === 0) return new Map();
  const { data } = await db
    .collection<{ _id: string; available: number }>('points_accounts')
    .where({ _id: db.command.in([...new Set(openids)]) })
    .field({ available: true })
    .limit(openids.length)
    .get();
  return new Map(data.map((a) => [a._id, a.available]));
}
