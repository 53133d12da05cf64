// The `database.*` actions of the TCB endpoint, on documents kept by `Store`.
// Queries, updates and aggregation are MongoDB semantics evaluated by mingo; the request and response
// shapes follow @cloudbase/database 1.4 (node_modules/@cloudbase/database/dist/commonjs/{query,document,
// collection,aggregate}.js and transaction/index.js), which wx-server-sdk 4.x sends through @cloudbase/node-sdk.
import { EJSON } from 'bson';
import { Aggregator, Query } from 'mingo';
import { applyModifier, checkModifier, parseEjson, prepareQuery, resolveServerDates } from './mongo';
import { planOrdered } from './order-plan';
import { DuplicateKeyError, type Store, newDocId, type Doc } from './store';
import { Transactions } from './transactions';
import { TcbFail, json, requireString, type TcbAction, type TcbCall } from './tcb/protocol';

type AnyObject = Record<string, unknown>;

// CloudBase: "get() 在不指定 limit 时默认返回 100 条，最多 1000 条" (云开发文档 数据库 › 查询数据 › Collection.get).
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const MATCH_ALL = new Query({});

export interface DatabaseOptions {
  /** How long a transaction lives before the server drops it (CloudBase: 30 s). */
  transactionLifetimeMs?: number;
}

