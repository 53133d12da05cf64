// Byte keys that sort (memcmp, as SQLite compares BLOBs) in the order MongoDB sorts values: an index's fields then
// `_id`, each encoded on its own and concatenated, so a run of an ordered index in SQLite is the documents in the
// order of a sort on those fields. Every encoding is prefix-free (a key compares field by field).
//
// Type order (MongoDB's, as mingo's sort also has it): missing and null (tied) < numbers < strings < booleans < dates.
// Strings compare by code point (UTF-8 bytes: MongoDB's binary comparison). A value of any other kind
// (arrays: multikey; objects; NaN; regular expressions) has no key here: the index then cannot order.
const NULL = 0x05;
const NUMBER = 0x10;
const STRING = 0x20;
const BOOLEAN = 0x40;
const DATE = 0x50;
/** Above every tag: the end of a key range, and the marker of documents the index cannot order. */
export const TOP = 0xff;

/** The key of one value, or null when it has none. */
export function valueKey(value: unknown): Buffer | null {
  if (value === undefined || value === null) return Buffer.from([NULL]);
  switch (typeof value) {
    case 'number':
      return Number.isNaN(value) ? null : doubleKey(NUMBER, value);
    case 'string':
      return stringKey(value);
    case 'boolean':
      return Buffer.from([BOOLEAN, value ? 1 : 0]);
    default:
      if (value instanceof Date && !Number.isNaN(value.getTime())) return doubleKey(DATE, value.getTime());
      return null;
  }
}

/**
 * The value a document sorts by at a dot path: undefined when missing, or null when the path holds an array or runs
 * through one (MongoDB sorts those by their smallest or largest element, mingo by the array).
 */
export function sortValue(doc: unknown, path: string): { value: unknown } | null {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return null;
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, part)) return { value: undefined };
    current = (current as Record<string, unknown>)[part];
  }
  return Array.isArray(current) ? null : { value: current };
}

/** The key of a document in an index on `fields`: the fields' keys, then the `_id`'s. Null: it cannot be ordered. */
export function documentKey(doc: Record<string, unknown>, fields: readonly string[]): Buffer | null {
  const keyOf = fieldKeys(doc);
  const parts: Buffer[] = [];
  for (const field of [...fields, '_id']) {
    const key = keyOf(field);
    if (!key) return null;
    parts.push(key);
  }
  return Buffer.concat(parts);
}

/** The keys of a document's fields, each worked out once (a document's indexes share fields). */
export function fieldKeys(doc: Record<string, unknown>): (field: string) => Buffer | null {
  const known = new Map<string, Buffer | null>();
  return (field) => {
    let key = known.get(field);
    if (key === undefined) {
      const at = sortValue(doc, field);
      key = at && valueKey(at.value);
      known.set(field, key);
    }
    return key;
  };
}

/** IEEE 754 bits made to sort as numbers: sign flipped for positives, every bit for negatives; -0 as 0. */
function doubleKey(tag: number, n: number): Buffer {
  const out = Buffer.allocUnsafe(9);
  out[0] = tag;
  out.writeDoubleBE(n === 0 ? 0 : n, 1);
  if (out[1] & 0x80) for (let i = 1; i < 9; i++) out[i] = ~out[i] & 0xff;
  else out[1] |= 0x80;
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** UTF-8 bytes with 0x00 and 0x01 escaped (0x01 0x01, 0x01 0x02), ended by 0x00: shorter strings sort first. */
function stringKey(text: string): Buffer | null {
  if (LONE_SURROGATE.test(text)) return null; // UTF-8 cannot hold it: two strings would share a key
  const bytes = Buffer.from(text, 'utf8');
  let escapes = 0;
  for (const b of bytes) if (b <= 0x01) escapes += 1;
  const out = Buffer.allocUnsafe(bytes.length + escapes + 2);
  out[0] = STRING;
  let at = 1;
  for (const b of bytes) {
    if (b <= 0x01) out[at++] = 0x01;
    out[at++] = b <= 0x01 ? b + 1 : b;
  }
  out[at] = 0x00;
  return out;
}

/** The smallest key after every key that starts with `prefix`. */
export function afterPrefix(prefix: Buffer): Buffer {
  return Buffer.concat([prefix, Buffer.from([TOP])]);
}

/** The smallest key greater than `key` (byte strings: `key` followed by 0x00). */
export function successor(key: Buffer): Buffer {
  return Buffer.concat([key, Buffer.from([0x00])]);
}
