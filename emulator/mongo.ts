// MongoDB semantics the emulator adds around mingo, where mingo alone answers differently from CloudBase (whose
// database is MongoDB): EJSON input turned into values mingo evaluates (regular expressions, ObjectIds, server
// dates), `$elemMatch` that only lets documents satisfy field conditions, and the update refusals MongoDB makes
// (wrong types, paths that cannot exist, conflicting operators) where mingo silently does nothing.
import { EJSON } from 'bson';
import { Query, update as mingoUpdate } from 'mingo';
import { TcbFail } from './tcb/protocol';

type AnyObject = Record<string, unknown>;

const refuse = (message: string): never => {
  throw new TcbFail('DATABASE_REQUEST_FAILED', message);
};

// --- EJSON input

/**
 * Parses an EJSON string from the SDK (which sends canonical EJSON, @cloudbase/database utils `stringifyByEJSON`)
 * into the values the emulator evaluates: a `$regularExpression` becomes a JavaScript RegExp, which mingo matches
 * (a BSONRegExp it would only compare as an object, so regex queries never matched), and an ObjectId becomes its
 * hex string. CloudBase answers reads with the string (node-sdk test/database/unit/oid.test.ts expects
 * `data[0].a === objId`; an `$oid` in a reply would reach the caller as `{}` through the SDK's formatResDocumentData),
 * so the emulator keeps ObjectIds as their strings, in `_id` and elsewhere; unlike MongoDB, a plain string equal to
 * the hex then matches it too.
 */
export function parseEjson(value: unknown, name: string): unknown {
  if (typeof value !== 'string') throw new TcbFail('INVALID_PARAM', `${name} must be an EJSON string`);
  let parsed: unknown;
  try {
    parsed = EJSON.parse(value, { relaxed: true });
  } catch {
    // bson refuses a regex flag it does not know (g, y) as bad EJSON; MongoDB names the flag instead.
    if (value.includes('"$regularExpression"') || value.includes('"$options"')) checkRegexFlags(jsonOrNull(value));
    throw new TcbFail('INVALID_PARAM', `${name} is not valid EJSON`);
  }
  return value.includes('"$oid"') || value.includes('"$regularExpression"') || value.includes('"$regex"')
    ? toEvaluable(parsed)
    : parsed;
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * CloudBase documents the options i, m and s (WeChat reference, Database.RegExp). The SDK passes a JS regex's
 * flags through (`/x/g` is sent as options "g"); MongoDB refuses a flag it does not know with "invalid flag in regex
 * options" (bson's parser would call the request invalid EJSON instead). The emulator refuses every other flag
 * the same way: g and y would make JavaScript's RegExp.test stateful, x and l have no JavaScript equivalent, and u
 * would change what a JavaScript pattern means.
 */
const REGEX_FLAGS = /^[ims]*$/;

function checkFlags(options: string): void {
  if (REGEX_FLAGS.test(options)) return;
  const bad = [...options].find((c) => !'ims'.includes(c));
  refuse(`invalid flag in regex options: ${bad}`);
}

/** Walks plain JSON (iteratively: bson has already refused it, perhaps for its depth) for regex options. */
function checkRegexFlags(root: unknown): void {
  const pending = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) pending.push(...value);
    if (!isPlainObject(value)) continue;
    const spec = value.$regularExpression;
    if (isPlainObject(spec) && typeof spec.options === 'string') checkFlags(spec.options);
    if (typeof value.$regex === 'string' && typeof value.$options === 'string') checkFlags(value.$options);
    pending.push(...Object.values(value));
  }
}

function toRegExp(pattern: string, options: string): RegExp {
  checkFlags(options);
  try {
    return new RegExp(pattern, options);
  } catch (error) {
    return refuse(`Regular expression is invalid: ${(error as Error).message}`);
  }
}

/** Replaces, in place, BSONRegExp values by RegExp and ObjectIds by their hex strings. */
function toEvaluable(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toEvaluable(value[i]);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const bson = value as { _bsontype?: string; pattern?: string; options?: string; toHexString?: () => string };
  if (bson._bsontype === 'ObjectId' && bson.toHexString) return bson.toHexString();
  if (bson._bsontype === 'BSONRegExp') return toRegExp(bson.pattern ?? '', bson.options ?? '');
  if (!isPlainObject(value)) return value;
  for (const [key, item] of Object.entries(value)) setOwn(value, key, toEvaluable(item));
  return value;
}