export function databaseActions(
  store: Store,
  now: () => number,
  options: DatabaseOptions = {},
): { actions: Record<string, TcbAction>; transactions: Transactions } {
  const txns = new Transactions(store, options.transactionLifetimeMs);

  const collectionOf = (call: TcbCall): string => {
    const name = requireString(call.params, 'collectionName');
    if (!store.hasCollection(name)) {
      // CloudBase answers an unknown collection with DATABASE_COLLECTION_NOT_EXIST (wx-server-sdk errCode -502005).
      throw new TcbFail('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
    }
    return name;
  };

  const transactionOf = (call: TcbCall) => {
    const id = call.params.transactionId;
    return typeof id === 'string' && id !== '' ? txns.get(id) : null;
  };

  const refuseWhereInTransaction = (call: TcbCall) => {
    // CloudBase transactions operate on single documents only: "事务中仅支持 doc 单文档操作，不支持 where 批量操作"
    // (云开发文档 数据库 › 事务 › 事务操作). A query-shaped request inside a transaction is refused.
    if (transactionOf(call) && call.params.queryType !== 'DOC') {
      throw new TcbFail('DATABASE_REQUEST_FAILED', 'where() is not supported inside a transaction; use doc(id)');
    }
  };

  const parseQuery = (value: unknown): AnyObject => prepareQuery(parseEjsonObject(value, 'query'), now());

  const matching = (coll: string, query: AnyObject): Doc[] => {
    const ids = plan(store, coll, query);
    const candidates = ids === null ? store.scan(coll) : ids.map((id) => store.get(coll, id)).filter(isDoc);
    if (Object.keys(query).length === 0 || isPlainIdQuery(query)) return candidates;
    return mongo('query', () => {
      const q = new Query(query);
      return candidates.filter((doc) => q.test(doc));
    });
  };

  /**
   * The first `count` documents of a sorted query read in a declared index's order (order-plan.ts), or null when no
   * index covers the sort: the page costs what it returns, not what the query matches.
   */
  const orderedPage = (coll: string, query: AnyObject, order: Record<string, 1 | -1>, count: number) => {
    const chosen = planOrdered(store, coll, query, order);
    if (!chosen) return null;
    const q = Object.keys(query).length === 0 ? null : mongo('query', () => new Query(query));
    const test = (doc: Doc) => q === null || q.test(doc);
    const out: Doc[] = [];
    if (count === 0) return out;
    for (const doc of store.ordered(coll, chosen.index, chosen.from, chosen.to, chosen.descending)) {
      if (mongo('query', () => test(doc)) && out.push(doc) === count) break;
    }
    return out;
  };

  /**
   * A plain write waits while a transaction holds the lock of a document it would write, then chooses its targets
   * again (they may have changed at the holder's commit). `select` and `apply` run in one synchronous step: an
   * `await` between them would let another request choose the same document and one of the two writes be lost.
   * That step runs in the group commit (`store.grouped`), so the answer waits until the write is durable.
   */
  async function whenUnlocked<T, R>(
    coll: string,
    select: () => T,
    idsOf: (chosen: T) => string[],
    apply: (chosen: T) => R,
  ): Promise<R> {
    for (;;) {
      const step = await store.grouped((): { wait: Promise<void> } | { done: R } => {
        const chosen = select();
        const wait = txns.lockedAmong(coll, idsOf(chosen));
        return wait ? { wait } : { done: apply(chosen) };
      });
      if ('done' in step) return step.done;
      await step.wait;
    }
  }

  const writeAll = (coll: string, changes: Array<{ id: string; doc: Doc | null; existed: boolean }>) => {
    // A conditional update that matched nothing (a sold-out SKU) writes nothing: no SQLite transaction to open.
    if (changes.length === 0) return;
    store.atomic(() => {
      for (const change of changes) {
        txns.beforeExternalWrite(coll, change.id);
        store.write(coll, change.id, change.doc, change.existed);
      }
    });
  };

  const getDocument: TcbAction = (call) => {
    const coll = collectionOf(call);
    refuseWhereInTransaction(call);
    const query = parseQuery(call.params.query);
    const projection = call.params.projection ? parseEjsonObject(call.params.projection, 'projection') : undefined;
    const txn = transactionOf(call);
    if (txn) {
      const doc = txn.read(coll, idOfDocQuery(query));
      const list = doc ? [projection ? project(doc, projection) : doc] : [];
      return json({ data: { list: list.map(encode) } });
    }
    const limit = clampLimit(call.params.limit);
    const offset = nonNegativeInt(call.params.offset, 'offset');
    const order = parseOrder(call.params.order);
    // A filter an index answers with a few documents (a category's products) reads those and sorts them; otherwise
    // a sort an index covers reads the page in its order.
    const few = order ? plan(store, coll, query, FEW_PER_PAGE * (offset + limit)) : null;
    const page = order && few === null && orderedPage(coll, query, order, offset + limit);
    if (page) {
      const list = page.slice(offset).map((doc) => (projection ? project(doc, projection) : doc));
      return json({ data: { list: list.map(encode) }, limit, offset });
    }
    const docs = matching(coll, query);
    const list = mongo('query', () => {
      // `new Query(…).find` shares mingo's operator context; mingo's `find()` helper rebuilds it on every call.
      let cursor = MATCH_ALL.find(docs, projection);
      if (order) cursor = cursor.sort(order);
      return cursor.skip(offset).limit(limit).all() as AnyObject[];
    });
    return json({ data: { list: list.map(encode) }, limit, offset });
  };

  const calculateDocument: TcbAction = (call) => {
    const coll = collectionOf(call);
    refuseWhereInTransaction(call);
    const query = parseQuery(call.params.query);
    return json({ data: { total: matching(coll, query).length } });
  };

  const insertDocument: TcbAction = async (call) => {
    const coll = collectionOf(call);
    const raw = call.params.data;
    if (!Array.isArray(raw) || raw.length === 0) throw new TcbFail('INVALID_PARAM', 'data must be a non-empty array');
    const docs = raw.map((item) => {
      const doc = resolveServerDates(parseEjsonObject(item, 'data'), now());
      const id = doc._id === undefined ? newDocId() : doc._id;
      if (typeof id !== 'string' && typeof id !== 'number') throw new TcbFail('INVALID_PARAM', '_id must be a string');
      return { ...doc, _id: String(id) } as Doc;
    });
    const txn = transactionOf(call);
    if (txn) {
      for (const doc of docs) txn.insert(coll, doc);
    } else {
      await whenUnlocked(
        coll,
        () => docs.map((d) => d._id),
        (ids) => ids,
        () =>
          guardDuplicates(() =>
            store.atomic(() => {
              for (const doc of docs) {
                if (store.version(coll, doc._id) !== 0) throw duplicateId(coll, doc._id);
                txns.beforeExternalWrite(coll, doc._id);
                store.write(coll, doc._id, doc, false);
              }
            }),
          ),
      );
    }
    return json({ data: { insertedIds: docs.map((d) => d._id) } });
  };

  const modifyDocument: TcbAction = async (call) => {
    const coll = collectionOf(call);
    refuseWhereInTransaction(call);
    const query = parseQuery(call.params.query);
    const data = resolveServerDates(parseEjsonObject(call.params.data, 'data'), now());
    const merge = call.params.merge !== false;
    const upsert = call.params.upsert === true;
    const multi = call.params.multi !== false;
    const change = merge ? toUpdate(data) : toReplacement(data);
    const txn = transactionOf(call);
    if (txn) {
      const id = idOfDocQuery(query);
      const before = txn.read(coll, id);
      if (!before && !upsert) return json({ data: { updated: 0 } });
      const after = change(before ? structuredClone(before) : { _id: id });
      txn.write(coll, id, after);
      return json({ data: { updated: before ? 1 : 0, upsert_id: before ? undefined : id } });
    }
    const select = () => {
      const targets = matching(coll, query);
      return multi ? targets : targets.slice(0, 1);
    };
    const upsertId = typeof query._id === 'string' ? query._id : undefined;
    const idsOf = (docs: Doc[]) => docs.map((d) => d._id).concat(upsertId ?? []);
    return whenUnlocked(coll, select, idsOf, (chosen) => {
      if (chosen.length === 0 && upsert) {
        const id = upsertId ?? newDocId();
        const doc = change({ _id: id });
        guardDuplicates(() => writeAll(coll, [{ id, doc, existed: false }]));
        return json({ data: { updated: 0, upsert_id: id } });
      }
      const changes = chosen
        .map((before) => ({ before, after: change(structuredClone(before)) }))
        .filter(({ before, after }) => !sameDoc(before, after))
        .map(({ after }) => ({ id: after._id, doc: after, existed: true }));
      guardDuplicates(() => writeAll(coll, changes));
      // CloudBase counts the documents matched, changed or not: node-sdk test/database/unit/geo.test.ts expects
      // `updated === 1` from doc(id).set() with the content the document already has. Unchanged ones are not
      // rewritten.
      return json({ data: { updated: chosen.length } });
    });
  };

  /**
   * `where(…).updateAndReturn(data)` (@cloudbase/database query.js): updates the first matching document and answers
   * `{ updated, doc }` with the document as updated (EJSON), or `{ updated: 0, doc: null }` when nothing matches
   * (node-sdk test/database/index.test.ts, 验证findAndModify*). Like findOneAndUpdate, the same value counts as 1.
   */
  const modifyAndReturnDoc: TcbAction = async (call) => {
    const coll = collectionOf(call);
    refuseWhereInTransaction(call);
    const query = parseQuery(call.params.query);
    const change = toUpdate(resolveServerDates(parseEjsonObject(call.params.data, 'data'), now()));
    return whenUnlocked(
      coll,
      () => matching(coll, query)[0],
      (doc) => (doc ? [doc._id] : []),
      (before) => {
        if (!before) return json({ data: { updated: 0, doc: null } });
        const after = change(structuredClone(before));
        if (!sameDoc(before, after)) {
          guardDuplicates(() => writeAll(coll, [{ id: after._id, doc: after, existed: true }]));
        }
        return json({ data: { updated: 1, doc: encode(after) } });
      },
    );
  };

  const removeDocument: TcbAction = async (call) => {
    const coll = collectionOf(call);
    refuseWhereInTransaction(call);
    const query = parseQuery(call.params.query);
    const txn = transactionOf(call);
    if (txn) {
      const id = idOfDocQuery(query);
      const existed = txn.read(coll, id) !== null;
      if (existed) txn.write(coll, id, null);
      return json({ data: { deleted: existed ? 1 : 0 } });
    }
    return whenUnlocked(
      coll,
      () => {
        const targets = matching(coll, query);
        return call.params.multi === false ? targets.slice(0, 1) : targets;
      },
      (docs) => docs.map((d) => d._id),
      (chosen) => {
        writeAll(
          coll,
          chosen.map((doc) => ({ id: doc._id, doc: null, existed: true })),
        );
        return json({ data: { deleted: chosen.length } });
      },
    );
  };

  const aggregateDocuments: TcbAction = (call) => {
    const coll = collectionOf(call);
    const stages = call.params.stages;
    if (!Array.isArray(stages)) throw new TcbFail('INVALID_PARAM', 'stages must be an array');
    const stageList = stages.map((stage) => {
      const { stageKey, stageValue } = (stage ?? {}) as { stageKey?: unknown; stageValue?: unknown };
      if (typeof stageKey !== 'string' || typeof stageValue !== 'string') {
        throw new TcbFail('INVALID_PARAM', 'each stage needs stageKey and stageValue');
      }
      return { [stageKey]: parseEjson(stageValue, stageKey) };
    });
    const pipeline = prepareQuery(stageList, now());
    // A leading $match is planned like a query so that indexed lookups stay index lookups.
    const first = pipeline[0]?.$match;
    const source = isObject(first) ? matching(coll, first) : store.scan(coll);
    const list = runPipeline(source, pipeline, (name) => (store.hasCollection(name) ? store.scan(name) : []));
    return json({ data: { list: list.map(encode) } });
  };

  const addCollection: TcbAction = (call) => {
    const name = requireString(call.params, 'collectionName');
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name))
      throw new TcbFail('INVALID_PARAM', `invalid collection name: ${name}`);
    if (!store.addCollection(name, now())) {
      throw new TcbFail('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`);
    }
    return json({ data: {} });
  };

  // --- transactions (transaction/index.js sends ordinary actions with a transactionId; transaction.js the
  // *InTransaction ones)

  const startTransaction: TcbAction = () => json({ transactionId: txns.start() });

  const commitTransaction: TcbAction = async (call) => {
    const id = requireString(call.params, 'transactionId');
    txns.get(id);
    // Looked up again in the group: a rollback (or a second commit) queued before it in this turn came first.
    await store.grouped(() => guardDuplicates(() => txns.get(id).commit()));
    return json({});
  };

  const abortTransaction: TcbAction = (call) => {
    txns.get(requireString(call.params, 'transactionId')).abort();
    return json({});
  };

  const getInTransaction: TcbAction = (call) => {
    const coll = collectionOf(call);
    const doc = txns.get(requireString(call.params, 'transactionId')).read(coll, docIdParam(call));
    if (!doc) throw new TcbFail('DATABASE_DOCUMENT_NOT_EXIST', `document with _id ${docIdParam(call)} does not exist`);
    return json({ data: encode(doc) });
  };

  const updateDocInTransaction: TcbAction = (call) => {
    const coll = collectionOf(call);
    const txn = txns.get(requireString(call.params, 'transactionId'));
    const id = docIdParam(call);
    const data = resolveServerDates(parseEjsonObject(call.params.data, 'data'), now());
    const before = txn.read(coll, id);
    const isOperator = Object.keys(data).some((k) => k.startsWith('$'));
    if (!before && call.params.upsert !== true) return json({ updated: encodeNumber(0) });
    const after = (isOperator ? toUpdate(data) : toReplacement(data))(before ? structuredClone(before) : { _id: id });
    txn.write(coll, id, after);
    return json({
      updated: encodeNumber(before ? 1 : 0),
      upserted: before ? undefined : JSON.stringify([{ _id: id }]),
    });
  };

  const deleteDocInTransaction: TcbAction = (call) => {
    const coll = collectionOf(call);
    const txn = txns.get(requireString(call.params, 'transactionId'));
    const id = docIdParam(call);
    const existed = txn.read(coll, id) !== null;
    if (existed) txn.write(coll, id, null);
    return json({ deleted: encodeNumber(existed ? 1 : 0) });
  };

  const actions: Record<string, TcbAction> = {
    'database.getDocument': getDocument,
    'database.calculateDocument': calculateDocument,
    'database.insertDocument': insertDocument,
    'database.modifyDocument': modifyDocument,
    'database.modifyAndReturnDoc': modifyAndReturnDoc,
    'database.removeDocument': removeDocument,
    'database.aggregateDocuments': aggregateDocuments,
    'database.addCollection': addCollection,
    'database.startTransaction': startTransaction,
    'database.commitTransaction': commitTransaction,
    'database.abortTransaction': abortTransaction,
    'database.getInTransaction': getInTransaction,
    'database.updateDocInTransaction': updateDocInTransaction,
    'database.deleteDocInTransaction': deleteDocInTransaction,
  };
  return { actions, transactions: txns };
}

