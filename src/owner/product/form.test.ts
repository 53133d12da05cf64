import * as contract from '../../../cloudfunctions/contracts/shop';
import type { OwnerProductDetail } from '../../../cloudfunctions/contracts/shop';
import {
  buildSaveInput,
  DESCRIPTION_MAX,
  draftFromProduct,
  emptyDraft,
  keepsRequestId,
  moveToFront,
  parsePriceFen,
  parseStockChange,
  PHOTOS_MAX,
  PRICE_MAX_FEN,
  REASON_MAX,
  SKUS_MAX,
  SPEC_MAX,
  STOCK_LIMIT,
  stockAfter,
  TITLE_MAX,
  type ProductDraft,
  type SkuDraft,
} from './form';

const photo = { fileId: 'cloud://env.b/products/a.jpg', url: 'blob:a' };
const sku = (extra: Partial<SkuDraft>): SkuDraft => ({
  key: Math.random().toString(36),
  spec: '',
  price: '',
  initialStock: '',
  stock: 0,
  ...extra,
});
const draft = (extra: Partial<ProductDraft> = {}): ProductDraft => ({
  ...emptyDraft(),
  title: '秦岭土蜂蜜',
  photos: [photo],
  skus: [sku({ spec: '500g', price: '68' })],
  ...extra,
});
const meta = { requestId: 'req-12345678' };
const problem = (d: ProductDraft) => {
  const built = buildSaveInput(d, meta);
  return built.ok ? null : built.message;
};

it('holds the bounds the shop function checks', () => {
  expect([TITLE_MAX, DESCRIPTION_MAX, PHOTOS_MAX, SKUS_MAX, SPEC_MAX, PRICE_MAX_FEN, STOCK_LIMIT, REASON_MAX]).toEqual([
    contract.PRODUCT_TITLE_MAX,
    contract.PRODUCT_DESCRIPTION_MAX,
    contract.PRODUCT_PHOTOS_MAX,
    contract.PRODUCT_SKUS_MAX,
    contract.SKU_SPEC_MAX,
    contract.SKU_PRICE_MAX_FEN,
    contract.STOCK_MAX,
    contract.STOCK_REASON_MAX,
  ]);
});

