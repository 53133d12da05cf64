// Categories through the emulator: the owner creates, renames, re-sorts and removes them (every bound, unique names,
// the shop's cap); members list them in the owner's order without the owner's figures; products name theirs
// (unknown ids refused, nothing saved); listProducts by category (with a search, paged, served by the index); a
// removed category leaves its products in the shop, and a remove cut short shows nothing of it.
import { randomUUID } from 'node:crypto';
import { CATEGORIES_MAX, CATEGORY_NAME_BOUNDS, CATEGORY_SORT_MAX } from '../../cloudfunctions/contracts/limits';
import { get, post, sdkFor } from '../emulator/harness';
import { OWNER, useShop } from './order-kit';

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

async function uploadPhoto(): Promise<string> {
  const { fileID } = await sdkFor(shop.emu).uploadFile({
    cloudPath: `products/${randomUUID()}.png`,
    fileContent: Buffer.from('\x89PNG fake bytes'),
  });
  return fileID as string;
}

let photo = '';
beforeAll(async () => {
  photo = await uploadPhoto();
});

const byId = (a: any, b: any) => (a._id < b._id ? -1 : 1);
/** Everything a category action could change. */
async function catalogue() {
  const [categories, products] = await Promise.all([shop.all('categories'), shop.all('products')]);
  return { categories: categories.sort(byId), products: products.sort(byId) };
}

const newCategory = async (name: string, sort = 0, extra: Record<string, unknown> = {}) =>
  (await ok(OWNER, 'saveCategory', { name, sort, ...extra })).category;
const removeAll = async () => {
  for (const c of (await ok(OWNER, 'categories')).items) await ok(OWNER, 'removeCategory', { id: c.id });
};
// The demo seed's categories go first (through the owner's action): each test starts from a shop with none.
beforeAll(removeAll);
afterEach(removeAll);

const draft = (extra: Record<string, unknown> = {}) => ({
  requestId: randomUUID(),
  title: '手工红糖姜茶',
  description: '',
  photos: [photo],
  skus: [{ spec: '单盒', priceFen: 3900, initialStock: 20 }],
  commissionRateBp: null,
  status: 'on_sale',
  ...extra,
});

test("categories in the owner's order (sort, then name); members see no owner figures, owners see counts", async () => {
  const tea = await newCategory('茶叶', 2, { image: photo });
  const fruit = await newCategory('水果', 1);
  const rice = await newCategory('米面粮油', 2);
  expect(tea).toMatchObject({ name: '茶叶', sort: 2, image: expect.stringContaining('/products/'), products: 0 });
  await ok(OWNER, 'saveProduct', draft({ categoryIds: [tea.id, fruit.id] }));
  await ok(OWNER, 'saveProduct', draft({ categoryIds: [tea.id], status: 'off_sale' }));

  const seen = (await ok('bob', 'categories')).items;
  // 水果 (sort 1) first; 米面粮油 and 茶叶 share sort 2 and go by name.
  const sameSort = [rice, tea].sort((a, b) => (a.name < b.name ? -1 : 1)).map((c) => c.id);
  expect(seen.map((c: any) => c.id)).toEqual([fruit.id, ...sameSort]);
  expect(seen.find((c: any) => c.id === tea.id)).toEqual({
    id: tea.id,
    name: '茶叶',
    sort: 2,
    image: expect.stringMatching(/\/products\/.*imageMogr2\/thumbnail/),
  });
  for (const c of seen) expect(c).not.toHaveProperty('products');
  const owners = (await ok(OWNER, 'categories')).items;
  expect(Object.fromEntries(owners.map((c: any) => [c.id, c.products]))).toEqual({
    [tea.id]: 2,
    [fruit.id]: 1,
    [rice.id]: 0,
  });
  expect(owners.find((c: any) => c.id === tea.id).imageFileId).toBe(photo);

  // Renamed and re-sorted, the picture kept; then the picture dropped (null).
  const renamed = (await ok(OWNER, 'saveCategory', { id: tea.id, name: '好茶', sort: 0 })).category;
  expect(renamed).toEqual({
    id: tea.id,
    name: '好茶',
    sort: 0,
    products: 2,
    image: expect.stringContaining('/products/'),
    imageFileId: photo,
  });
  expect((await ok(OWNER, 'saveCategory', { id: tea.id, name: '好茶', sort: 0, image: null })).category).toEqual({
    id: tea.id,
    name: '好茶',
    sort: 0,
    products: 2,
  });
  expect((await ok('bob', 'categories')).items[0]).toEqual({ id: tea.id, name: '好茶', sort: 0 });
});

