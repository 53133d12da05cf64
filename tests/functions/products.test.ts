// The owner's product desk through the emulator: saving products (every bound), photos only from our storage, stock
// adjustments with their ledger, on/off sale; non-owners refused on every owner action; orders keep what they were
// priced with; an adjustment racing 100 orders reconciles exactly (the kit's invariant: stock + held = ledger).
import { randomUUID } from 'node:crypto';
import {
  PRODUCT_DESCRIPTION_MAX,
  PRODUCT_PHOTOS_MAX,
  PRODUCT_SKUS_MAX,
  PRODUCT_TITLE_MAX,
  SKU_PRICE_MAX_FEN,
  STOCK_MAX,
  STOCK_REASON_MAX,
} from '../../cloudfunctions/contracts/shop';
import { sdkFor } from '../emulator/harness';
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

/** A photo in the shop's storage under products/ (what the editor uploads). */
async function uploadPhoto(name = `${randomUUID()}.png`): Promise<string> {
  const { fileID } = await sdkFor(shop.emu).uploadFile({
    cloudPath: `products/${name}`,
    fileContent: Buffer.from('\x89PNG fake bytes'),
  });
  return fileID as string;
}

let photo = '';
beforeAll(async () => {
  photo = await uploadPhoto();
});

const draft = (extra: Record<string, unknown> = {}) => ({
  requestId: randomUUID(),
  title: '手工红糖姜茶',
  description: '老姜和古法红糖，一盒 12 块',
  photos: [photo],
  skus: [
    { spec: '单盒', priceFen: 3900, initialStock: 20 },
    { spec: '三盒装', priceFen: 9900, initialStock: 5 },
  ],
  commissionRateBp: null,
  ...extra,
});

/** Everything a desk action could change. */
async function deskState() {
  const byId = (a: any, b: any) => (a._id < b._id ? -1 : 1);
  const [products, ledger, settings] = await Promise.all([
    shop.all('products'),
    shop.all('stock_ledger'),
    shop.all('settings'),
  ]);
  return { products: products.sort(byId), ledger: ledger.sort(byId), settings };
}

const buy = (productId: string, skuId: string, qty = 1) => ({ items: [{ productId, skuId, qty }] });

test(
  'the owner creates a product with two SKUs and a photo: on sale at the top of the catalogue, ' +
    'stock in the ledger; a replay creates nothing more',
  async () => {
    const input = draft({ status: 'on_sale' });
    const { product } = await ok(OWNER, 'saveProduct', input);
    expect(product).toMatchObject({
      title: '手工红糖姜茶',
      status: 'on_sale',
      commissionRateBp: null,
      photos: [{ fileId: photo, url: expect.stringContaining('/products/') }],
      skus: [
        { spec: '单盒', priceFen: 3900, stock: 20 },
        { spec: '三盒装', priceFen: 9900, stock: 5 },
      ],
    });
    const first = (await ok('bob', 'listProducts', { limit: 1 })).items[0];
    expect(first).toMatchObject({ id: product.id, title: '手工红糖姜茶', priceFen: 3900, soldOut: false });
    // The grid asks storage for a thumbnail, not the photo itself.
    expect(first.image).toMatch(/[?&]imageMogr2\/thumbnail\/!360x360r$/);

    const ledger = (await ok(OWNER, 'stockLedger', { productId: product.id })).items;
    expect(ledger.map((e: any) => [e.spec, e.delta, e.stockAfter, e.reason, e.by]).sort()).toEqual([
      ['三盒装', 5, 5, '新建规格', expect.any(String)],
      ['单盒', 20, 20, '新建规格', expect.any(String)],
    ]);

    const before = await deskState();
    expect((await ok(OWNER, 'saveProduct', input)).product.id).toBe(product.id);
    expect(await codeOf(OWNER, 'saveProduct', { ...input, title: '另一个标题' })).toBe('product.request_conflict');
    expect(await deskState()).toEqual(before);
  },
);

