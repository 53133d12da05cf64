// Every route marked owner, in every function, called through the emulator by a non-owner and with no caller: each
// is refused with its coded error before its input is looked at, and nothing stored changes. The routes come from
// the route tables themselves (each handler carries its table), so a new owner route is covered when it is added.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { collections } from '../../cloudfunctions/data/indexes';
import type { Handler } from '../../cloudfunctions/platform/handler';
import { ROOT, sdkFor } from '../emulator/harness';
import { OWNER, useShop } from './order-kit';

/** Each function's route table, by function, read from its source's `main` (the emulator runs the same, built). */
function routeTables(): Map<string, Handler['routes']> {
  const dir = join(ROOT, 'cloudfunctions');
  const tables = new Map<string, Handler['routes']>();
  for (const name of readdirSync(dir).sort()) {
    if (!existsSync(join(dir, name, 'index.ts'))) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require(join(dir, name, 'index.ts')) as { main?: Partial<Handler> };
    // payment, scheduler and security take no client actions: their `main` is their own, with no table.
    if (main?.routes) tables.set(name, main.routes);
  }
  return tables;
}

const tables = routeTables();
const ownerRoutes = [...tables].flatMap(([fn, routes]) =>
  Object.entries(routes)
    .filter(([, r]) => r.owner)
    .map(([action]) => [fn, action] as const),
);

const shop = useShop();

/** Everything stored: every collection, whole and in _id order, and the pay simulator's records and the outbox. */
async function everything() {
  const byId = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : 1);
  const stored = await Promise.all(Object.keys(collections).map(async (c) => [c, (await shop.all(c)).sort(byId)]));
  return { ...Object.fromEntries(stored), pay: await shop.payments(), outbox: await shop.outbox() };
}

/** What the function answered the caller `as` (a dev user), or with no caller at all when `as` is null. */
async function answer(as: string | null, fn: string, body: Record<string, unknown>) {
  if (as !== null) return shop.call(as, fn, body);
  return (await sdkFor(shop.emu).callFunction({ name: fn, data: body })).result;
}

const refusal = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } });

test('owner routes are found in every function with a route table', () => {
  const withOwnerRoutes = ['campaign', 'commission', 'coupon', 'order', 'points', 'report', 'shop'];
  expect([...tables.keys()]).toEqual(expect.arrayContaining(withOwnerRoutes));
  for (const fn of withOwnerRoutes) expect(ownerRoutes.some(([f]) => f === fn)).toBe(true);
});

describe.each(ownerRoutes)('%s.%s', (fn, action) => {
  // No input, and input no schema takes: a refusal for either is about who asked, never about what.
  const bodies = [{ action }, { action, notAField: { $ne: null } }];

  test('a non-owner gets auth.not_owner and changes nothing', async () => {
    await shop.token('mallory');
    const before = await everything();
    for (const body of bodies) {
      expect(await answer('mallory', fn, body)).toEqual(refusal('auth.not_owner'));
    }
    expect(await everything()).toEqual(before);
  });

  test('no caller gets auth.required and changes nothing', async () => {
    const before = await everything();
    for (const body of bodies) {
      expect(await answer(null, fn, body)).toEqual(refusal('auth.required'));
    }
    expect(await everything()).toEqual(before);
  });

  test('the owner gets past the check (to the input check)', async () => {
    const result = await answer(OWNER, fn, bodies[1]);
    expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });
});
