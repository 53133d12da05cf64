// The wrapper with a fake cloud: an owner route refuses a non-owner before its input is validated and before its use
// case runs; owners get the settings the check loaded.
import * as v from 'valibot';
import type { Cloud } from '../data/db';
import { ERRORS } from '../contracts/errors';
import { createHandler, route, type OwnerContext } from './handler';

/** Everything the wrapper and its routes did, in order. */
let log: string[];

/** A cloud whose caller is `openid` and whose settings document lists `owners` (none: no document). */
function fakeCloud(openid: string | undefined, owners?: string[]): Cloud {
  const doc = (name: string, id: string) => ({
    get: async () => {
      log.push(`read ${name}/${id}`);
      if (!owners) throw new Error(`document.get:fail document with _id ${id} does not exist`);
      return { data: { _id: id, shopName: '测试店', owners } };
    },
  });
  const db = { collection: (name: string) => ({ doc: (id: string) => doc(name, id) }) };
  return { getWXContext: () => ({ OPENID: openid }), database: () => db } as unknown as Cloud;
}

// Validation is visible in the log: a schema that records each time it runs.
const input = v.custom<{ n: number }>((value) => {
  log.push('validate');
  return typeof value === 'object' && value !== null && typeof (value as { n?: unknown }).n === 'number';
});

const routes = {
  ownerOnly: route(
    input,
    async ({ n }, ctx: OwnerContext) => {
      log.push('run');
      return { n, owners: ctx.settings.owners };
    },
    { owner: true },
  ),
  open: route(input, async ({ n }, ctx) => {
    log.push('run');
    return { n, hasSettings: 'settings' in ctx };
  }),
};

beforeEach(() => {
  log = [];
});

const refusal = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } });
const call = (cloud: Cloud, event: object) => createHandler(cloud, routes)(event, { request_id: 'r1' });

test('a non-owner is refused on an owner route before validation and before the use case', async () => {
  const cloud = fakeCloud('mallory', ['boss']);
  for (const event of [
    { action: 'ownerOnly', n: 1 },
    { action: 'ownerOnly', n: 'not a number', extra: true },
  ]) {
    log = [];
    expect(await call(cloud, event)).toEqual(refusal('auth.not_owner'));
    expect(log).toEqual(['read settings/shop']);
  }
});

test('no caller: auth.required before anything is read', async () => {
  for (const openid of [undefined, '']) {
    log = [];
    const result = await call(fakeCloud(openid, ['boss']), { action: 'ownerOnly', n: 1 });
    expect(result).toEqual(refusal('auth.required'));
    expect(log).toEqual([]);
  }
});

test('a shop with no settings document has no owners: everyone is refused', async () => {
  expect(await call(fakeCloud('boss'), { action: 'ownerOnly', n: 1 })).toEqual(refusal('auth.not_owner'));
  expect(log).not.toContain('run');
});

test('an owner passes the check, then the input is validated, then the use case runs with the settings', async () => {
  const cloud = fakeCloud('boss', ['boss', 'partner']);
  expect(await call(cloud, { action: 'ownerOnly', n: 'x' })).toEqual(refusal('input.invalid'));
  expect(log).toEqual(['read settings/shop', 'validate']);
  log = [];
  const data = { n: 2, owners: ['boss', 'partner'] };
  expect(await call(cloud, { action: 'ownerOnly', n: 2 })).toEqual({ ok: true, data });
  expect(log).toEqual(['read settings/shop', 'validate', 'run']);
});

test('a route not marked owner reads no settings and gets none', async () => {
  const data = { n: 3, hasSettings: false };
  expect(await call(fakeCloud('', ['boss']), { action: 'open', n: 3 })).toEqual({ ok: true, data });
  expect(log).toEqual(['validate', 'run']);
});

test('the handler carries its table, owner marks included', () => {
  const main = createHandler(fakeCloud('boss', ['boss']), routes);
  expect(Object.entries(main.routes).map(([action, r]) => [action, r.owner])).toEqual([
    ['ownerOnly', true],
    ['open', false],
  ]);
});

test('an unknown action answers a fixed message: the text the caller sent never comes back', async () => {
  const fixed = { ok: false, error: { code: 'action.unknown', message: ERRORS['action.unknown'] } };
  const megabyte = `x${'斜'.repeat(1024 * 1024)}`;
  for (const action of [megabyte, '<script>alert(1)</script>', { toString: megabyte }, ['ownerOnly'], undefined]) {
    log = [];
    const result = await call(fakeCloud('boss', ['boss']), { action, n: 1 });
    // The length first: a failure must not print the megabyte back either.
    expect(JSON.stringify(result).length).toBeLessThan(200);
    expect(result).toEqual(fixed);
    expect(log).toEqual([]);
  }
});