test('every bound of a product: the edges are taken, one past them is refused and changes nothing', async () => {
  const nine = await Promise.all(Array.from({ length: PRODUCT_PHOTOS_MAX }, () => uploadPhoto()));
  const skusOf = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ spec: `规格${i + 1}`, priceFen: 100, initialStock: 1 }));
  const refused: Array<[string, Record<string, unknown>, string]> = [
    ['empty title', { title: '  ' }, 'input.invalid'],
    ['title too long', { title: '字'.repeat(PRODUCT_TITLE_MAX + 1) }, 'input.invalid'],
    ['description too long', { description: '字'.repeat(PRODUCT_DESCRIPTION_MAX + 1) }, 'input.invalid'],
    ['no photo', { photos: [] }, 'input.invalid'],
    ['ten photos', { photos: [...nine, photo] }, 'input.invalid'],
    ['a photo from elsewhere', { photos: ['https://evil.example.com/a.png'] }, 'input.invalid'],
    ['a review photo', { photos: [photo.replace('/products/', '/reviews/')] }, 'input.invalid'],
    ['a photo never uploaded', { photos: [photo.replace(/[^/]+$/, 'never-uploaded.png')] }, 'product.photo_missing'],
    ['no SKU', { skus: [] }, 'input.invalid'],
    ['51 SKUs', { skus: skusOf(PRODUCT_SKUS_MAX + 1) }, 'input.invalid'],
    ['price 0', { skus: [{ spec: 'a', priceFen: 0 }] }, 'input.invalid'],
    ['negative price', { skus: [{ spec: 'a', priceFen: -100 }] }, 'input.invalid'],
    ['price in yuan', { skus: [{ spec: 'a', priceFen: 12.9 }] }, 'input.invalid'],
    ['price as text', { skus: [{ spec: 'a', priceFen: '1290' }] }, 'input.invalid'],
    ['price too high', { skus: [{ spec: 'a', priceFen: SKU_PRICE_MAX_FEN + 1 }] }, 'input.invalid'],
    ['negative stock', { skus: [{ spec: 'a', priceFen: 100, initialStock: -1 }] }, 'input.invalid'],
    ['fractional stock', { skus: [{ spec: 'a', priceFen: 100, initialStock: 1.5 }] }, 'input.invalid'],
    ['stock too high', { skus: [{ spec: 'a', priceFen: 100, initialStock: STOCK_MAX + 1 }] }, 'input.invalid'],
    ['empty spec', { skus: [{ spec: ' ', priceFen: 100 }] }, 'input.invalid'],
    [
      'the same spec twice',
      {
        skus: [
          { spec: 'a', priceFen: 100 },
          { spec: 'a', priceFen: 200 },
        ],
      },
      'product.sku_duplicate',
    ],
    ['commission over 50%', { commissionRateBp: 5001 }, 'input.invalid'],
    ['negative commission', { commissionRateBp: -1 }, 'input.invalid'],
    ['a field we do not know', { ownerId: 'someone' }, 'input.invalid'],
    ['a missing request id', { requestId: undefined }, 'input.invalid'],
  ];
  const before = await deskState();
  for (const [why, change, code] of refused)
    expect([why, await codeOf(OWNER, 'saveProduct', draft(change))]).toEqual([why, code]);
  expect(await deskState()).toEqual(before);

  const edges = await ok(
    OWNER,
    'saveProduct',
    draft({
      title: '字'.repeat(PRODUCT_TITLE_MAX),
      description: '字'.repeat(PRODUCT_DESCRIPTION_MAX),
      photos: nine,
      skus: skusOf(PRODUCT_SKUS_MAX),
      commissionRateBp: 5000,
    }),
  );
  expect(edges.product.skus).toHaveLength(PRODUCT_SKUS_MAX);
  expect(edges.product.photos).toHaveLength(PRODUCT_PHOTOS_MAX);
  const low = await ok(
    OWNER,
    'saveProduct',
    draft({
      title: '字',
      skus: [
        { spec: 'a', priceFen: 1, initialStock: 0 },
        { spec: 'b', priceFen: SKU_PRICE_MAX_FEN, initialStock: STOCK_MAX },
      ],
      commissionRateBp: 0,
    }),
  );
  expect(low.product.skus.map((s: any) => [s.priceFen, s.stock])).toEqual([
    [1, 0],
    [SKU_PRICE_MAX_FEN, STOCK_MAX],
  ]);
  expect(low.product.commissionRateBp).toBe(0);
});