test('every bound of a category and hostile input: refused with a code, nothing changes', async () => {
  const tea = await newCategory('茶叶');
  await newCategory('水果');
  const refused: Array<[string, Record<string, unknown>, string]> = [
    ['blank name', { name: '   ', sort: 0 }, 'input.invalid'],
    ['name too long', { name: '字'.repeat(CATEGORY_NAME_BOUNDS.max + 1), sort: 0 }, 'input.invalid'],
    ['10 KB name', { name: 'x'.repeat(10_240), sort: 0 }, 'input.invalid'],
    ['name not text', { name: 5, sort: 0 }, 'input.invalid'],
    ['name an operator', { name: { $ne: null }, sort: 0 }, 'input.invalid'],
    ['sort as text', { name: '干货', sort: '1' }, 'input.invalid'],
    ['negative sort', { name: '干货', sort: -1 }, 'input.invalid'],
    ['fractional sort', { name: '干货', sort: 1.5 }, 'input.invalid'],
    ['sort too high', { name: '干货', sort: CATEGORY_SORT_MAX + 1 }, 'input.invalid'],
    ['no sort', { name: '干货' }, 'input.invalid'],
    ['a field we do not know', { name: '干货', sort: 0, products: 99 }, 'input.invalid'],
    ['a picture from elsewhere', { name: '干货', sort: 0, image: 'https://evil.example.com/a.png' }, 'input.invalid'],
    [
      'a picture never uploaded',
      { name: '干货', sort: 0, image: photo.replace(/[^/]+$/, 'none.png') },
      'product.photo_missing',
    ],
    ['the name of another', { name: '水果', sort: 3 }, 'category.name_taken'],
    ['renamed to the name of another', { id: tea.id, name: '水果', sort: 0 }, 'category.name_taken'],
    ['an unknown id', { id: 'nosuchcat', name: '干货', sort: 0 }, 'category.not_found'],
    ['an id with regex characters', { id: '.*', name: '干货', sort: 0 }, 'input.invalid'],
    ['a 10 KB id', { id: 'x'.repeat(10_240), name: '干货', sort: 0 }, 'input.invalid'],
  ];
  const before = await catalogue();
  for (const [why, input, code] of refused)
    expect([why, await codeOf(OWNER, 'saveCategory', input)]).toEqual([why, code]);
  for (const [why, input, code] of [
    ['unknown', { id: 'nosuchcat' }, 'category.not_found'],
    ['operator', { id: { $ne: null } }, 'input.invalid'],
    ['no id', {}, 'input.invalid'],
  ] as const)
    expect([why, await codeOf(OWNER, 'removeCategory', input)]).toEqual([why, code]);
  expect(await catalogue()).toEqual(before);
  // The edges are taken; the same name again with its own id is no clash.
  const edge = await newCategory('字'.repeat(CATEGORY_NAME_BOUNDS.max), CATEGORY_SORT_MAX);
  expect(edge.name).toHaveLength(CATEGORY_NAME_BOUNDS.max);
  expect((await ok(OWNER, 'saveCategory', { id: tea.id, name: '茶叶', sort: 5 })).category.sort).toBe(5);
});

test('members are refused on saveCategory and removeCategory and change nothing', async () => {
  const tea = await newCategory('茶叶');
  const before = await catalogue();
  for (const [action, input] of [
    ['saveCategory', { name: '我的分类', sort: 0 }],
    ['saveCategory', { id: tea.id, name: '改名', sort: 0 }],
    ['removeCategory', { id: tea.id }],
  ] as const)
    expect([action, await codeOf('mallory', action, input)]).toEqual([action, 'auth.not_owner']);
  expect(await catalogue()).toEqual(before);
});