/** Replaces db.serverDate() placeholders (`{ $tcb_server_date: { offset } }`) with the emulator's time. */
export function resolveServerDates<T>(value: T, now: number): T {
  if (Array.isArray(value)) return value.map((v) => resolveServerDates(v, now)) as T;
  if (!isPlainObject(value)) return value;
  const marker = value.$tcb_server_date;
  if (isPlainObject(marker)) return new Date(now + (Number(marker.offset) || 0)) as T;
  const out: AnyObject = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, k, resolveServerDates(v, now));
  return out as T;
}

// --- queries

/**
 * A query as CloudBase evaluates it: `db.serverDate()` in a condition is the server's clock (WeChat reference,
 * Database.serverDate: 可用于查询条件), and `$elemMatch` keeps MongoDB's meaning.
 */
export function prepareQuery<T>(query: T, now: number): T {
  return guardElemMatch(resolveServerDates(query, now));
}

/**
 * MongoDB's `$elemMatch` with field conditions (`{ value: { $gt: 0 } }`) considers only the elements that are
 * documents; with operators alone (`{ $gt: 0 }`) every element. mingo resolves any field of a plain value to the
 * value itself, so `[1, 2, 9]` matched `{ value: { $gt: 0 } }`; each field form is given a guard that a plain
 * value fails. mingo's own rule decides which form a criterion is (operators other than $and/$or/$nor only).
 */
function guardElemMatch<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = guardElemMatch(value[i]);
    return value;
  }
  if (!isPlainObject(value)) return value;
  const object: AnyObject = value;
  for (const [key, item] of Object.entries(object)) setOwn(object, key, guardElemMatch(item));
  const criteria = object.$elemMatch;
  if (isPlainObject(criteria) && isFieldCriteria(criteria)) object.$elemMatch = documentsOnly(criteria);
  return value;
}

function isFieldCriteria(criteria: AnyObject): boolean {
  return Object.keys(criteria).some((k) => !k.startsWith('$') || k === '$and' || k === '$or' || k === '$nor');
}

function documentsOnly(criteria: AnyObject): AnyObject {
  return { $and: [{ $expr: { $eq: [{ $type: '$$CURRENT' }, 'object'] } }, criteria] };
}

// --- updates

type Modifier = Record<string, AnyObject>;

/** Operators that create the path they name when it is missing (so a path through a plain value is refused). */
const CREATES_PATH = new Set(['$set', '$setOnInsert', '$inc', '$mul', '$min', '$max', '$push', '$addToSet']);

/**
 * The refusals of MongoDB that depend on the modifier alone: empty paths, two operators on one path or on a path
 * and its parent (ConflictingUpdateOperators), non-numeric `$inc`/`$mul` arguments, `$rename` onto its own path.
 */
export function checkModifier(modifier: Modifier): void {
  const seen: string[] = [];
  const claim = (path: string) => {
    if (path === '' || path.split('.').includes('')) {
      refuse(`The update path '${path}' contains an empty field name, which is not allowed.`);
    }
    for (const other of seen) {
      if (other === path || path.startsWith(`${other}.`) || other.startsWith(`${path}.`)) {
        const at = other.length <= path.length ? other : path;
        refuse(`Updating the path '${path}' would create a conflict at '${at}'`);
      }
    }
    seen.push(path);
  };
  for (const [op, fields] of Object.entries(modifier)) {
    for (const [path, arg] of Object.entries(fields)) {
      claim(path);
      if ((op === '$inc' || op === '$mul') && typeof arg !== 'number') {
        const verb = op === '$inc' ? 'increment' : 'multiply';
        refuse(`Cannot ${verb} with non-numeric argument: {${path}: ${render(arg)}}`);
      }
      if (op === '$pop' && arg !== 1 && arg !== -1) refuse(`$pop expects 1 or -1, found: ${render(arg)}`);
      if ((op === '$push' || op === '$addToSet') && isPlainObject(arg) && '$each' in arg && !Array.isArray(arg.$each)) {
        refuse(`The argument to $each in ${op} must be an array but it was of type: ${typeName(arg.$each)}`);
      }
      if (op === '$rename') {
        if (typeof arg !== 'string') refuse(`The 'to' field for $rename must be a string: ${path}: ${render(arg)}`);
        const to = arg as string;
        if (to === path) refuse(`The source and target field for $rename must differ: ${path}: ${render(to)}`);
        if (to.startsWith(`${path}.`) || path.startsWith(`${to}.`)) {
          refuse(`The source and target field for $rename must not be on the same path: ${path}: ${render(to)}`);
        }
        claim(to);
      }
    }
  }
}