test(
  'editing: SKUs keep their ids and stock, a removed SKU is no longer sold, ' +
    'stock of an existing SKU changes only by adjustment',
  async () => {
    const { product } = await ok(OWNER, 'saveProduct', draft({ status: 'on_sale' }));
    const [single, triple] = product.skus;
    const before = await deskState();
    const edit = (skus: unknown[]) => ({
      id: product.id,
      requestId: randomUUID(),
      title: product.title,
      description: '',
      photos: [photo],
      skus,
      commissionRateBp: 800,
    });
    expect(
      await codeOf(OWNER, 'saveProduct', edit([{ id: single.id, spec: '单盒', priceFen: 3900, initialStock: 99 }])),
    ).toBe('product.stock_by_adjustment');
    expect(await codeOf(OWNER, 'saveProduct', edit([{ id: 'nosuchsku', spec: '单盒', priceFen: 3900 }]))).toBe(
      'product.sku_unknown',
    );
    expect(
      await codeOf(OWNER, 'saveProduct', {
        ...edit([{ id: single.id, spec: '单盒', priceFen: 3900 }]),
        status: 'off_sale',
      }),
    ).toBe('input.invalid');
    expect(
      await codeOf(OWNER, 'saveProduct', {
        ...edit([{ id: single.id, spec: '单盒', priceFen: 3900 }]),
        id: 'nosuchproduct',
      }),
    ).toBe('product.not_found');
    expect(await deskState()).toEqual(before);

    const edited = (
      await ok(
        OWNER,
        'saveProduct',
        edit([
          { id: single.id, spec: '单盒（新包装）', priceFen: 4200 },
          { spec: '六盒装', priceFen: 18000, initialStock: 3 },
        ]),
      )
    ).product;
    expect(edited.skus).toEqual([
      { id: single.id, spec: '单盒（新包装）', priceFen: 4200, stock: 20 },
      { id: expect.any(String), spec: '六盒装', priceFen: 18000, stock: 3 },
    ]);
    expect(edited.commissionRateBp).toBe(800);
    // The removed SKU: gone from the page, refused at checkout; its stock stays where it was.
    const page = (await ok('bob', 'getProduct', { id: product.id })).product;
    expect(page.skus.map((s: any) => s.spec)).toEqual(['单盒（新包装）', '六盒装']);
    expect(await shop.refused('bob', 'quote', buy(product.id, triple.id))).toBe('order.sku_unavailable');
    expect(await shop.stock(product.id, triple.id)).toBe(5);
    // Back to the shop default.
    expect(
      (
        await ok(OWNER, 'saveProduct', {
          ...edit([{ id: single.id, spec: '单盒', priceFen: 4200 }]),
          commissionRateBp: null,
        })
      ).product.commissionRateBp,
    ).toBeNull();
  },
);

test(
  'a price change never changes an existing order: ' +
    'placed and paid orders keep their amounts, new ones pay the new price',
  async () => {
    const { product } = await ok(OWNER, 'saveProduct', draft({ status: 'on_sale' }));
    const sku = product.skus[0];
    const pending = await shop.placed('bob', [{ productId: product.id, skuId: sku.id, qty: 2 }]);
    const paid = await shop.paid('carol', [{ productId: product.id, skuId: sku.id, qty: 1 }]);
    await ok(OWNER, 'saveProduct', {
      id: product.id,
      requestId: randomUUID(),
      title: '手工红糖姜茶（涨价）',
      description: '',
      photos: [photo],
      skus: [
        { id: sku.id, spec: '单盒', priceFen: 5900 },
        { id: product.skus[1].id, spec: '三盒装', priceFen: 9900 },
      ],
      commissionRateBp: null,
    });

    const pendingNow = await shop.get('bob', pending.id);
    expect(pendingNow.amounts).toEqual(pending.amounts);
    expect(pendingNow.items[0]).toMatchObject({ title: '手工红糖姜茶', priceFen: 3900, lineFen: 7800 });
    expect((await shop.get('carol', paid.id)).amounts).toEqual(paid.amounts);
    // Paying the older pending order charges what it was placed at.
    const { outTradeNo } = await shop.startPay('bob', pending.id);
    expect((await shop.payments()).payments.find((p) => p.outTradeNo === outTradeNo)).toMatchObject({
      totalFee: pending.amounts.payableFen,
    });
    expect((await shop.ok('dora', 'quote', buy(product.id, sku.id))).amounts.goodsFen).toBe(5900);
  },
);

