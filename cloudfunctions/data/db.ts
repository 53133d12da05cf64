// The wx-server-sdk database as the repositories see it. Its typings overload every call with callback forms
// (results typed `string | void | …`), so the repositories describe the promise results they rely on.
import type * as WxServerSdk from 'wx-server-sdk';
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
  command: Record<string, (...args: unknown[]) => unknown> & { or(conditions: object[]): object };
  serverDate(): object;
}

/**
 * True for a transaction conflict, however it surfaces: raised at commit (the SDK's DATABASE_TRANSACTION_CONFLICT)
 * or at the write, where CloudBase reports it and wx-server-sdk wraps it (errCode -501001) without retrying.
 */
export function isConflict(error: unknown): boolean {
  const e = error as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
  const text = [e?.code, e?.errCode, e?.errMsg, e?.message].map((v) => String(v ?? '')).join(' ');
  return /TRANSACTION_CONFLICT|-501001|conflict/i.test(text);
}

/**
 * Runs `fn` in a transaction, again on a conflict, up to `attempts` times: the shop retries its own transactions
 * and never counts on runTransaction's retries (wx-server-sdk does not retry a conflict raised at the write).
 */
export async function transact<T>(db: Database, fn: (t: Transaction) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.runTransaction(fn, 1);
    } catch (error) {
      if (attempt >= attempts || !isConflict(error)) throw error;
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
