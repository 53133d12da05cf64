// Multi-document transactions with snapshot isolation and first-writer-wins conflicts, as CloudBase's
// (MongoDB 4 based) transactions behave (云开发文档 数据库 › 事务): reads see the database as it was when the
// transaction started plus the transaction's own writes; its writes are invisible to others until commit;
// a transaction that wrote a document someone else changed after it started fails at commit with
// DATABASE_TRANSACTION_CONFLICT. Conflicts are reported at commit because that is where @cloudbase/database's
// runTransaction sees the raw code and retries (node_modules/@cloudbase/database/dist/commonjs/transaction/
// index.js); an error raised by a write inside the callback reaches it wrapped by wx-server-sdk and is not retried.
//
// The emulator is single-threaded, so snapshots are kept copy-on-write: before any committed change to a
// document, each open transaction that has not yet captured that document keeps its pre-image.
import { randomBytes } from 'node:crypto';
import { DuplicateKeyError, type Doc, type Store } from './store';
import { TcbFail } from './tcb/protocol';

/** MongoDB's default transactionLifetimeLimitSeconds; an abandoned transaction is dropped after it. */
const LIFETIME_MS = 60_000;

type Key = string;
const keyOf = (coll: string, id: string): Key => `${coll}\u0000${id}`;

export class Transaction {
  /** Pre-images of documents changed by others after this transaction started (null: did not exist). */
  readonly snapshot = new Map<Key, Doc | null>();
  /** This transaction's own writes (null: deleted). */
  readonly writes = new Map<Key, { coll: string; id: string; doc: Doc | null }>();

  constructor(
    readonly id: string,
    readonly startSeq: number,
    readonly startedAt: number,
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

  write(coll: string, id: string, doc: Doc | null): void {
    this.writes.set(keyOf(coll, id), { coll, id, doc });
  }

  commit(): void {
    try {
      for (const { coll, id } of this.writes.values()) this.assertNoConflict(coll, id);
      this.store.atomic(() => {
        for (const { coll, id, doc } of this.writes.values()) {
          this.owner.beforeExternalWrite(coll, id, this);
          this.store.write(coll, id, doc, this.store.version(coll, id) !== 0);
        }
      });
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) && !(error instanceof TcbFail)) throw error;
      this.abort();
      throw error;
    }
    this.owner.finish(this.id);
  }

  abort(): void {
    this.owner.finish(this.id);
  }

  /** First committer wins: a document changed by anyone since this transaction started cannot be written by it. */
  private assertNoConflict(coll: string, id: string): void {
    const key = keyOf(coll, id);
    if (this.snapshot.has(key) || this.store.version(coll, id) > this.startSeq) {
      throw new TcbFail('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict on ${coll}/${id}`);
    }
  }
}

export class Transactions {
  private open = new Map<string, Transaction>();

  constructor(private readonly store: Store) {}

  start(): string {
    this.expire();
    const id = randomBytes(12).toString('hex');
    this.open.set(id, new Transaction(id, this.store.currentSeq, Date.now(), this, this.store));
    return id;
  }

  get(id: string): Transaction {
    const txn = this.open.get(id);
    if (!txn) {
      throw new TcbFail('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist, has finished or has expired`);
    }
    return txn;
  }

  finish(id: string): void {
    this.open.delete(id);
  }

  /** Called before any committed change to a document: open transactions keep their snapshot of it. */
  beforeExternalWrite(coll: string, id: string, except?: Transaction): void {
    if (this.open.size === 0) return;
    const key = keyOf(coll, id);
    let current: Doc | null | undefined;
    for (const txn of this.open.values()) {
      if (txn === except || txn.snapshot.has(key)) continue;
      if (current === undefined) current = this.store.get(coll, id);
      txn.snapshot.set(key, current);
    }
  }

  private expire(): void {
    const cutoff = Date.now() - LIFETIME_MS;
    for (const txn of this.open.values()) if (txn.startedAt < cutoff) this.open.delete(txn.id);
  }
}