test(
  'off sale: not listed, cannot be ordered, still shown to whoever holds a link or a past order, ' +
    'with 已下架; on sale again it sells',
  async () => {
    const { product } = await ok(OWNER, 'saveProduct', draft({ status: 'on_sale' }));
    const sku = product.skus[0];
    const past = await shop.completed('bob', [{ productId: product.id, skuId: sku.id, qty: 1 }]);
    expect((await shop.get('bob', past.id)).items[0].offSale).toBeUndefined();

    expect(await ok(OWNER, 'setSaleStatus', { productId: product.id, status: 'off_sale' })).toEqual({
      id: product.id,
      status: 'off_sale',
    });
    const listed = await ok('bob', 'listProducts', { limit: 50 });
    expect(listed.items.map((p: any) => p.id)).not.toContain(product.id);
    expect((await ok('bob', 'getProduct', { id: product.id })).product).toMatchObject({
      id: product.id,
      status: 'off_sale',
      title: '手工红糖姜茶',
    });
    const before = await shop.state();
    expect(
      await shop.refused('carol', 'create', {
        requestId: randomUUID(),
        ...buy(product.id, sku.id),
        address: { name: '李四', phone: '13900139000', region: '北京市', detail: '1 号' },
      }),
    ).toBe('order.sku_unavailable');
    expect(await shop.state()).toEqual(before);
    // The past order and its detail still show the line, marked; the owner's view says so too.
    const detail = await shop.get('bob', past.id);
    expect(detail.items[0]).toMatchObject({
      productId: product.id,
      title: '手工红糖姜茶',
      spec: '单盒',
      offSale: true,
    });
    expect((await shop.ok(OWNER, 'ownerGet', { orderId: past.id })).order.items[0].offSale).toBe(true);
    expect((await shop.ok('bob', 'list', {})).items.map((o: any) => o.id)).toContain(past.id);
    // The owner still finds it under 已下架.
    expect((await ok(OWNER, 'ownerProducts', { filter: 'off_sale' })).items.map((p: any) => p.id)).toContain(
      product.id,
    );
    expect((await ok(OWNER, 'ownerProducts', { filter: 'on_sale' })).items.map((p: any) => p.id)).not.toContain(
      product.id,
    );

    await ok(OWNER, 'setSaleStatus', { productId: product.id, status: 'on_sale' });
    expect((await shop.placed('carol', [{ productId: product.id, skuId: sku.id, qty: 1 }])).status).toBe(
      'pending_payment',
    );
    expect(await codeOf(OWNER, 'setSaleStatus', { productId: 'nosuchproduct', status: 'off_sale' })).toBe(
      'product.not_found',
    );
  },
);

