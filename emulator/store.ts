// Documents in one SQLite file (better-sqlite3): the emulator's durable state.
// WAL mode with synchronous=FULL: a write is on disk before its request is answered, so it survives kill -9
// and power loss alike. Every mutation runs inside one SQLite transaction (`store.atomic`); the requests' writes
// share one per turn of the event loop (`store.grouped`, group commit).
import Database from 'better-sqlite3';
import { EJSON } from 'bson';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Collections, IndexSpec } from './config';
import { TOP, fieldKeys } from './sort-key';

export type Doc = Record<string, unknown> & { _id: string };

/** A duplicate value on a unique index; mirrors MongoDB's E11000 that CloudBase reports. */
export class DuplicateKeyError extends Error {}

interface IndexPlan {
  name: string;
  fields: string[];
  unique: boolean;
}

export interface StoreStats {
  /** Documents read from SQLite and decoded to answer queries: the measure of "no scan". */
  docsExamined: number;
  /** SQLite transactions committed (each durable at its commit: one fsync of the WAL). */
  commits: number;
  /** Requests' writes that went through the group commit (`grouped`), whether or not they changed anything. */
  groupedWrites: number;
  /** Time inside the committed ones: choosing and writing the documents, then committing (the fsync of the WAL). */
  writeMs: number;
  commitMs: number;
}

export const zeroStoreStats = (): StoreStats => ({
  docsExamined: 0,
  commits: 0,
  groupedWrites: 0,
  writeMs: 0,
  commitMs: 0,
});

export class Store {
  readonly sqlite: Database.Database;
  readonly stats: StoreStats = zeroStoreStats();
  /** Commit sequence: each document write stamps `ver` with the next value (used by transactions). */
  private seq: number;
  private indexes = new Map<string, IndexPlan[]>();
  private known = new Set<string>();
  private stmts;
  /** Documents written in the current SQLite transaction. */
  private writes = 0;
  /** Writes waiting for the group commit at the end of this turn of the event loop (`grouped`). */
  private queued: Array<{ fn: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }> =
    [];