// --- query planning: use _id or a declared index when the query pins a top-level field to values

/** A filter that leaves at most this many candidates per document of the page is read that way, not in sort order. */
const FEW_PER_PAGE = 4;

/** The ids the query can only be among (null: no index narrows it, or more than `atMost` would be read). */
function plan(store: Store, coll: string, query: AnyObject, atMost = Number.POSITIVE_INFINITY): string[] | null {
  const conditions = [query, ...(Array.isArray(query.$and) ? (query.$and as AnyObject[]) : [])];
  for (const field of ['_id', ...store.indexedFields(coll)]) {
    for (const condition of conditions) {
      const values = pinnedValues(condition?.[field]);
      if (values === null) continue;
      const ids = new Set<string>();
      for (const value of values) {
        if (field === '_id') {
          if (typeof value === 'string' || typeof value === 'number') ids.add(String(value));
          else return null;
        } else {
          const found = Number.isFinite(atMost)
            ? store.lookupAtMost(coll, field, value, atMost - ids.size)
            : store.lookup(coll, field, value);
          if (found === null) return null;
          for (const id of found) ids.add(id);
        }
      }
      return [...ids];
    }
  }
  return null;
}

/** `{ _id: 'x' }`: the plan already fetched exactly that document, so there is nothing left to match. */
function isPlainIdQuery(query: AnyObject): boolean {
  const keys = Object.keys(query);
  return keys.length === 1 && keys[0] === '_id' && (typeof query._id === 'string' || typeof query._id === 'number');
}