test(
  'stock adjustments: with a reason, never below zero, once per request, ' + 'in the ledger with who and what was left',
  async () => {
    const { product } = await ok(OWNER, 'saveProduct', draft({ status: 'on_sale' }));
    const sku = product.skus[1]; // 5 units
    const adjust = (delta: unknown, reason: unknown = '盘点修正', requestId = randomUUID()) => ({
      productId: product.id,
      skuId: sku.id,
      requestId,
      delta,
      reason,
    });
    const before = await deskState();
    for (const [why, input, code] of [
      ['zero', adjust(0), 'input.invalid'],
      ['fraction', adjust(1.5), 'input.invalid'],
      ['text', adjust('5'), 'input.invalid'],
      ['too many', adjust(STOCK_MAX + 1), 'input.invalid'],
      ['no reason', adjust(1, '  '), 'input.invalid'],
      ['reason too long', adjust(1, '字'.repeat(STOCK_REASON_MAX + 1)), 'input.invalid'],
      ['below zero', adjust(-6), 'stock.below_zero'],
      ['unknown SKU', { ...adjust(1), skuId: 'nosuchsku' }, 'product.sku_unknown'],
      ['unknown product', { ...adjust(1), productId: 'nosuchproduct' }, 'product.not_found'],
    ] as const) {
      expect([why, await codeOf(OWNER, 'setStock', input)]).toEqual([why, code]);
    }
    expect(await deskState()).toEqual(before);

    const arrival = adjust(12, '到货入库');
    const added = await ok(OWNER, 'setStock', arrival);
    expect(added.sku).toMatchObject({ id: sku.id, stock: 17 });
    expect(added.entry).toMatchObject({ spec: '三盒装', delta: 12, stockAfter: 17, reason: '到货入库' });
    // The same request again (a retried tap) changes nothing; other content under its id is refused.
    expect((await ok(OWNER, 'setStock', arrival)).entry.id).toBe(added.entry.id);
    expect(await codeOf(OWNER, 'setStock', { ...arrival, delta: 13 })).toBe('product.request_conflict');
    expect(await shop.stock(product.id, sku.id)).toBe(17);
    expect((await ok(OWNER, 'setStock', adjust(-17, '损耗报废'))).sku.stock).toBe(0);
    expect(await codeOf(OWNER, 'setStock', adjust(-1))).toBe('stock.below_zero');
    expect(
      (await ok(OWNER, 'ownerProducts', { filter: 'all', query: '红糖' })).items.find((p: any) => p.id === product.id),
    ).toMatchObject({ stock: 20, soldOut: false });

    const page1 = await ok(OWNER, 'stockLedger', { productId: product.id, limit: 2 });
    expect(page1.items.map((e: any) => [e.delta, e.reason])).toEqual([
      [-17, '损耗报废'],
      [12, '到货入库'],
    ]);
    const page2 = await ok(OWNER, 'stockLedger', { productId: product.id, limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((e: any) => e.reason)).toEqual(['新建规格', '新建规格']);
    expect(page2.nextCursor).toBeNull();
    expect(page1.items[0].by).toBe((await call(OWNER, 'session')).data.user.nickname);
  },
);

test('non-owners are refused on every owner action and change nothing', async () => {
  const { product } = await ok(OWNER, 'saveProduct', draft());
  const sku = product.skus[0];
  const attempts: Array<[string, Record<string, unknown>]> = [
    ['ownerProducts', {}],
    ['ownerProduct', { id: product.id }],
    ['saveProduct', draft()],
    ['saveProduct', { ...draft(), id: product.id, skus: [{ id: sku.id, spec: '单盒', priceFen: 1 }] }],
    ['setStock', { productId: product.id, skuId: sku.id, requestId: randomUUID(), delta: 100, reason: '我自己加的' }],
    ['setSaleStatus', { productId: product.id, status: 'on_sale' }],
    ['stockLedger', { productId: product.id }],
    ['settings', {}],
    ['updateSettings', { shopName: '被改了' }],
    ['updateSettings', { rules: { shippingFeeFen: 0 } }],
  ];
  const before = await deskState();
  for (const [action, input] of attempts)
    expect([action, await codeOf('mallory', action, input)]).toEqual([action, 'auth.not_owner']);
  expect(await deskState()).toEqual(before);
});

test('the shop logo: a file of ours under shop/, shown in the settings', async () => {
  const { fileID } = await sdkFor(shop.emu).uploadFile({
    cloudPath: `shop/logo-${randomUUID()}.png`,
    fileContent: Buffer.from('\x89PNG logo'),
  });
  const before = await deskState();
  expect(await codeOf(OWNER, 'updateSettings', { logo: photo })).toBe('input.invalid');
  expect(await codeOf(OWNER, 'updateSettings', { logo: (fileID as string).replace(/[^/]+$/, 'missing.png') })).toBe(
    'upload.failed',
  );
  expect(await deskState()).toEqual(before);
  const settings = await ok(OWNER, 'updateSettings', { logo: fileID });
  expect(settings.logo).toEqual({ fileId: fileID, url: expect.stringContaining('/shop/logo-') });
  expect((await ok(OWNER, 'settings')).logo.fileId).toBe(fileID);
  // Buyers see the name and the logo (a thumbnail) with the first page of the catalogue, not with the others.
  await ok(OWNER, 'updateSettings', { shopName: '小满的店' });
  try {
    const first = await ok('bob', 'listProducts', { limit: 2 });
    expect(first.shop).toEqual({
      name: '小满的店',
      logo: expect.stringMatching(/\/shop\/logo-.*imageMogr2\/thumbnail/),
    });
    expect((await ok('bob', 'listProducts', { limit: 2, cursor: first.nextCursor })).shop).toBeUndefined();
  } finally {
    await ok(OWNER, 'updateSettings', { shopName: '友荐小店' });
  }
});

test('adjustment racing 100 orders: stock never negative, no unit lost, every ledger entry matches stock', async () => {
  const { product } = await ok(
    OWNER,
    'saveProduct',
    draft({ status: 'on_sale', skus: [{ spec: '限量', priceFen: 1000, initialStock: 60 }] }),
  );
  const sku = product.skus[0];
  const orders = Array.from({ length: 100 }, (_, i) =>
    shop.create(`racer${i}`, [{ productId: product.id, skuId: sku.id, qty: 1 }]),
  );
  const adjustments = [
    call(OWNER, 'setStock', {
      productId: product.id,
      skuId: sku.id,
      requestId: randomUUID(),
      delta: 30,
      reason: '到货入库',
    }),
    call(OWNER, 'setStock', {
      productId: product.id,
      skuId: sku.id,
      requestId: randomUUID(),
      delta: -10,
      reason: '损耗报废',
    }),
  ];
  const [placed, adjusted] = await Promise.all([Promise.all(orders), Promise.all(adjustments)]);

  const refusals = placed.filter((o) => !o.ok).map((o: any) => o.error.code);
  expect(new Set(refusals)).toEqual(new Set(refusals.length ? ['order.stock_insufficient'] : []));
  for (const a of adjusted) if (!a.ok) expect(['stock.below_zero', 'stock.busy']).toContain(a.error.code);
  const applied = adjusted.filter((a) => a.ok).map((a: any) => a.data.entry.delta);
  const ledger = await shop.all('stock_ledger');
  const entries = ledger.filter((e) => e.productId === product.id);
  // Only the adjustments that answered ok are in the ledger, beside the initial 60.
  expect(entries.map((e) => e.delta).sort()).toEqual([60, ...applied].sort());
  const sold = placed.filter((o) => o.ok).length;
  const stock = await shop.stock(product.id, sku.id);
  expect(stock).toBeGreaterThanOrEqual(0);
  expect(stock + sold).toBe(60 + applied.reduce((a, b) => a + b, 0));
}, 120_000);

describe('searching the catalogue (listProducts q)', () => {
  test('words in a title or a SKU spec, case-insensitive, literal; paged like the catalogue', async () => {
    await shop.makeProduct('srch1', [{ stock: 5 }], { title: 'Blue Porcelain MUG (large)', sort: 100 });
    await shop.makeProduct('srch2', [{ stock: 5 }], { title: '手绘茶杯', sort: 101 });
    await shop.db
      .collection('products')
      .doc('srch2')
      .update({ data: { 'skus.0.spec': 'blue mug 套装' } });
    await shop.makeProduct('srch3', [{ stock: 5 }], { title: 'Blue mug, off sale', sort: 102, status: 'off_sale' });
    await shop.makeProduct('srch4', [{ stock: 5 }], { title: 'Price 3.5* deal', sort: 103 });
    const ids = async (q: string, limit = 10) =>
      (await ok('bob', 'listProducts', { q, limit })).items.map((p: any) => p.id);
    expect(await ids('BLUE MUG')).toEqual(['srch2']);
    expect(await ids('blue')).toEqual(['srch1', 'srch2']);
    expect(await ids('  mug (LARGE)  ')).toEqual(['srch1']);
    // Special characters are plain ones: `.*` matches only a title with a dot and a star in a row, `3.5*` only itself.
    expect(await ids('.*')).toEqual([]);
    expect(await ids('3.5*')).toEqual(['srch4']);
    expect(await ids('(')).toEqual(['srch1']);
    for (const q of ['\\', '[', '$where', '^', 'a|b', '{1}', ')(']) expect([q, await ids(q)]).toEqual([q, []]);
    // Paged: two matches one at a time.
    const first = await ok('bob', 'listProducts', { q: 'blue', limit: 1 });
    expect(first.items.map((p: any) => p.id)).toEqual(['srch1']);
    const second = await ok('bob', 'listProducts', { q: 'blue', limit: 1, cursor: first.nextCursor });
    expect(second.items.map((p: any) => p.id)).toEqual(['srch2']);
    expect(second.nextCursor).toBeNull();
  });

  test('an empty, blank, too long or non-text search is refused as input.invalid', async () => {
    for (const q of ['', '   ', 'x'.repeat(31), 'x'.repeat(10_240), 5, { $regex: '.*' }, ['blue']]) {
      expect(await codeOf('bob', 'listProducts', { q })).toBe('input.invalid');
    }
    expect(await codeOf('bob', 'listProducts', { q: 'x'.repeat(30) })).toBe('ok');
  });
});
