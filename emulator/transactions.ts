// Multi-document transactions with snapshot isolation and write locks, as CloudBase's (MongoDB 4 based)
// transactions behave (云开发文档 数据库 › 事务; MongoDB manual › Transactions › In-progress Transactions and Write
// Conflicts):
// - reads see the database as it was when the transaction started, plus the transaction's own writes;
// - a write takes the document's lock; its writes are invisible to others until commit;
// - a write fails AT ONCE with DATABASE_TRANSACTION_CONFLICT when another open transaction holds the document's lock
//   or anyone changed the document after this transaction started ("其它事务的写入会直接失败"), and the server then
//   drops the transaction (a later rollback finds none). The node-sdk's own tests expect exactly this from the
//   `update` call, message included (TencentCloudBase/node-sdk test/database/unit/transaction.test.ts, 冲突检测 and
//   读偏). wx-server-sdk rewraps an error raised inside the callback (errCode -501001/-502001, the conflict text in
//   errMsg), so @cloudbase/database's runTransaction does not see the code and does not retry;
// - a plain write to a locked document waits until the lock is released (MongoDB: "the write waits until the
//   transaction ends"); the wait is bounded by the holder's lifetime, and the SDK gives up first (its 15 s request
//   timeout);
// - a transaction lives 30 s ("transaction must be commit or abort in 30 seconds", same test file): after that it is
//   aborted, its locks released, and any call on it fails with DATABASE_TRANSACTION_FAIL.
//
// The emulator is single-threaded, so snapshots are kept copy-on-write: before any committed change to a
// document, each open transaction that has not yet captured that document keeps its pre-image.
import { randomBytes } from 'node:crypto';
import { DuplicateKeyError, type Doc, type Store } from './store';
import { TcbFail } from './tcb/protocol';

/** CloudBase's transaction lifetime (the service's message: "must be commit or abort in 30 seconds"). */
export const TRANSACTION_LIFETIME_MS = 30_000;

// The service's texts for the two failures, as the node-sdk tests quote them.
const CONFLICT_TEXT =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ' +
  'Please check your request, but if the problem persists, contact us.';
const NOT_EXIST_TEXT =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit ' +
  'or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

export interface TransactionStats {
  started: number;
  committed: number;
  aborted: number;
  /** Writes refused with DATABASE_TRANSACTION_CONFLICT. */
  conflicts: number;
  /** Plain writes that had to wait for a transaction's lock. */
  lockWaits: number;
}

type Key = string;
const keyOf = (coll: string, id: string): Key => `${coll}\u0000${id}`;

export class Transaction {
  /** Pre-images of documents changed by others after this transaction started (null: did not exist). */
  readonly snapshot = new Map<Key, Doc | null>();
  /** This transaction's own writes (null: deleted); each holds the document's lock. */
  readonly writes = new Map<Key, { coll: string; id: string; doc: Doc | null }>();

  constructor(
    readonly id: string,
    readonly startSeq: number,
    private readonly owner: Transactions,
    private readonly store: Store,
  ) {}

  read(coll: string, id: string): Doc | null {
    const key = keyOf(coll, id);
    const own = this.writes.get(key);
    if (own) return own.doc && structuredClone(own.doc);
    if (this.snapshot.has(key)) return structuredClone(this.snapshot.get(key) ?? null);
    return this.store.get(coll, id);
  }

  insert(coll: string, doc: Doc): void {
    if (this.read(coll, doc._id) !== null) {
      throw new TcbFail(
        'DATABASE_REQUEST_FAILED',
        `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${doc._id}" }`,
      );
    }
    this.write(coll, doc._id, doc);
  }

  /** Takes the document's lock, or fails at once with a conflict (and the transaction is gone). */
  write(coll: string, id: string, doc: Doc | null): void {
    const key = keyOf(coll, id);
    if (!this.writes.has(key)) {
      const holder = this.owner.holderOf(key);
      const changedSinceStart = this.snapshot.has(key) || this.store.version(coll, id) > this.startSeq;
      if ((holder && holder !== this) || changedSinceStart) {
        this.owner.conflicted(this);
        throw new TcbFail('DATABASE_TRANSACTION_CONFLICT', CONFLICT_TEXT);
      }
      this.owner.lock(key, this);
    }
    this.writes.set(key, { coll, id, doc });
  }