/**
 * Applies a checked modifier to one document as MongoDB would, or refuses it with MongoDB's message and leaves the
 * document as it was: a value of the wrong type under `$inc`/`$mul` (numbers), `$push`/`$addToSet`/`$pull`/
 * `$pullAll`/`$pop` (arrays), or a path that runs through a plain value. mingo skips all of these silently.
 */
export function applyModifier(doc: AnyObject, modifier: Modifier): void {
  let pulls: AnyObject | undefined;
  for (const [op, fields] of Object.entries(modifier)) {
    for (const [path, arg] of Object.entries(fields)) {
      if (path.includes('$')) continue; // positional paths ($, $[], $[id]) are mingo's to resolve
      const found = resolvePath(doc, path, CREATES_PATH.has(op));
      if (!found.exists) continue;
      checkTarget(doc, op, path, found.value);
      if (op === '$pull' && isPlainObject(arg) && !Object.keys(arg).some((k) => k.startsWith('$'))) {
        pulls = { ...pulls, [path]: matchingDocuments(found.value as unknown[], arg) };
      }
    }
  }
  mingoUpdate(doc, pulls ? withPullAll(modifier, pulls) : (modifier as never));
}

function checkTarget(doc: AnyObject, op: string, path: string, value: unknown): void {
  const where = `{_id: ${render(doc._id)}}`;
  switch (op) {
    case '$inc':
    case '$mul':
      if (typeof value !== 'number') {
        refuse(
          `Cannot apply ${op} to a value of non-numeric type. ${where} has the field '${lastField(path)}' of ` +
            `non-numeric type ${typeName(value)}`,
        );
      }
      return;
    case '$push':
    case '$addToSet':
      if (!Array.isArray(value)) {
        refuse(
          `The field '${lastField(path)}' must be an array but is of type ${typeName(value)} in document ${where}`,
        );
      }
      return;
    case '$pull':
    case '$pullAll':
      if (!Array.isArray(value)) refuse('Cannot apply $pull to a non-array value');
      return;
    case '$pop':
      if (!Array.isArray(value)) refuse(`Path '${path}' contains an element of non-array type '${typeName(value)}'`);
      return;
  }
}

/**
 * The value at a dot path. A path that stops at a missing field does not exist (the operator creates or skips it);
 * one that runs into a plain value, or into an array by a field name, cannot exist: operators that create their path
 * are refused there (MongoDB's PathNotViable), the others do nothing.
 */
function resolvePath(doc: AnyObject, path: string, creates: boolean): { exists: boolean; value?: unknown } {
  const parts = path.split('.');
  let current: unknown = doc;
  let parentField = '';
  for (const part of parts) {
    const container = Array.isArray(current) ? /^\d+$/.test(part) : isPlainObject(current);
    if (!container) {
      if (creates) refuse(`Cannot create field '${part}' in element {${parentField}: ${render(current)}}`);
      return { exists: false };
    }
    const next: unknown = (current as AnyObject)[part];
    if (next === undefined || !Object.hasOwn(current as object, part)) return { exists: false };
    current = next;
    parentField = part;
  }
  return { exists: true, value: current };
}

/**
 * `$pull` with field conditions removes the matching documents only; mingo would also remove every plain value (the
 * `$elemMatch` flaw above). The elements to remove are found here and pulled by value with `$pullAll`.
 */
function matchingDocuments(array: unknown[], criteria: AnyObject): unknown[] {
  const query = new Query(documentsOnly(criteria));
  return array.filter((item) => query.test(item as AnyObject));
}

function withPullAll(modifier: Modifier, pulls: AnyObject): never {
  const pull = { ...modifier.$pull };
  for (const path of Object.keys(pulls)) delete pull[path];
  const out: Modifier = { ...modifier, $pullAll: { ...modifier.$pullAll, ...pulls } };
  if (Object.keys(pull).length > 0) out.$pull = pull;
  else delete out.$pull;
  return out as never;
}

const lastField = (path: string): string => path.slice(path.lastIndexOf('.') + 1);

/** MongoDB's name for a value's BSON type, as its error messages spell it. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 'int' : 'double';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

function render(value: unknown): string {
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof RegExp) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

// --- helpers

function isPlainObject(value: unknown): value is AnyObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Sets an own property, even one named `__proto__`, without touching the prototype. */
function setOwn(target: AnyObject, key: string, value: unknown): void {
  if (target[key] === value && Object.hasOwn(target, key)) return;
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
