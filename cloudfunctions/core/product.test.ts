import {
  derivedId,
  isSoldOut,
  lineNow,
  literalPattern,
  lowestPrice,
  planSkus,
  SKU_SLOTS_MAX,
  stockLeft,
  type SkuRecord,
} from './product';

const sku = (priceFen: number, stock: number, extra: Partial<SkuRecord> = {}): SkuRecord => ({
  id: 'x',
  spec: 's',
  priceFen,
  stock,
  ...extra,
});

test('a card shows the lowest price of the SKUs on sale', () => {
  expect(lowestPrice({ skus: [sku(21800, 1), sku(16800, 0)] })).toBe(16800);
  expect(lowestPrice({ skus: [sku(21800, 1), sku(100, 5, { retired: true })] })).toBe(21800);
});

test('sold out only when every SKU on sale is out of stock', () => {
  expect(isSoldOut({ skus: [sku(1, 0), sku(1, 0)] })).toBe(true);
  expect(isSoldOut({ skus: [sku(1, 0), sku(1, 2)] })).toBe(false);
  expect(isSoldOut({ skus: [sku(1, 0), sku(1, 2, { retired: true })] })).toBe(true);
  expect(stockLeft({ skus: [sku(1, 3), sku(1, 2, { retired: true }), sku(1, -1)] })).toBe(3);
});

test('a past line now: enough units, fewer than asked, none, or no longer sold (retired SKU, off sale, gone)', () => {
  const product = (status: 'on_sale' | 'off_sale', skus: SkuRecord[]) => ({ status, skus });
  const on = product('on_sale', [
    sku(1290, 3, { id: 'a' }),
    sku(990, 0, { id: 'b' }),
    sku(500, 9, { id: 'c', retired: true }),
  ]);
  expect(lineNow(on, 'a', 3)).toEqual({ status: 'ok', priceFen: 1290, stock: 3 });
  expect(lineNow(on, 'a', 4)).toEqual({ status: 'short', priceFen: 1290, stock: 3 });
  expect(lineNow(on, 'b', 1)).toEqual({ status: 'sold_out', priceFen: 990, stock: 0 });
  expect(lineNow(product('on_sale', [sku(990, -2, { id: 'b' })]), 'b', 1)).toEqual({
    status: 'sold_out',
    priceFen: 990,
    stock: 0,
  });
  const gone = { status: 'off_sale', priceFen: 0, stock: 0 };
  expect(lineNow(on, 'c', 1)).toEqual(gone);
  expect(lineNow(on, 'nosuch', 1)).toEqual(gone);
  expect(lineNow(product('off_sale', on.skus), 'a', 1)).toEqual(gone);
  expect(lineNow(null, 'a', 1)).toEqual(gone);
});

test('derived ids are stable per request and differ between requests', () => {
  expect(derivedId('p', 'owner', 'req-1')).toBe(derivedId('p', 'owner', 'req-1'));
  expect(derivedId('p', 'owner', 'req-1')).not.toBe(derivedId('p', 'owner', 'req-2'));
  expect(derivedId('p', 'owner', 'req-1')).toMatch(/^p[0-9a-z]{10}$/);
});

describe('planSkus', () => {
  const existing: SkuRecord[] = [
    { id: 'a', spec: '小', priceFen: 100, stock: 4 },
    { id: 'b', spec: '大', priceFen: 200, stock: 7 },
  ];
  const newId = (i: number) => `n${i}`;

  test('keeps positions and stock, changes spec and price, appends new SKUs at initial stock, retires the rest', () => {
    const plan = planSkus(
      existing,
      [
        { id: 'b', spec: '特大', priceFen: 250 },
        { spec: '中', priceFen: 150, initialStock: 9 },
      ],
      newId,
    );
    expect(plan).toEqual({
      skus: [
        { id: 'a', spec: '小', priceFen: 100, stock: 4, retired: true },
        { id: 'b', spec: '特大', priceFen: 250, stock: 7 },
        { id: 'n1', spec: '中', priceFen: 150, stock: 9 },
      ],
      created: [{ id: 'n1', spec: '中', priceFen: 150, stock: 9 }],
    });
  });

  test('a replayed request adds nothing twice', () => {
    const first = planSkus(
      existing,
      [
        { id: 'a', spec: '小', priceFen: 100 },
        { spec: '中', priceFen: 150, initialStock: 9 },
      ],
      newId,
    );
    if ('refused' in first) throw new Error(first.refused);
    const again = planSkus(
      first.skus,
      [
        { id: 'a', spec: '小', priceFen: 100 },
        { spec: '中', priceFen: 150, initialStock: 9 },
      ],
      newId,
    );
    expect(again).toEqual({ skus: first.skus, created: [] });
  });

  test('refuses unknown or retired ids, duplicate specs, stock set on an existing SKU and too many slots', () => {
    expect(planSkus(existing, [{ id: 'zz', spec: '小', priceFen: 100 }], newId)).toEqual({
      refused: 'product.sku_unknown',
    });
    expect(planSkus([{ ...existing[0], retired: true }], [{ id: 'a', spec: '小', priceFen: 100 }], newId)).toEqual({
      refused: 'product.sku_unknown',
    });
    expect(
      planSkus(
        existing,
        [
          { id: 'a', spec: '同', priceFen: 100 },
          { spec: '同', priceFen: 1 },
        ],
        newId,
      ),
    ).toEqual({ refused: 'product.sku_duplicate' });
    expect(planSkus(existing, [{ id: 'a', spec: '小', priceFen: 100, initialStock: 99 }], newId)).toEqual({
      refused: 'product.stock_by_adjustment',
    });
    const full = Array.from({ length: SKU_SLOTS_MAX }, (_, i) => ({
      id: `r${i}`,
      spec: `${i}`,
      priceFen: 1,
      stock: 0,
      retired: true as const,
    }));
    expect(planSkus(full, [{ spec: '新', priceFen: 1 }], newId)).toEqual({ refused: 'product.too_many_skus' });
  });
});

describe('literalPattern', () => {
  it('matches the words as written, every special character a plain one', () => {
    for (const words of ['.*', '(', 'a+b', '[杯]', '\\', '$where', '^青花$', 'x|y', '{2}', '?']) {
      const pattern = new RegExp(literalPattern(words), 'i');
      expect([words, pattern.test(`前${words}后`)]).toEqual([words, true]);
      // Nothing but the words themselves: `.*` does not match any text, `a+b` not 'aab'.
      expect([words, pattern.test('青花瓷杯 aab xy')]).toEqual([words, false]);
    }
    expect(new RegExp(literalPattern('Mug'), 'i').test('Large MUG')).toBe(true);
  });
});