/** The values a condition pins a field to (`x`, `{$eq: x}`, `{$in: [...]}`), or null when it does not. */
function pinnedValues(condition: unknown): unknown[] | null {
  if (condition === undefined) return null;
  if (!isObject(condition) || condition instanceof Date) return [condition];
  const keys = Object.keys(condition);
  if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return null;
  if ('$eq' in condition && !isObject(condition.$eq)) return [condition.$eq];
  if ('$in' in condition && Array.isArray(condition.$in) && condition.$in.every((v) => !isObject(v))) {
    return condition.$in as unknown[];
  }
  return null;
}

// --- updates

function toUpdate(data: AnyObject): (doc: AnyObject) => Doc {
  const keys = Object.keys(data);
  // CloudBase refuses an update without content ("更新数据不能为空", 云开发文档 数据库 › 更新数据).
  const empty =
    keys.length === 0 ||
    keys.every((k) => k.startsWith('$') && isObject(data[k]) && Object.keys(data[k] as object).length === 0);
  if (empty) throw new TcbFail('DATABASE_REQUEST_FAILED', 'update data must not be empty');
  const modifier: AnyObject = {};
  for (const key of keys) {
    if (key.startsWith('$')) modifier[key] = data[key];
    else modifier.$set = { ...((modifier.$set as AnyObject) ?? {}), [key]: data[key] };
  }
  for (const section of Object.values(modifier)) {
    if (isObject(section) && Object.keys(section).some((path) => path === '_id' || path.startsWith('_id.'))) {
      throw new TcbFail('DATABASE_REQUEST_FAILED', '_id cannot be updated');
    }
  }
  mongo('update', () => checkModifier(modifier as Record<string, AnyObject>));
  return (doc) => {
    mongo('update', () => applyModifier(doc, modifier as Record<string, AnyObject>));
    return doc as Doc;
  };
}