  /** `collections` are created (if missing) and indexed as declared; others are created on first use, unindexed. */
  constructor(file: string, collections: Collections) {
    this.sqlite = new Database(file);
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = FULL');
    this.sqlite.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (
        pos INTEGER PRIMARY KEY,
        coll TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        ver INTEGER NOT NULL,
        UNIQUE (coll, id)
      );
      CREATE TABLE IF NOT EXISTS ix (coll TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ix_lookup ON ix (coll, name, key);
      CREATE INDEX IF NOT EXISTS ix_doc ON ix (coll, id);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ox (
        coll TEXT NOT NULL, name TEXT NOT NULL, key BLOB NOT NULL, id TEXT NOT NULL, PRIMARY KEY (coll, name, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ox_doc ON ox (coll, id);
    `);
    this.stmts = {
      hasColl: this.sqlite.prepare('SELECT 1 FROM collections WHERE name = ?').pluck(),
      addColl: this.sqlite.prepare('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)'),
      listColls: this.sqlite.prepare('SELECT name FROM collections ORDER BY name').pluck(),
      get: this.sqlite.prepare('SELECT data, ver FROM docs WHERE coll = ? AND id = ?'),
      ver: this.sqlite.prepare('SELECT ver FROM docs WHERE coll = ? AND id = ?').pluck(),
      scan: this.sqlite.prepare('SELECT data FROM docs WHERE coll = ? ORDER BY pos').pluck(),
      insert: this.sqlite.prepare('INSERT INTO docs (coll, id, data, ver) VALUES (?, ?, ?, ?)'),
      update: this.sqlite.prepare('UPDATE docs SET data = ?, ver = ? WHERE coll = ? AND id = ?'),
      remove: this.sqlite.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      ixLookup: this.sqlite.prepare('SELECT DISTINCT id FROM ix WHERE coll = ? AND name = ? AND key = ?').pluck(),
      ixLookupAtMost: this.sqlite
        .prepare('SELECT DISTINCT id FROM ix WHERE coll = ? AND name = ? AND key = ? LIMIT ?')
        .pluck(),
      ixOwner: this.sqlite
        .prepare('SELECT id FROM ix WHERE coll = ? AND name = ? AND key = ? AND id <> ? LIMIT 1')
        .pluck(),
      ixAdd: this.sqlite.prepare('INSERT INTO ix (coll, name, key, id) VALUES (?, ?, ?, ?)'),
      ixDrop: this.sqlite.prepare('DELETE FROM ix WHERE coll = ? AND id = ?'),
      oxAdd: this.sqlite.prepare('INSERT INTO ox (coll, name, key, id) VALUES (?, ?, ?, ?)'),
      oxDrop: this.sqlite.prepare('DELETE FROM ox WHERE coll = ? AND id = ?'),
      oxClear: this.sqlite.prepare('DELETE FROM ox WHERE coll = ?'),
      oxDel: this.sqlite.prepare('DELETE FROM ox WHERE coll = ? AND name = ? AND key = ?'),
      oxOf: this.sqlite.prepare('SELECT name, key FROM ox WHERE coll = ? AND id = ?'),
      oxUnordered: this.sqlite.prepare('SELECT 1 FROM ox WHERE coll = ? AND name = ? AND key >= ? LIMIT 1').pluck(),
      oxAsc: this.sqlite
        .prepare(
          'SELECT d.data FROM ox JOIN docs d ON d.coll = ox.coll AND d.id = ox.id ' +
            'WHERE ox.coll = ? AND ox.name = ? AND ox.key >= ? AND ox.key < ? ORDER BY ox.key',
        )
        .pluck(),
      oxDesc: this.sqlite
        .prepare(
          'SELECT d.data FROM ox JOIN docs d ON d.coll = ox.coll AND d.id = ox.id ' +
            'WHERE ox.coll = ? AND ox.name = ? AND ox.key >= ? AND ox.key < ? ORDER BY ox.key DESC',
        )
        .pluck(),
      maxVer: this.sqlite.prepare('SELECT COALESCE(MAX(ver), 0) FROM docs').pluck(),
      getMeta: this.sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: this.sqlite.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
    };
    this.seq = this.stmts.maxVer.get() as number;
    for (const [name, spec] of Object.entries(collections)) {
      this.indexes.set(name, spec.indexes.map(planIndex));
      this.stmts.addColl.run(name, Date.now());
      this.buildOrdered(name);
    }
  }

  /**
   * The ordered entries of a collection's indexes (`ox`: one key per document and index, see sort-key.ts), built
   * again from its documents when its declared indexes are not the ones they were built for (a data folder made
   * before an index was declared).
   */
  private buildOrdered(coll: string): void {
    const plans = this.indexes.get(coll) ?? [];
    const built = JSON.stringify(plans.map((plan) => [plan.name, plan.fields]));
    if (this.meta(`ordered:${coll}`) === built) return;
    this.sqlite.transaction(() => {
      this.stmts.oxClear.run(coll);
      for (const data of this.stmts.scan.all(coll) as string[]) this.addOrdered(coll, plans, decode(data));
      this.setMeta(`ordered:${coll}`, built);
    })();
  }

  /**
   * Writes the document's keys in its collection's indexes; `before`: its keys now (an update), of which those that
   * stay the same are left alone.
   */
  private addOrdered(coll: string, plans: IndexPlan[], doc: Doc, before?: Map<string, Buffer>): void {
    const keyOf = fieldKeys(doc);
    const id = keyOf('_id');
    for (const plan of plans) {
      const parts = plan.fields.map(keyOf);
      // A document the index cannot order (an array, an object, NaN) is marked above every key.
      const key =
        id && parts.every((part) => part !== null)
          ? Buffer.concat([...(parts as Buffer[]), id])
          : Buffer.concat([Buffer.from([TOP]), Buffer.from(doc._id)]);
      const old = before?.get(plan.name);
      if (old?.equals(key)) continue;
      if (old) this.stmts.oxDel.run(coll, plan.name, old);
      this.stmts.oxAdd.run(coll, plan.name, key, doc._id);
    }
  }

  close(): void {
    this.sqlite.close();
  }

  /**
   * Runs `fn` in one SQLite transaction, durable when this returns; inside another one (a group, below) it is a
   * savepoint of it: all of `fn`'s writes or none.
   */
  atomic<T>(fn: () => T): T {
    if (this.sqlite.inTransaction) return this.sqlite.transaction(fn)();
    const started = performance.now();
    let wrote = started;
    this.writes = 0;
    try {
      return this.sqlite
        .transaction(() => {
          const result = fn();
          wrote = performance.now();
          return result;
        })
        .immediate();
    } finally {
      // A transaction that wrote nothing commits without touching the disk: not counted.
      if (this.writes > 0) {
        this.stats.commits += 1;
        this.stats.writeMs += wrote - started;
        this.stats.commitMs += performance.now() - wrote;
      }
    }
  }

  /**
   * Group commit: `fn` runs, all-or-nothing, in a SQLite transaction shared with the other writes queued in the same
   * turn of the event loop, and the promise settles once that transaction is committed (fsync'd: synchronous=FULL),
   * so a write is acknowledged only when it is durable, and one fsync serves every request of a burst. The writes
   * run one after another, each seeing the ones before it; one that throws undoes only its own writes.
   */
  grouped<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (this.queued.length === 1) setImmediate(() => this.commitQueued());
    });
  }

  private commitQueued(): void {
    const batch = this.queued;
    this.queued = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.atomic(() => {
        for (const op of batch) {
          try {
            outcomes.push({ ok: true, value: this.atomic(op.fn) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (the disk): nothing of the group is durable, so every write fails.
      for (const op of batch) op.reject(error);
      return;
    }
    this.stats.groupedWrites += batch.length;
    batch.forEach((op, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) op.resolve(outcome.value);
      else op.reject(outcome.error);
    });
  }

  hasCollection(name: string): boolean {
    if (this.known.has(name)) return true;
    const exists = this.stmts.hasColl.get(name) === 1;
    if (exists) this.known.add(name);
    return exists;
  }

  /** Returns false when the collection already existed. */
  addCollection(name: string, now: number): boolean {
    this.known.add(name);
    return this.stmts.addColl.run(name, now).changes === 1;
  }

  collectionNames(): string[] {
    return this.stmts.listColls.all() as string[];
  }

  get(coll: string, id: string): Doc | null {
    const row = this.stmts.get.get(coll, id) as { data: string } | undefined;
    if (!row) return null;
    this.stats.docsExamined += 1;
    return decode(row.data);
  }

  version(coll: string, id: string): number {
    return (this.stmts.ver.get(coll, id) as number | undefined) ?? 0;
  }

  get currentSeq(): number {
    return this.seq;
  }

  scan(coll: string): Doc[] {
    const rows = this.stmts.scan.all(coll) as string[];
    this.stats.docsExamined += rows.length;
    return rows.map(decode);
  }

  /** Ids of documents whose indexed `field` holds `value` (or an array containing it). Null: no index on that field. */
  lookup(coll: string, field: string, value: unknown): string[] | null {
    const plan = this.indexes.get(coll)?.find((ix) => ix.fields[0] === field);
    const key = indexKey(value);
    if (!plan || key === null) return null;
    return this.stmts.ixLookup.all(coll, `f:${field}`, key) as string[];
  }

  /** As `lookup`, but null as soon as more than `max` documents hold the value (the caller then reads otherwise). */
  lookupAtMost(coll: string, field: string, value: unknown, max: number): string[] | null {
    const plan = this.indexes.get(coll)?.find((ix) => ix.fields[0] === field);
    const key = indexKey(value);
    if (!plan || key === null) return null;
    const ids = this.stmts.ixLookupAtMost.all(coll, `f:${field}`, key, max + 1) as string[];
    return ids.length > max ? null : ids;
  }

  indexedFields(coll: string): string[] {
    return (this.indexes.get(coll) ?? []).map((ix) => ix.fields[0]);
  }

  /** The declared indexes of `coll` that can order it: none of its documents holds an array or object in them. */
  orderedIndexes(coll: string): Array<{ name: string; fields: readonly string[] }> {
    return (this.indexes.get(coll) ?? []).filter(
      (plan) => this.stmts.oxUnordered.get(coll, plan.name, Buffer.from([TOP])) === undefined,
    );
  }

  /**
   * The documents of an ordered index whose keys are in [from, to), in key order (or its reverse): read one at a time
   * from SQLite, so a caller that stops after a page has read only that page.
   */
  *ordered(coll: string, name: string, from: Buffer, to: Buffer, descending: boolean): Generator<Doc> {
    const rows = (descending ? this.stmts.oxDesc : this.stmts.oxAsc).iterate(coll, name, from, to);
    for (const data of rows as Iterable<string>) {
      this.stats.docsExamined += 1;
      yield decode(data);
    }
  }

  /** Writes (or with `doc` null, deletes) one document. Call inside `atomic`. Returns the new version. */
  write(coll: string, id: string, doc: Doc | null, exists: boolean): number {
    const ver = ++this.seq;
    this.writes += 1;
    const plans = this.indexes.get(coll) ?? [];
    if (plans.length > 0) this.stmts.ixDrop.run(coll, id);
    if (doc === null) {
      if (plans.length > 0) this.stmts.oxDrop.run(coll, id);
      this.stmts.remove.run(coll, id);
      return ver;
    }
    for (const field of new Set(plans.map((plan) => plan.fields[0]))) {
      for (const value of valuesAt(doc, field)) {
        const key = indexKey(value);
        if (key !== null) this.stmts.ixAdd.run(coll, `f:${field}`, key, id);
      }
    }
    for (const plan of plans) if (plan.unique) this.claimUnique(coll, plan, doc);
    const before = exists
      ? new Map((this.stmts.oxOf.all(coll, id) as Array<{ name: string; key: Buffer }>).map((r) => [r.name, r.key]))
      : undefined;
    this.addOrdered(coll, plans, doc, before);
    const data = EJSON.stringify(doc, { relaxed: true });
    if (exists) this.stmts.update.run(data, ver, coll, id);
    else this.stmts.insert.run(coll, id, data, ver);
    return ver;
  }

  meta(key: string): string | undefined {
    return this.stmts.getMeta.get(key) as string | undefined;
  }

  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }

  private claimUnique(coll: string, plan: IndexPlan, doc: Doc): void {
    // A unique index over documents missing the field still applies (MongoDB indexes missing as null).
    const tuple = plan.fields.map((f) => valuesAt(doc, f)[0] ?? null);
    const key = JSON.stringify(tuple.map((v) => indexKey(v) ?? String(v)));
    const owner = this.stmts.ixOwner.get(coll, `u:${plan.name}`, key, doc._id) as string | undefined;
    if (owner !== undefined) {
      throw new DuplicateKeyError(`E11000 duplicate key error collection: ${coll} index: ${plan.name} dup key: ${key}`);
    }
    this.stmts.ixAdd.run(coll, `u:${plan.name}`, key, doc._id);
  }
}

export function newDocId(): string {
  // CloudBase generates 32-character hex ids for documents added without an _id.
  return randomBytes(16).toString('hex');
}

function decode(data: string): Doc {
  return EJSON.parse(data, { relaxed: true }) as Doc;
}

function planIndex(spec: IndexSpec): IndexPlan {
  return { name: spec.name ?? spec.fields.join('_'), fields: [...spec.fields], unique: spec.unique ?? false };
}

/** Values at a dot path, descending into arrays as MongoDB multikey indexes do. */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        for (const item of value) {
          if (item && typeof item === 'object' && part in item) next.push((item as Record<string, unknown>)[part]);
        }
        if (/^\d+$/.test(part) && Number(part) < value.length) next.push(value[Number(part)]);
      } else if (value && typeof value === 'object' && part in value) {
        next.push((value as Record<string, unknown>)[part]);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? [v, ...v] : [v]));
}

/** A type-tagged key for scalar values; null for values an equality index cannot serve. */
export function indexKey(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return `s:${value}`;
    case 'number':
      return Number.isFinite(value) ? `n:${value}` : null;
    case 'boolean':
      return `b:${value ? 1 : 0}`;
    default:
      if (value instanceof Date) return `d:${value.getTime()}`;
      return null;
  }
}
