// The owner's customers (report.customers, customer, tagCustomer) after real purchases: never an openid; a search
// matched literally (regex characters are text); tags, sorts and keyset pages; the customer page; hostile input.
import { OWNER, line, useShop } from './order-kit';

const shop = useShop();
const APPLE = line('aksu-apple', 'aksu-apple-1');
const GOJI = line('ningxia-goji', 'ningxia-goji-1');

const report = (as: string, action: string, input: Record<string, unknown> = {}) =>
  shop.call(as, 'report', { action, ...input });

async function ok(action: string, input: Record<string, unknown> = {}) {
  const result = await report(OWNER, action, input);
  if (!result.ok) throw new Error(`report.${action}: ${JSON.stringify(result)}`);
  return result.data;
}

const buyers = ['cora', 'dane', 'ezra', 'fay', 'gus'];
const openids = new Map<string, string>();
const nicknames = new Map<string, string>();

beforeAll(async () => {
  for (const [i, as] of buyers.entries()) {
    const { user } = (await shop.call(as, 'shop', { action: 'session' })).data;
    openids.set(as, user.openid);
    nicknames.set(as, user.nickname);
    for (let k = 0; k <= i % 3; k++) await shop.paid(as, [k % 2 ? GOJI : APPLE]);
  }
  await shop.refundAll('gus', (await shop.paid('gus', [GOJI])).id);
}, 120_000);

test('lists every paying member once with their figures, and never an openid', async () => {
  const { items, nextCursor } = await ok('customers');
  expect(nextCursor).toBeNull();
  const text = JSON.stringify(items);
  for (const openid of openids.values()) expect(text).not.toContain(openid);
  const byName = new Map(items.map((c: { nickname: string }) => [c.nickname, c]));
  for (const as of buyers) expect(byName.has(nicknames.get(as))).toBe(true);
  const stored = (await shop.all('orders')).filter((o) => o.paidAt && o.buyerId === openids.get('gus'));
  const gus = byName.get(nicknames.get('gus')) as { orders: number; paidFen: number; memberId: string };
  expect(gus.orders).toBe(stored.length);
  // The refunded order's payment is taken off what they paid.
  const refunded = stored.filter((o) => o.status === 'refunded').reduce((s, o) => s + o.paidFen, 0);
  expect(refunded).toBeGreaterThan(0);
  expect(gus.paidFen).toBe(stored.reduce((s, o) => s + o.paidFen, 0) - refunded);
  expect(gus.memberId).toMatch(/^[0-9a-f]{16}$/);
});

test('sorts by spending and by orders, and pages by cursor without a repeat or a gap', async () => {
  for (const sort of ['recent', 'spent', 'orders'] as const) {
    const all = (await ok('customers', { sort })).items;
    const field = { recent: 'lastOrderAt', spent: 'paidFen', orders: 'orders' }[sort];
    const values = all.map((c: Record<string, string | number>) => c[field]);
    expect(values).toEqual([...values].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok('customers', { sort, limit: 2, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((c: { memberId: string }) => c.memberId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.map((c: { memberId: string }) => c.memberId));
  }
});

test('a search matches a nickname literally: regex characters are text', async () => {
  const name = nicknames.get('dane') as string;
  const { items } = await ok('customers', { q: name.slice(0, 3) });
  expect(items.map((c: { nickname: string }) => c.nickname)).toContain(name);
  for (const q of ['.*', '^', '(', '[a-z]+', '\\']) expect((await ok('customers', { q })).items).toEqual([]);
});

test('tags: set, filtered by, replaced, removed; an unknown member id and hostile input are refused', async () => {
  const { items } = await ok('customers');
  const target = items[0];
  const tagged = (await ok('tagCustomer', { memberId: target.memberId, tags: ['老客户', 'VIP'] })).customer;
  expect(tagged).toMatchObject({ memberId: target.memberId, tags: ['老客户', 'VIP'] });
  expect((await ok('customers', { tag: 'VIP' })).items.map((c: { memberId: string }) => c.memberId)).toEqual([
    target.memberId,
  ]);
  await ok('tagCustomer', { memberId: target.memberId, tags: [] });
  expect((await ok('customers', { tag: 'VIP' })).items).toEqual([]);
  const refused = await report(OWNER, 'tagCustomer', { memberId: '0123456789abcdef', tags: ['x'] });
  expect(refused).toMatchObject({ ok: false, error: { code: 'customer.not_found' } });
  for (const bad of [
    { memberId: target.memberId, tags: ['a'.repeat(10_000)] },
    { memberId: target.memberId, tags: ['a', 'a'] },
    { memberId: target.memberId, tags: 'VIP' },
    { memberId: openids.get('cora'), tags: [] },
    { memberId: { $ne: null }, tags: [] },
  ])
    expect(await report(OWNER, 'tagCustomer', bad)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  for (const bad of [{ q: 'x'.repeat(10_000) }, { sort: 'name' }, { limit: -1 }, { limit: 1e9 }, { cursor: 'zzz' }])
    expect(await report(OWNER, 'customers', bad)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
});

test("the first page names the owner's tags in use, most used first, wherever their customers are", async () => {
  const { items } = await ok('customers', { sort: 'spent' });
  const [a, b, c] = items.map((x: { memberId: string }) => x.memberId);
  await ok('tagCustomer', { memberId: a, tags: ['团长'] });
  await ok('tagCustomer', { memberId: b, tags: ['团长', '同事'] });
  await ok('tagCustomer', { memberId: c, tags: ['团长', '同事', '邻居'] });
  const first = await ok('customers', { sort: 'spent', limit: 1 });
  expect(first.items.map((x: { memberId: string }) => x.memberId)).toEqual([a]);
  expect(first.tags).toEqual(['团长', '同事', '邻居']);
  expect((await ok('customers', { sort: 'spent', limit: 1, cursor: first.nextCursor })).tags).toBeUndefined();
  for (const id of [a, b, c]) await ok('tagCustomer', { memberId: id, tags: [] });
  expect((await ok('customers')).tags).toEqual([]);
});

test('the customer page: their orders, points, reviews and binding; never their openid', async () => {
  const { items } = await ok('customers', { q: nicknames.get('fay') });
  const detail = await ok('customer', { memberId: items[0].memberId });
  const stored = (await shop.all('orders')).filter((o) => o.buyerId === openids.get('fay'));
  expect(detail.orders.map((o: { id: string }) => o.id).sort()).toEqual(stored.map((o) => o._id).sort());
  expect(detail.points.balance).toBeGreaterThanOrEqual(0);
  expect(detail.reviews).toEqual([]);
  expect(detail.bindings).toEqual([]);
  expect(JSON.stringify(detail)).not.toContain(openids.get('fay'));
  expect(await report(OWNER, 'customer', { memberId: '0123456789abcdef' })).toMatchObject({
    ok: false,
    error: { code: 'customer.not_found' },
  });
  expect(await report('mallory', 'customer', { memberId: items[0].memberId })).toMatchObject({
    ok: false,
    error: { code: 'auth.not_owner' },
  });
});