function toReplacement(data: AnyObject): (doc: AnyObject) => Doc {
  if (Object.keys(data).some((k) => k.startsWith('$'))) {
    throw new TcbFail('DATABASE_REQUEST_FAILED', 'a replacement document cannot contain update operators');
  }
  if (Object.keys(data).filter((k) => k !== '_id').length === 0) {
    throw new TcbFail('DATABASE_REQUEST_FAILED', 'update data must not be empty');
  }
  return (doc) => ({ ...data, _id: doc._id as string });
}

// --- helpers

function runPipeline(source: Doc[], pipeline: AnyObject[], collection: (name: string) => AnyObject[]): AnyObject[] {
  return mongo(
    'aggregation',
    () => new Aggregator(pipeline, { collectionResolver: collection }).run(source) as AnyObject[],
  );
}

function project(doc: Doc, projection: AnyObject): AnyObject {
  return mongo('projection', () => MATCH_ALL.find([doc], projection).all()[0] as AnyObject);
}

/** Runs mingo; an expression it rejects (unknown operator, bad shape) is the caller's error, not ours. */
function mongo<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof TcbFail) throw error;
    throw new TcbFail('DATABASE_REQUEST_FAILED', `invalid ${what}: ${(error as Error).message}`);
  }
}

function parseEjsonObject(value: unknown, name: string): AnyObject {
  if (value === undefined || value === '') return {};
  const parsed = isObject(value) ? value : parseEjson(value, name);
  if (!isObject(parsed) || Array.isArray(parsed)) throw new TcbFail('INVALID_PARAM', `${name} must be an object`);
  return parsed;
}

