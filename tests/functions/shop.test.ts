// The `shop` function, built as for CloudBase, running in the emulator with the real SDK.
import { join } from 'node:path';
import { startEmulator, sdkFor, post, devSession, ROOT, type RunningEmulator } from '../emulator/harness';
import { SHARE_CODE_PATTERN } from '../../cloudfunctions/core/share-code';

let emu: RunningEmulator;
let db: any;
const tokens = new Map<string, string>();

beforeAll(async () => {
  emu = await startEmulator({ functionsDir: join(ROOT, 'dist/cloudfunctions'), seed: 'demo' });
  db = sdkFor(emu).database();
});

afterAll(async () => {
  await emu.stop();
});

async function shop(as: string, body: Record<string, unknown>) {
  if (!tokens.has(as)) tokens.set(as, await devSession(emu, as));
  const res = await post(emu, '/api/functions/shop', body, { authorization: `Bearer ${tokens.get(as)}` });
  expect(res.status).toBe(200);
  return res.json.result as { ok: boolean; data?: any; error?: { code: string; message: string } };
}

const ok = async (as: string, body: Record<string, unknown>) => {
  const result = await shop(as, body);
  expect(result).toMatchObject({ ok: true });
  return result.data;
};

describe('session', () => {
  test('creates the member on the first call and returns the same member after', async () => {
    const first = await ok('carol', { action: 'session' });
    const second = await ok('carol', { action: 'session' });
    expect(second.user).toEqual(first.user);
    expect(first.user).toMatchObject({ isOwner: false, points: { available: 0, pending: 0 } });
    expect(first.user.shareCode).toMatch(SHARE_CODE_PATTERN);
    expect((await db.collection('users').where({ openid: 'dev_carol' }).count()).total).toBe(1);
    // Their own openid, for their upload folder (reviews/<openid>/…): each caller is told only their own.
    expect(first.user.openid).toBe('dev_carol');
    expect((await ok('dave', { action: 'session' })).user.openid).toBe('dev_dave');
  });

  test('concurrent first calls create one member with one shareCode', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => ok('dave', { action: 'session' })));
    expect(new Set(results.map((r) => r.user.shareCode)).size).toBe(1);
    expect((await db.collection('users').where({ openid: 'dev_dave' }).count()).total).toBe(1);
  });

  test('shareCodes are unique, short and never the openid', async () => {
    const names = Array.from({ length: 30 }, (_v, i) => `m${i}`);
    const codes = await Promise.all(
      names.map(async (n) => (await ok(n, { action: 'session' })).user.shareCode as string),
    );
    expect(new Set(codes).size).toBe(codes.length);
    // The pattern rules the openid out (dev_m3 has lowercase letters and '_'); a short name may occur in a random code.
    for (const code of codes) expect(code).toMatch(SHARE_CODE_PATTERN);
  });

  test('the owner is recognised from the settings, not from anything the client says', async () => {
    expect((await ok('owner', { action: 'session' })).user.isOwner).toBe(true);
    expect((await shop('alice', { action: 'session', isOwner: true })).error?.code).toBe('input.invalid');
    expect((await ok('alice', { action: 'session' })).user.isOwner).toBe(false);
  });

  test('without a caller (no login) there is no session', async () => {
    const cloud = sdkFor(emu);
    const res = await cloud.callFunction({ name: 'shop', data: { action: 'session' } });
    expect(res.result).toEqual({ ok: false, error: { code: 'auth.required', message: expect.any(String) } });
  });
});

