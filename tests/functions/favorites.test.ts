// Favourites (收藏) through the emulator: keeping a product twice is one, dropping it twice is none; the product page
// says whether the caller keeps it; the list is the caller's own, newest first, paged, with products taken off sale
// marked (a product whose document is gone is left out); a member keeps at most FAVORITES_MAX; hostile input is
// refused with a code and stores nothing.
import { FAVORITES_MAX } from '../../cloudfunctions/contracts/limits';
import { sdkFor } from '../emulator/harness';
import { useShop } from './order-kit';

const shop = useShop();

const call = (as: string, action: string, input: Record<string, unknown> = {}) =>
  shop.call(as, 'shop', { action, ...input });
async function ok(as: string, action: string, input: Record<string, unknown> = {}) {
  const result = await call(as, action, input);
  if (!result.ok) throw new Error(`shop.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}
const codeOf = async (as: string, action: string, input: Record<string, unknown>) => {
  const result = await call(as, action, input);
  return result.ok ? 'ok' : result.error.code;
};
const keep = (as: string, productId: string, on = true) => ok(as, 'favorite', { productId, on });
const listed = async (as: string, input: Record<string, unknown> = {}) =>
  (await ok(as, 'favorites', { limit: 50, ...input })).items;
const stored = async () => (await shop.all('favorites')).sort((a, b) => (a._id < b._id ? -1 : 1));

test('keeping a product twice is one favourite, dropping it twice is none; the product page follows', async () => {
  expect((await ok('fav1', 'getProduct', { id: 'puer357' })).favorited).toBe(false);
  expect(await keep('fav1', 'puer357')).toEqual({ productId: 'puer357', favorited: true });
  const first = await stored();
  expect(await keep('fav1', 'puer357')).toEqual({ productId: 'puer357', favorited: true });
  // The second keep changed nothing, not even when it was kept.
  expect(await stored()).toEqual(first);
  expect(first.filter((f) => f.productId === 'puer357')).toHaveLength(1);
  expect((await ok('fav1', 'getProduct', { id: 'puer357' })).favorited).toBe(true);
  // Someone else's page and list are their own.
  expect((await ok('fav2', 'getProduct', { id: 'puer357' })).favorited).toBe(false);
  expect(await listed('fav2')).toEqual([]);

  expect(await keep('fav1', 'puer357', false)).toEqual({ productId: 'puer357', favorited: false });
  expect(await keep('fav1', 'puer357', false)).toEqual({ productId: 'puer357', favorited: false });
  expect((await ok('fav1', 'getProduct', { id: 'puer357' })).favorited).toBe(false);
  expect(await listed('fav1')).toEqual([]);

  // Five keeps at once (a double tap and retries) store one favourite.
  const racing = await Promise.all(
    Array.from({ length: 5 }, () => call('fav1', 'favorite', { productId: 'rice5kg', on: true })),
  );
  expect(racing.every((r) => r.ok)).toBe(true);
  expect((await stored()).filter((f) => f.productId === 'rice5kg')).toHaveLength(1);
});

test('the list: newest first, paged; off sale stays, marked; one whose document is gone is left out', async () => {
  await shop.makeProduct('fav-a', [{ stock: 3, priceFen: 1200 }], { title: '收藏甲', sort: 9001 });
  await shop.makeProduct('fav-b', [{ stock: 0, priceFen: 800 }], { title: '收藏乙', sort: 9002 });
  await shop.makeProduct('fav-c', [{ stock: 5, priceFen: 500 }], { title: '收藏丙', sort: 9003 });
  await shop.makeProduct('fav-gone', [{ stock: 0 }], { title: '将被删除', sort: 9004 });
  for (const id of ['fav-a', 'fav-gone', 'fav-b', 'fav-c']) {
    await keep('lister', id);
    await shop.advance(1000);
  }
  await ok('owner', 'setSaleStatus', { productId: 'fav-a', status: 'off_sale' });
  await shop.db.collection('products').doc('fav-gone').remove();

  const items = await listed('lister');
  expect(items).toEqual([
    expect.objectContaining({ id: 'fav-c', title: '收藏丙', priceFen: 500, soldOut: false, offSale: false }),
    expect.objectContaining({ id: 'fav-b', title: '收藏乙', priceFen: 800, soldOut: true, offSale: false }),
    expect.objectContaining({ id: 'fav-a', title: '收藏甲', priceFen: 1200, soldOut: false, offSale: true }),
  ]);
  const times = items.map((i: any) => Date.parse(i.favoritedAt));
  expect(times).toEqual([...times].sort((a, b) => b - a));

  const first = await ok('lister', 'favorites', { limit: 2 });
  expect(first.items.map((i: any) => i.id)).toEqual(['fav-c', 'fav-b']);
  const second = await ok('lister', 'favorites', { limit: 2, cursor: first.nextCursor });
  // The gone product's row takes its place on the page and shows nothing.
  expect(second.items.map((i: any) => i.id)).toEqual(['fav-a']);
  expect(second.nextCursor).toBeNull();
  // Off sale, it can still be dropped (and kept again).
  await keep('lister', 'fav-a', false);
  expect((await listed('lister')).map((i: any) => i.id)).toEqual(['fav-c', 'fav-b']);
});

test('hostile input: unknown products, wrong types, forged cursors are refused and store nothing', async () => {
  await keep('hostile', 'rice5kg');
  const before = await stored();
  const refused: Array<[string, Record<string, unknown>, string]> = [
    ['unknown product', { productId: 'nosuchproduct', on: true }, 'product.not_found'],
    ['unknown product, off', { productId: 'nosuchproduct', on: false }, 'product.not_found'],
    ['regex id', { productId: '.*', on: true }, 'input.invalid'],
    ['operator id', { productId: { $ne: null }, on: true }, 'input.invalid'],
    ['$where', { productId: '$where', on: true }, 'input.invalid'],
    ['10 KB id', { productId: 'x'.repeat(10_240), on: true }, 'input.invalid'],
    ['number id', { productId: 5, on: true }, 'input.invalid'],
    ['on as text', { productId: 'rice5kg', on: 'false' }, 'input.invalid'],
    ['on missing', { productId: 'rice5kg' }, 'input.invalid'],
    ['someone else', { productId: 'rice5kg', on: false, memberId: 'dev_hostile' }, 'input.invalid'],
  ];
  for (const [why, input, code] of refused)
    expect([why, await codeOf('mallory', 'favorite', input)]).toEqual([why, code]);
  for (const [why, input] of [
    ['forged cursor', { cursor: 'not-a-cursor' }],
    ['10 KB cursor', { cursor: 'x'.repeat(10_240) }],
    ['limit 0', { limit: 0 }],
    ['limit 51', { limit: 51 }],
    ['limit as text', { limit: '5' }],
  ] as const)
    expect([why, await codeOf('hostile', 'favorites', input)]).toEqual([why, 'input.invalid']);
  // No caller (a timer, a Moments single-page visit): nobody to keep it for.
  for (const data of [{ action: 'favorite', productId: 'rice5kg', on: true }, { action: 'favorites' }]) {
    const { result } = await sdkFor(shop.emu).callFunction({ name: 'shop', data });
    expect(result).toMatchObject({ ok: false, error: { code: 'auth.required' } });
  }
  expect(await stored()).toEqual(before);
});

test(`a member keeps at most ${FAVORITES_MAX}: one more is refused, keeping one already kept is not`, async () => {
  const { openid } = (await ok('hoarder', 'session')).user;
  const at = new Date(0);
  const docs = Array.from({ length: FAVORITES_MAX - 1 }, (_, i) => ({
    _id: `${openid}:filler${i}`,
    memberId: openid,
    productId: `filler${i}`,
    at,
  }));
  for (let i = 0; i < docs.length; i += 100)
    await Promise.all(docs.slice(i, i + 100).map((data) => shop.db.collection('favorites').add({ data })));
  await keep('hoarder', 'puer357');
  const before = await stored();
  expect(await codeOf('hoarder', 'favorite', { productId: 'rice5kg', on: true })).toBe('favorite.too_many');
  expect(await keep('hoarder', 'puer357')).toEqual({ productId: 'puer357', favorited: true });
  expect(await stored()).toEqual(before);
  // Another member is not held by the hoarder's count; dropping one makes room.
  expect(await keep('fav2', 'rice5kg')).toEqual({ productId: 'rice5kg', favorited: true });
  await keep('hoarder', 'puer357', false);
  expect(await keep('hoarder', 'rice5kg')).toEqual({ productId: 'rice5kg', favorited: true });
});