  commit(): void {
    try {
      this.store.atomic(() => {
        for (const { coll, id, doc } of this.writes.values()) {
          this.owner.beforeExternalWrite(coll, id, this);
          this.store.write(coll, id, doc, this.store.version(coll, id) !== 0);
        }
      });
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) && !(error instanceof TcbFail)) throw error;
      this.owner.finish(this, 'aborted');
      throw error;
    }
    this.owner.finish(this, 'committed');
  }

  abort(): void {
    this.owner.finish(this, 'aborted');
  }

  keys(): Iterable<Key> {
    return this.writes.keys();
  }
}

export class Transactions {
  readonly stats: TransactionStats = { started: 0, committed: 0, aborted: 0, conflicts: 0, lockWaits: 0 };
  private open = new Map<string, { txn: Transaction; expiry: NodeJS.Timeout }>();
  private locks = new Map<Key, Transaction>();
  /** Plain writes waiting for a lock, woken when it is released. */
  private waiters = new Map<Key, Array<() => void>>();

  constructor(
    private readonly store: Store,
    private readonly lifetimeMs = TRANSACTION_LIFETIME_MS,
  ) {}

  start(): string {
    const id = randomBytes(12).toString('hex');
    const txn = new Transaction(id, this.store.currentSeq, this, this.store);
    const expiry = setTimeout(() => this.finish(txn, 'aborted'), this.lifetimeMs);
    expiry.unref();
    this.open.set(id, { txn, expiry });
    this.stats.started += 1;
    return id;
  }

  get(id: string): Transaction {
    const entry = this.open.get(id);
    if (!entry) throw new TcbFail('DATABASE_TRANSACTION_FAIL', NOT_EXIST_TEXT);
    return entry.txn;
  }

  holderOf(key: Key): Transaction | undefined {
    return this.locks.get(key);
  }

  lock(key: Key, txn: Transaction): void {
    this.locks.set(key, txn);
  }

  conflicted(txn: Transaction): void {
    this.stats.conflicts += 1;
    this.finish(txn, 'aborted');
  }

  /** Ends a transaction once: its timer stops, its locks go and the writes waiting on them run again. */
  finish(txn: Transaction, outcome: 'committed' | 'aborted'): void {
    const entry = this.open.get(txn.id);
    if (!entry) return;
    clearTimeout(entry.expiry);
    this.open.delete(txn.id);
    this.stats[outcome] += 1;
    for (const key of txn.keys()) {
      if (this.locks.get(key) !== txn) continue;
      this.locks.delete(key);
      const woken = this.waiters.get(key) ?? [];
      this.waiters.delete(key);
      for (const wake of woken) wake();
    }
  }

  /**
   * For a plain write about to touch `ids`: null when none is locked (write now, synchronously), else a promise that
   * settles when one of the locks is released; the caller then evaluates its write again.
   */
  lockedAmong(coll: string, ids: Iterable<string>): Promise<void> | null {
    if (this.locks.size === 0) return null;
    for (const id of ids) {
      const key = keyOf(coll, id);
      if (!this.locks.has(key)) continue;
      this.stats.lockWaits += 1;
      return new Promise((resolve) => {
        const list = this.waiters.get(key) ?? [];
        list.push(resolve);
        this.waiters.set(key, list);
      });
    }
    return null;
  }

  /** Called before any committed change to a document: open transactions keep their snapshot of it. */
  beforeExternalWrite(coll: string, id: string, except?: Transaction): void {
    if (this.open.size === 0) return;
    const key = keyOf(coll, id);
    let current: Doc | null | undefined;
    for (const { txn } of this.open.values()) {
      if (txn === except || txn.snapshot.has(key)) continue;
      if (current === undefined) current = this.store.get(coll, id);
      txn.snapshot.set(key, current);
    }
  }

  close(): void {
    for (const { expiry } of this.open.values()) clearTimeout(expiry);
  }
}
