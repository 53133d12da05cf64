// Sorted pages read inside SQLite: a query whose sort a declared index covers reads its documents in the index's
// order (store.ts `ordered`, keys of sort-key.ts) and stops at the end of the page, instead of reading every match
// and sorting them with mingo. The plan applies when
// - the sort is the index's fields after those the query pins to one value, then `_id`, all in one direction (so the
//   order is total, and exactly the one mingo gives: ties cannot arise);
// - no document holds a value the index cannot order (arrays, objects, NaN);
// - every pinned value has a key (a string, number, boolean or date).
// The range read is the pinned values' prefix, narrowed by the query's bounds on the first sort field (`$lt`, `$gte`
// …, and the keyset condition of data/db.ts `olderThan`) and to the type of their value (a comparison matches only
// values of its operand's type, in MongoDB as in mingo); every document read is still tested against the whole
// query, so the range only has to hold every match.
import type { Store } from './store';
import { afterPrefix, successor, valueKey } from './sort-key';

type AnyObject = Record<string, unknown>;

export interface OrderedPlan {
  index: string;
  from: Buffer;
  to: Buffer;
  descending: boolean;
}

export function planOrdered(
  store: Store,
  coll: string,
  query: AnyObject,
  order: Record<string, 1 | -1>,
): OrderedPlan | null {
  const keys = Object.keys(order);
  if (keys.length === 0 || keys[keys.length - 1] !== '_id') return null;
  const direction = order._id;
  if (keys.some((k) => order[k] !== direction)) return null;
  const sortFields = keys.slice(0, -1);
  const conditions = [query, ...(Array.isArray(query.$and) ? (query.$and as unknown[]).filter(isObject) : [])];
  let best: { index: string; prefix: Buffer; pinned: number } | null = null;
  for (const index of store.orderedIndexes(coll)) {
    const pinned = index.fields.length - sortFields.length;
    if (pinned < 0 || (best && best.pinned >= pinned)) continue;
    if (sortFields.some((field, i) => index.fields[pinned + i] !== field)) continue;
    const prefix: Buffer[] = [];
    for (const field of index.fields.slice(0, pinned)) {
      const key = pinnedKey(conditions, field);
      if (!key) break;
      prefix.push(key);
    }
    if (prefix.length === pinned) best = { index: index.name, prefix: Buffer.concat(prefix), pinned };
  }
  if (!best) return null;
  let from = best.prefix;
  let to = afterPrefix(best.prefix);
  if (sortFields.length > 0) {
    for (const condition of conditions) {
      for (const bound of bounds(condition, sortFields[0], sortFields.length === 1, best.prefix)) {
        if (bound.from && Buffer.compare(bound.from, from) > 0) from = bound.from;
        if (bound.to && Buffer.compare(bound.to, to) < 0) to = bound.to;
      }
    }
  }
  return { index: best.index, from, to, descending: direction === -1 };
}

/** The key of the one value `field` is pinned to by one of the conditions (`x`, `{$eq: x}`, `{$in: [x]}`). */
function pinnedKey(conditions: AnyObject[], field: string): Buffer | null {
  for (const condition of conditions) {
    if (!Object.hasOwn(condition, field)) continue;
    const value = onlyValue(condition[field]);
    if (value === undefined || value === null) continue;
    const key = valueKey(value.value);
    if (key) return key;
  }
  return null;
}

function onlyValue(condition: unknown): { value: unknown } | null | undefined {
  if (!isObject(condition)) return { value: condition };
  const ops = Object.keys(condition);
  if (ops.length !== 1) return null;
  if (ops[0] === '$eq' && !isObject(condition.$eq)) return { value: condition.$eq };
  const list = condition.$in;
  if (ops[0] === '$in' && Array.isArray(list) && list.length === 1 && !isObject(list[0])) return { value: list[0] };
  return null;
}

interface Bound {
  from?: Buffer;
  to?: Buffer;
}

/**
 * The key bounds a condition sets on the first sort field: its comparisons (`{f: {$lt: a}}`), and the keyset
 * condition of a page after (`a`, `id`): `$or: [{f: {$lt: a}}, {f: a, _id: {$lt: id}}]` ($gt for ascending pages)
 * when the sort is that field then `_id`. Bounds need only hold every match: the query is tested on each document.
 */
function bounds(condition: AnyObject, field: string, keyset: boolean, prefix: Buffer): Bound[] {
  const out: Bound[] = [];
  const range = condition[field];
  if (isObject(range)) {
    for (const [op, value] of Object.entries(range)) {
      const key = boundKey(value);
      if (!key) continue;
      const at = Buffer.concat([prefix, key]);
      if (['$lt', '$lte', '$gt', '$gte'].includes(op)) out.push(sameType(prefix, key));
      if (op === '$lt') out.push({ to: at });
      if (op === '$lte') out.push({ to: afterPrefix(at) });
      if (op === '$gt') out.push({ from: afterPrefix(at) });
      if (op === '$gte') out.push({ from: at });
    }
  }
  const either = condition.$or;
  if (keyset && Array.isArray(either) && either.length === 2) {
    const [before, tie] = either as unknown[];
    if (isObject(before) && isObject(tie) && Object.keys(before).length === 1 && Object.keys(tie).length === 2) {
      const cut = keysetCut(before[field], tie[field], tie._id);
      if (cut) {
        const at = Buffer.concat([prefix, cut.key]);
        out.push(sameType(prefix, cut.key), cut.op === '$lt' ? { to: at } : { from: successor(at) });
      }
    }
  }
  return out;
}

/** MongoDB (and mingo) compare with `$lt` and the like only values of the bound's type: the keys of that type. */
function sameType(prefix: Buffer, key: Buffer): Bound {
  return { from: Buffer.concat([prefix, key.subarray(0, 1)]), to: Buffer.concat([prefix, Buffer.from([key[0] + 1])]) };
}

/** `{$lt: a}`, `a`, `{$lt: id}` (or both `$gt`): the key of (a, id) and the side the page is on. */
function keysetCut(before: unknown, at: unknown, id: unknown): { key: Buffer; op: '$lt' | '$gt' } | null {
  if (!isObject(before) || !isObject(id) || isObject(at)) return null;
  const op = Object.keys(before)[0];
  if ((op !== '$lt' && op !== '$gt') || Object.keys(before).length !== 1) return null;
  if (Object.keys(id).length !== 1 || !(op in id)) return null;
  const edge = before[op];
  if (!sameValue(edge, at)) return null;
  const a = boundKey(at);
  const b = boundKey(id[op]);
  return a && b ? { key: Buffer.concat([a, b]), op } : null;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** A document or an operator object (not an array, a date or a regular expression). */
function isObject(value: unknown): value is AnyObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  );
}

/** A value a range bound may use: null and missing are left out (`$gte: null` also matches a missing field). */
function boundKey(value: unknown): Buffer | null {
  return value === null || value === undefined || isObject(value) ? null : valueKey(value);
}
