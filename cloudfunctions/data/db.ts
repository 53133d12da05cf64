// The wx-server-sdk database as the repositories see it. Its typings overload every call with callback forms
// (results typed `string | void | …`), so the repositories describe the promise results they rely on.
import type * as WxServerSdk from 'wx-server-sdk';
import { AppError } from '../contracts/errors';
import type { CollectionName } from './indexes';

export type Cloud = typeof WxServerSdk;

export interface Query<T> {
  where(condition: object): Query<T>;
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>;
  limit(n: number): Query<T>;
  skip(n: number): Query<T>;
  field(projection: Record<string, boolean>): Query<T>;
  get(): Promise<{ data: T[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Collection<T> extends Query<T> {
  doc(id: string): {
    get(): Promise<{ data: T }>;
    set(options: { data: object }): Promise<unknown>;
    update(options: { data: object }): Promise<{ stats: { updated: number } }>;
    remove(): Promise<{ stats: { removed: number } }>;
  };
  add(options: { data: object }): Promise<{ _id: string }>;
  aggregate(): Aggregate;
}

/** An aggregation pipeline (`collection.aggregate()`), the stages the repositories use. */
export interface Aggregate {
  match(condition: object): Aggregate;
  unwind(field: string): Aggregate;
  group(spec: object): Aggregate;
  sort(spec: Record<string, 1 | -1>): Aggregate;
  limit(n: number): Aggregate;
  end(): Promise<{ list: unknown[] }>;
}

/** A transaction sees a snapshot; its writes apply together at commit, or not at all on a conflict. */
export interface Transaction {
  collection<T>(name: CollectionName): {
    doc(id: string): {
      get(): Promise<{ data: T }>;
      update(options: { data: object }): Promise<unknown>;
      set(options: { data: object }): Promise<unknown>;
    };
    add(options: { data: object }): Promise<unknown>;
  };
}

/** A document read inside a transaction, or null when there is none. */
export async function txGet<T>(t: Transaction, collection: CollectionName, id: string): Promise<T | null> {
  try {
    const { data } = await t.collection<T>(collection).doc(id).get();
    return data && !Array.isArray(data) ? data : null;
  } catch (error) {
    if (/not exist/i.test(String((error as { errMsg?: string })?.errMsg ?? error))) return null;
    throw error;
  }
}

export interface Database {
  collection<T>(name: CollectionName): Collection<T>;
  /** Runs `fn` in a transaction, retrying it up to `times` on a conflict (wx-server-sdk semantics). */
  runTransaction<T>(fn: (t: Transaction) => Promise<T>, times?: number): Promise<T>;
  command: Record<string, (...args: unknown[]) => unknown> & {
    or(conditions: object[]): object;
    /** Aggregation operators (`$.sum` …). */
    aggregate: Record<string, (...args: unknown[]) => object>;
  };
  serverDate(): object;
  /** A regular expression condition (`db.RegExp`); build its pattern from input only through core/product.ts. */
  RegExp(options: { regexp: string; options?: string }): object;
}

/**
 * The keyset condition of a list ordered by `field` then `_id`, both descending: the rows after `after` (a page's
 * last row). Every newest-first list pages with it.
 */
export function olderThan(db: Database, field: string, after: { at: Date; id: string }): object {
  const _ = db.command;
  return _.or([{ [field]: _.lt(after.at) }, { [field]: after.at, _id: _.lt(after.id) }]);
}

/** `filter`, and past `after` when there is one: the where of a newest-first page (`orderBy(field), _id` desc). */
export function pageAfter(db: Database, filter: object, field: string, after: { at: Date; id: string } | null): object {
  return after ? (db.command.and([filter, olderThan(db, field, after)]) as object) : filter;
}

/**
 * True for a transaction conflict, in every shape it arrives in: the SDK's DATABASE_TRANSACTION_CONFLICT (raised at
 * commit), wx-server-sdk's rewrap of a conflict raised at the write (errCode -501001 or -502001, the conflict in the
 * message) and CloudBase's own "[ResourceUnavailable.TransactionConflict]". Any other error is not a conflict.
 */
export function isConflict(error: unknown): boolean {
  const e = error as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
  const text = `${String(e?.code ?? '')} ${String(e?.errMsg ?? '')} ${String(e?.message ?? '')}`;
  return /TRANSACTION_CONFLICT|TransactionConflict|transaction conflict/i.test(text);
}

/** At most this many attempts; the time budget usually ends the retries first. */
export const TRANSACT_ATTEMPTS = 20;

/** How long `transact` keeps retrying: well inside the shortest function timeout (shop: 5 s). */
export const TRANSACT_BUDGET_MS = 2_000;

/** Backoff before attempt `n + 1`: doubling from 20 ms, at most 250 ms, with full jitter so racers spread out. */
const backoffMs = (attempt: number) => Math.random() * Math.min(250, 20 * 2 ** (attempt - 1));

/**
 * Runs `fn` in a transaction, again on a conflict after a jittered backoff, up to `attempts` times and within
 * `budgetMs`: the shop retries its own transactions and never counts on runTransaction's retries (CloudBase raises
 * a conflict at the write, and wx-server-sdk then does not retry). A conflict that outlasts them answers
 * `system.busy` (系统繁忙，请重试).
 */
export async function transact<T>(
  db: Database,
  fn: (t: Transaction) => Promise<T>,
  attempts = TRANSACT_ATTEMPTS,
  budgetMs = TRANSACT_BUDGET_MS,
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 1; ; attempt++) {
    try {
      // times 0: exactly one attempt per loop; the retries are this loop's.
      return await db.runTransaction(fn, 0);
    } catch (error) {
      if (!isConflict(error)) throw error;
      const wait = backoffMs(attempt);
      if (attempt >= attempts || Date.now() + wait > deadline) throw new AppError('system.busy');
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

export function databaseOf(cloud: Cloud): Database {
  return cloud.database() as unknown as Database;
}

/** True for the duplicate-key error a unique index raises (MongoDB E11000, as CloudBase reports it). */
export function isDuplicateKey(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? error);
  return /E11000|duplicate key/i.test(text);
}

/** doc(id).get() rejects for a missing document; repositories answer null instead. */
export async function getOrNull<T>(collection: Collection<T>, id: string): Promise<T | null> {
  try {
    return (await collection.doc(id).get()).data;
  } catch (error) {
    if (/does not exist/.test(String((error as { errMsg?: string })?.errMsg ?? error))) return null;
    throw error;
  }
}