test(`at most ${CATEGORIES_MAX} categories: one more is refused`, async () => {
  const at = new Date();
  const fillers = Array.from({ length: CATEGORIES_MAX - 1 }, (_, i) => ({
    _id: `filler${i}`,
    name: `分类${i}`,
    sort: 100 + i,
    createdAt: at,
    updatedAt: at,
  }));
  for (const f of fillers) await shop.db.collection('categories').add({ data: f });
  await newCategory('最后一个');
  const before = await catalogue();
  expect(await codeOf(OWNER, 'saveCategory', { name: '再多一个', sort: 0 })).toBe('category.too_many');
  expect(await catalogue()).toEqual(before);
  expect((await ok('bob', 'categories')).items).toHaveLength(CATEGORIES_MAX);
});

test('a product names its categories: unknown ids refused, nothing saved; an edit without them keeps', async () => {
  const tea = await newCategory('茶叶');
  const gift = await newCategory('礼盒');
  const before = await catalogue();
  for (const [why, categoryIds, code] of [
    ['unknown', [tea.id, 'nosuchcat'], 'category.not_found'],
    ['twice', [tea.id, tea.id], 'input.invalid'],
    ['too many', ['a', 'b', 'c', 'd', 'e', 'f'], 'input.invalid'],
    ['not text', [5], 'input.invalid'],
    ['regex', ['.*'], 'input.invalid'],
    ['not a list', tea.id, 'input.invalid'],
  ] as const)
    expect([why, await codeOf(OWNER, 'saveProduct', draft({ categoryIds }))]).toEqual([why, code]);
  expect(await catalogue()).toEqual(before);

  const { product } = await ok(OWNER, 'saveProduct', draft({ categoryIds: [tea.id, gift.id] }));
  expect(product.categoryIds).toEqual([tea.id, gift.id]);
  expect((await ok(OWNER, 'ownerProduct', { id: product.id })).categoryIds).toEqual([tea.id, gift.id]);
  expect((await ok('bob', 'getProduct', { id: product.id })).product.categoryIds).toEqual([tea.id, gift.id]);
  const edit = (extra: Record<string, unknown>) =>
    draft({
      id: product.id,
      status: undefined,
      skus: [{ id: product.skus[0].id, spec: '单盒', priceFen: 3900 }],
      ...extra,
    });
  // Left out: unchanged; an unknown id in an edit: refused, unchanged; an empty list: none.
  expect((await ok(OWNER, 'saveProduct', edit({ title: '新标题' }))).product.categoryIds).toEqual([tea.id, gift.id]);
  expect(await codeOf(OWNER, 'saveProduct', edit({ categoryIds: ['nosuchcat'] }))).toBe('category.not_found');
  expect((await ok(OWNER, 'ownerProduct', { id: product.id })).categoryIds).toEqual([tea.id, gift.id]);
  expect((await ok(OWNER, 'saveProduct', edit({ categoryIds: [gift.id] }))).product.categoryIds).toEqual([gift.id]);
  expect((await ok(OWNER, 'saveProduct', edit({ categoryIds: [] }))).product.categoryIds).toEqual([]);
  // A product from before categories (no field) has none.
  await shop.db
    .collection('products')
    .doc('puer357')
    .update({ data: { categoryIds: shop.db.command.remove() } });
  expect((await ok('bob', 'getProduct', { id: 'puer357' })).product.categoryIds).toEqual([]);
});