describe('parsePriceFen: yuan as typed → integer fen', () => {
  it.each([
    ['12.9', 1290],
    ['12.90', 1290],
    ['0.01', 1],
    ['12', 1200],
    [' 12.5 ', 1250],
    ['0.1', 10],
    // Read digit by digit: 0.29 * 100 is 28.999999999999996 in floating point.
    ['0.29', 29],
    ['50000', 5_000_000],
  ])('%s → %i fen', (text, fen) => {
    expect(parsePriceFen(text)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['', '请填写价格'],
    ['   ', '请填写价格'],
    ['0', '价格需大于 0'],
    ['0.00', '价格需大于 0'],
    ['-3', '价格需大于 0'],
    ['12.999', '价格最多两位小数'],
    ['50000.01', '价格不能超过 ¥50,000.00'],
    ['abc', '价格请填数字，如 12.9'],
    ['1e3', '价格请填数字，如 12.9'],
    ['12,5', '价格请填数字，如 12.9'],
  ])('%j is refused: %s', (text, message) => {
    expect(parsePriceFen(text)).toEqual({ ok: false, message });
  });
});

describe('buildSaveInput', () => {
  it('sends the picked categories, at most CATEGORIES_PER_PRODUCT_MAX of them', () => {
    const built = buildSaveInput(draft({ categoryIds: ['c2', 'c1'] }), meta);
    expect(built.ok && built.value.categoryIds).toEqual(['c2', 'c1']);
    const none = buildSaveInput(draft(), meta);
    expect(none.ok && none.value.categoryIds).toEqual([]);
    const six = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    expect(problem(draft({ categoryIds: six }))).toBe('一件商品最多属于 5 个分类');
  });

  it('creates: trimmed text, fen prices, initial stock if given, photo fileIDs in order, default rate as null', () => {
    const built = buildSaveInput(
      draft({
        title: '  秦岭土蜂蜜 ',
        description: ' 农家自产 ',
        photos: [photo, { fileId: 'cloud://env.b/products/b.jpg', url: 'blob:b' }],
        skus: [sku({ spec: ' 500g ', price: '68', initialStock: '20' }), sku({ spec: '1kg', price: '120.5' })],
      }),
      { ...meta, status: 'on_sale' },
    );
    expect(built).toEqual({
      ok: true,
      value: {
        requestId: 'req-12345678',
        title: '秦岭土蜂蜜',
        description: '农家自产',
        photos: ['cloud://env.b/products/a.jpg', 'cloud://env.b/products/b.jpg'],
        skus: [
          { spec: '500g', priceFen: 6800, initialStock: 20 },
          { spec: '1kg', priceFen: 12050 },
        ],
        commissionRateBp: null,
        categoryIds: [],
        status: 'on_sale',
      },
    });
  });

  it('edits: sends the id, existing SKUs by id without stock, and no status (that goes through setSaleStatus)', () => {
    const built = buildSaveInput(
      draft({
        skus: [
          sku({ id: 's1', spec: '500g', price: '68.00', stock: 7 }),
          sku({ spec: '礼盒', price: '99', initialStock: '0' }),
        ],
      }),
      { ...meta, id: 'p1', status: 'on_sale' },
    );
    expect(built.ok && built.value).toEqual(
      expect.objectContaining({
        id: 'p1',
        skus: [
          { id: 's1', spec: '500g', priceFen: 6800 },
          { spec: '礼盒', priceFen: 9900, initialStock: 0 },
        ],
      }),
    );
    expect(built.ok && 'status' in built.value).toBe(false);
  });

  it("a product's own rate goes in basis points", () => {
    const built = buildSaveInput(draft({ useDefaultRate: false, rate: '7.5' }), meta);
    expect(built.ok && built.value.commissionRateBp).toBe(750);
    expect(problem(draft({ useDefaultRate: false, rate: '' }))).toBe('请输入佣金比例');
    expect(problem(draft({ useDefaultRate: false, rate: '51' }))).toBe('佣金比例不能超过 50%');
    expect(problem(draft({ useDefaultRate: false, rate: '1.234' }))).toBe('佣金比例最多两位小数');
  });

  it('leaves out a new row the owner typed nothing into, but not a half-filled one', () => {
    const built = buildSaveInput(draft({ skus: [sku({ spec: '500g', price: '68' }), sku({})] }), meta);
    expect(built.ok && built.value.skus).toEqual([{ spec: '500g', priceFen: 6800 }]);
    expect(problem(draft({ skus: [sku({ spec: '500g', price: '68' }), sku({ initialStock: '3' })] }))).toBe(
      '第 2 个规格：请填写规格名称',
    );
    expect(problem(draft({ skus: [sku({})] }))).toBe('请至少添加一个规格');
  });

  it('says what to fix first, naming the SKU row', () => {
    expect(problem(draft({ title: '   ' }))).toBe('请填写商品标题');
    expect(problem(draft({ title: 'x'.repeat(TITLE_MAX + 1) }))).toBe('商品标题最多 60 个字');
    expect(problem(draft({ description: 'x'.repeat(DESCRIPTION_MAX + 1) }))).toBe('商品描述最多 2000 个字');
    expect(problem(draft({ photos: [] }))).toBe('请至少添加一张商品图片');
    expect(problem(draft({ skus: [sku({ spec: 'a', price: '1' }), sku({ spec: 'b', price: '' })] }))).toBe(
      '第 2 个规格：请填写价格',
    );
    expect(problem(draft({ skus: [sku({ spec: 'a', price: '1.001' })] }))).toBe('第 1 个规格：价格最多两位小数');
    expect(problem(draft({ skus: [sku({ spec: 'x'.repeat(SPEC_MAX + 1), price: '1' })] }))).toBe(
      '第 1 个规格：规格名称最多 30 个字',
    );
    expect(problem(draft({ skus: [sku({ spec: '500g', price: '1' }), sku({ spec: ' 500g', price: '2' })] }))).toBe(
      '规格名称不能重复：「500g」',
    );
    expect(problem(draft({ skus: [sku({ spec: 'a', price: '1', initialStock: '1.5' })] }))).toBe(
      '第 1 个规格：初始库存请填 0-1000000 的整数',
    );
    expect(problem(draft({ skus: [sku({ spec: 'a', price: '1', initialStock: '1000001' })] }))).toBe(
      '第 1 个规格：初始库存不能超过 1000000',
    );
    const many = Array.from({ length: SKUS_MAX + 1 }, (_, i) => sku({ spec: `s${i}`, price: '1' }));
    expect(problem(draft({ skus: many }))).toBe('规格最多 50 个');
  });
});

it('draftFromProduct shows fen as yuan and a rate as percent; the default rate as the switch on', () => {
  const product: OwnerProductDetail = {
    id: 'p1',
    title: '蜂蜜',
    description: '',
    photos: [{ fileId: 'cloud://env.b/products/a.jpg', url: 'https://x/a.jpg' }],
    skus: [{ id: 's1', spec: '500g', priceFen: 1290, stock: 4 }],
    commissionRateBp: 725,
    defaultCommissionRateBp: 500,
    status: 'on_sale',
    categoryIds: ['c2', 'c1'],
  };
  expect(draftFromProduct(product)).toEqual({
    title: '蜂蜜',
    description: '',
    photos: [{ fileId: 'cloud://env.b/products/a.jpg', url: 'https://x/a.jpg' }],
    skus: [{ key: 's1', id: 's1', spec: '500g', price: '12.90', initialStock: '', stock: 4 }],
    useDefaultRate: false,
    rate: '7.25',
    categoryIds: ['c2', 'c1'],
  });
  expect(draftFromProduct({ ...product, commissionRateBp: null })).toEqual(
    expect.objectContaining({ useDefaultRate: true, rate: '' }),
  );
});

it('moveToFront makes a photo the cover and keeps the others in order', () => {
  expect(moveToFront(['a', 'b', 'c', 'd'], 2)).toEqual(['c', 'a', 'b', 'd']);
  expect(moveToFront(['a', 'b'], 0)).toEqual(['a', 'b']);
  expect(moveToFront(['a', 'b'], 5)).toEqual(['a', 'b']);
});

describe('parseStockChange', () => {
  it('adds as a positive delta and removes as a negative one, with the trimmed reason', () => {
    expect(parseStockChange('add', '12', ' 到货入库 ', 3)).toEqual({
      ok: true,
      value: { delta: 12, reason: '到货入库' },
    });
    expect(parseStockChange('remove', '3', '损耗报废', 3)).toEqual({
      ok: true,
      value: { delta: -3, reason: '损耗报废' },
    });
  });

  it.each([
    ['add', '', '到货入库', '请填写数量'],
    ['add', '0', '到货入库', '数量请填正整数'],
    ['add', '1.5', '到货入库', '数量请填正整数'],
    ['add', '-2', '到货入库', '数量请填正整数'],
    ['add', '1000001', '到货入库', '单次最多调整 1000000 件'],
    ['remove', '4', '盘点修正', '库存只有 3 件，最多减少 3 件'],
    ['add', '1', '  ', '请选择或填写调整原因'],
    ['add', '1', 'x'.repeat(REASON_MAX + 1), '原因最多 50 个字'],
  ] as const)('%s %j (%j) is refused: %s', (direction, amount, reason, message) => {
    expect(parseStockChange(direction, amount, reason, 3)).toEqual({ ok: false, message });
  });

  it('previews the stock after the change', () => {
    expect(stockAfter('add', '5', 3)).toBe(8);
    expect(stockAfter('remove', '2', 3)).toBe(1);
    expect(stockAfter('remove', '', 3)).toBeNull();
  });
});

it('keeps the requestId only when the outcome of the failed request is unknown', () => {
  expect(keepsRequestId('network')).toBe(true);
  expect(keepsRequestId('internal')).toBe(true);
  expect(keepsRequestId('stock.below_zero')).toBe(false);
  expect(keepsRequestId('product.request_conflict')).toBe(false);
});