describe('listProducts', () => {
  beforeAll(async () => {
    // More products than the demo has, some off sale, with equal sort keys to test the tie-break.
    for (let i = 0; i < 23; i++) {
      await db.collection('products').add({
        data: {
          _id: `extra${String(i).padStart(2, '0')}`,
          title: `测试商品 ${i}`,
          description: '',
          images: [],
          skus: [{ id: `extra${i}-1`, spec: '默认', priceFen: 100 + i, stock: i % 4 }],
          status: i % 5 === 0 ? 'off_sale' : 'on_sale',
          sort: 1000 + Math.floor(i / 3),
        },
      });
    }
  });

  test('paging returns every product on sale once, in catalogue order', async () => {
    const expected = (
      await db
        .collection('products')
        .where({ status: 'on_sale' })
        .orderBy('sort', 'asc')
        .orderBy('_id', 'asc')
        .limit(1000)
        .get()
    ).data.map((p: any) => p._id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ok('bob', { action: 'listProducts', limit: 4, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((p: any) => p.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain('extra00'); // off sale
    expect(pages).toBe(Math.ceil(expected.length / 4));
  });

  test('cards carry the lowest price, a display URL and sold-out state', async () => {
    const { items } = await ok('bob', { action: 'listProducts', limit: 50 });
    const puer = items.find((p: any) => p.id === 'puer357');
    expect(puer).toMatchObject({
      priceFen: 16800,
      soldOut: false,
      image: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__storage\//),
    });
    expect(items.find((p: any) => p.id === 'cotton-bed').soldOut).toBe(true);
    const image = await fetch(puer.image);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(await image.text()).toContain('<svg');
  });

  test.each([
    [{ limit: 0 }],
    [{ limit: 51 }],
    [{ limit: 'ten' }],
    [{ limit: 2.5 }],
    [{ cursor: 'not-a-cursor' }],
    [{ cursor: 12 }],
    [{ page: 2 }],
  ])('bad input %j is refused with input.invalid', async (input) => {
    const result = await shop('bob', { action: 'listProducts', ...input });
    expect(result).toEqual({
      ok: false,
      error: { code: 'input.invalid', message: expect.stringContaining('请求参数有误') },
    });
  });
});

describe('getProduct', () => {
  const codeOf = async (as: string) => (await ok(as, { action: 'session' })).user.shareCode as string;

  test("a product opened from alice's card says it is alice's recommendation", async () => {
    const detail = await ok('bob', { action: 'getProduct', id: 'puer357', s: await codeOf('alice') });
    expect(detail.product).toMatchObject({
      id: 'puer357',
      title: '云南勐海古树普洱茶饼 357g',
      priceFen: 16800,
      status: 'on_sale',
    });
    expect(detail.product.skus).toEqual([
      { id: 'puer357-1', spec: '2019年 生茶', priceFen: 16800, stock: 30 },
      { id: 'puer357-2', spec: '2016年 熟茶', priceFen: 21800, stock: 12 },
    ]);
    expect(detail.product.images).toHaveLength(2);
    // Her track record (tests/functions/track-record.test.ts): a member since her first session, nothing bought yet.
    expect(detail.trust).toEqual({
      sharer: {
        nickname: 'alice',
        shareCode: await codeOf('alice'),
        memberSince: expect.any(String),
        keptProducts: 0,
        reviews: 0,
      },
      sharerVerifiedPurchases: 0,
    });
  });

  test("no recommendation from one's own code, from an unknown code, or without a code", async () => {
    expect((await ok('alice', { action: 'getProduct', id: 'puer357', s: await codeOf('alice') })).trust).toEqual({});
    expect((await ok('bob', { action: 'getProduct', id: 'puer357', s: 'ZZZZZZ' })).trust).toEqual({});
    expect((await ok('bob', { action: 'getProduct', id: 'puer357' })).trust).toEqual({});
  });

  test('public data needs no login (Moments single-page mode)', async () => {
    const cloud = sdkFor(emu);
    const res = await cloud.callFunction({ name: 'shop', data: { action: 'getProduct', id: 'rice5kg' } });
    expect(res.result).toMatchObject({ ok: true, data: { product: { id: 'rice5kg', priceFen: 8990 } } });
  });

  test.each([
    [{ action: 'getProduct', id: 'nope' }, 'product.not_found'],
    [{ action: 'getProduct' }, 'input.invalid'],
    [{ action: 'getProduct', id: '../../x' }, 'input.invalid'],
    [{ action: 'getProduct', id: 'puer357', s: 'dev_alice' }, 'input.invalid'],
    [{ action: 'getProduct', id: { $ne: null } }, 'input.invalid'],
    [{ action: 'deleteEverything' }, 'action.unknown'],
    [{ action: '__proto__' }, 'action.unknown'],
    [{}, 'action.unknown'],
  ])('%j → %s', async (body, code) => {
    expect((await shop('bob', body)).error?.code).toBe(code);
  });
});