function parseOrder(value: unknown): Record<string, 1 | -1> | null {
  if (value === undefined || value === '') return null;
  const parsed = typeof value === 'string' ? parseEjson(value, 'order') : value;
  const order: Record<string, 1 | -1> = {};
  if (Array.isArray(parsed)) {
    // Older SDKs send [{ field, direction }].
    for (const item of parsed as Array<{ field: string; direction: string }>)
      order[item.field] = item.direction === 'desc' ? -1 : 1;
  } else if (isObject(parsed)) {
    for (const [field, dir] of Object.entries(parsed)) order[field] = dir === -1 || dir === 'desc' ? -1 : 1;
  } else {
    throw new TcbFail('INVALID_PARAM', 'order must be an object');
  }
  return Object.keys(order).length ? order : null;
}

function clampLimit(value: unknown): number {
  if (value === undefined || value === null || value === 0) return DEFAULT_LIMIT;
  const n = nonNegativeInt(value, 'limit');
  return Math.min(n, MAX_LIMIT);
}

function nonNegativeInt(value: unknown, name: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TcbFail('INVALID_PARAM', `${name} must be a non-negative integer`);
  }
  return value;
}

function idOfDocQuery(query: AnyObject): string {
  const id = query._id;
  if (typeof id !== 'string' && typeof id !== 'number')
    throw new TcbFail('INVALID_PARAM', 'a document operation needs an _id');
  return String(id);
}

function docIdParam(call: TcbCall): string {
  const id = call.params._id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new TcbFail('INVALID_PARAM', '_id must be a string');
  return String(id);
}

function encode(doc: AnyObject): string {
  return EJSON.stringify(doc, { relaxed: false });
}

function encodeNumber(n: number): string {
  return EJSON.stringify(n, { relaxed: false });
}

function sameDoc(a: AnyObject, b: AnyObject): boolean {
  return encode(a) === encode(b);
}

function isObject(value: unknown): value is AnyObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDoc(doc: Doc | null): doc is Doc {
  return doc !== null;
}

function duplicateId(coll: string, id: string): TcbFail {
  return new TcbFail(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`,
  );
}

function guardDuplicates<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new TcbFail('DATABASE_REQUEST_FAILED', error.message);
    throw error;
  }
}