test('listProducts by category: on-sale products only, with a search, paged, read through the index', async () => {
  const tea = await newCategory('茶叶');
  const other = await newCategory('其他');
  const save = async (title: string, categoryIds: string[], status = 'on_sale') =>
    (await ok(OWNER, 'saveProduct', draft({ title, categoryIds, status }))).product.id;
  const green = await save('明前龙井 Green Tea', [tea.id]);
  const black = await save('正山小种 black tea', [tea.id, other.id]);
  await save('下架的绿茶 green', [tea.id], 'off_sale');
  const scarf = await save('绿色围巾 green', [other.id]);
  const oolong = await save('铁观音', [tea.id]);
  for (let i = 0; i < 10; i++) await save(`填充商品 ${i}`, []);

  const ids = async (input: Record<string, unknown>) =>
    (await ok('bob', 'listProducts', { limit: 50, ...input })).items.map((p: any) => p.id);
  // Newest first, as the catalogue orders them.
  expect(await ids({ categoryId: tea.id })).toEqual([oolong, black, green]);
  expect(await ids({ categoryId: tea.id, q: 'GREEN' })).toEqual([green]);
  expect(await ids({ categoryId: tea.id, q: ' TEA ' })).toEqual([black, green]);
  expect(await ids({ categoryId: other.id, q: 'green' })).toEqual([scarf]);
  expect(await ids({ categoryId: other.id, q: '龙井' })).toEqual([]);
  expect(await ids({ categoryId: 'nosuchcat' })).toEqual([]);
  // Regex characters in the search stay plain within a category too.
  for (const q of ['.*', '(', '\\', '$where', 'tea|龙井'])
    expect([q, await ids({ categoryId: tea.id, q })]).toEqual([q, []]);
  // Paged one at a time, with and without a search.
  const walk = async (input: Record<string, unknown>) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok('bob', 'listProducts', { ...input, limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p: any) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  };
  expect(await walk({ categoryId: tea.id })).toEqual([oolong, black, green]);
  expect(await walk({ categoryId: tea.id, q: 'tea' })).toEqual([black, green]);

  // The emulator reads only the category's products (its index), not the catalogue.
  const onSale = (await shop.all('products')).filter((p) => p.status === 'on_sale').length;
  await post(shop.emu, '/__dev/stats/reset', {});
  await ok('bob', 'listProducts', { categoryId: tea.id, cursor: undefined });
  const examined = (await get(shop.emu, '/__dev/stats')).json.docsExamined;
  expect(onSale).toBeGreaterThan(15);
  // 4 products name the category (one off sale), plus the settings and the category documents.
  expect(examined).toBeLessThanOrEqual(6);

  for (const categoryId of ['.*', '$where', '(', 'a\\b', 'x'.repeat(10_240), 5, { $ne: null }, ['x'], ''])
    expect([categoryId, await codeOf('bob', 'listProducts', { categoryId })]).toEqual([categoryId, 'input.invalid']);
});

test('removing a category keeps its products on sale, out of it; a remove cut short shows nothing', async () => {
  const tea = await newCategory('茶叶');
  const gift = await newCategory('礼盒');
  const { product } = await ok(OWNER, 'saveProduct', draft({ categoryIds: [tea.id, gift.id] }));
  const { product: only } = await ok(OWNER, 'saveProduct', draft({ title: '只在茶叶里', categoryIds: [tea.id] }));

  expect(await ok(OWNER, 'removeCategory', { id: tea.id })).toEqual({ id: tea.id });
  expect((await ok('bob', 'categories')).items.map((c: any) => c.id)).toEqual([gift.id]);
  for (const p of [product, only]) {
    const stored = (await shop.db.collection('products').doc(p.id).get()).data;
    expect(stored.status).toBe('on_sale');
    expect(stored.categoryIds).not.toContain(tea.id);
  }
  expect((await ok('bob', 'getProduct', { id: product.id })).product.categoryIds).toEqual([gift.id]);
  const listed = (await ok('bob', 'listProducts', { limit: 50 })).items.map((p: any) => p.id);
  expect(listed).toEqual(expect.arrayContaining([product.id, only.id]));
  expect((await ok('bob', 'listProducts', { categoryId: tea.id })).items).toEqual([]);
  expect(await codeOf(OWNER, 'removeCategory', { id: tea.id })).toBe('category.not_found');

  // Cut short: the category document went, its id stayed on a product (or a racing save put it back).
  await shop.db.collection('categories').doc(gift.id).remove();
  expect((await ok('bob', 'getProduct', { id: product.id })).product.categoryIds).toEqual([]);
  const editor = await ok(OWNER, 'ownerProduct', { id: product.id });
  expect(editor.categoryIds).toEqual([]);
  expect((await ok('bob', 'listProducts', { categoryId: gift.id })).items).toEqual([]);
  expect((await ok(OWNER, 'categories')).items).toEqual([]);
  // The editor saves what it was shown.
  const saved = await ok(
    OWNER,
    'saveProduct',
    draft({
      id: product.id,
      status: undefined,
      skus: [{ id: product.skus[0].id, spec: '单盒', priceFen: 3900 }],
      categoryIds: editor.categoryIds,
    }),
  );
  expect(saved.product.categoryIds).toEqual([]);
});
