import { priceOrder, MAX_PAYABLE_FEN } from './pricing';
import type { ProductRecord } from './product';
import { DEFAULT_RULES } from './rules';

const tea: ProductRecord = {
  _id: 'tea',
  title: '普洱茶饼',
  description: '',
  images: ['cloud://env/tea.svg'],
  skus: [
    { id: 'raw', spec: '生茶', priceFen: 16800, stock: 3 },
    { id: 'ripe', spec: '熟茶', priceFen: 19800, stock: 0 },
  ],
  status: 'on_sale',
  sort: 1,
};
const cup: ProductRecord = {
  ...tea,
  _id: 'cup',
  title: '杯',
  skus: [{ id: 'one', spec: '单只', priceFen: 1290, stock: 9 }],
};
const off: ProductRecord = { ...cup, _id: 'off', status: 'off_sale' };
const catalogue = new Map([tea, cup, off].map((p) => [p._id, p]));

describe('priceOrder', () => {
  it('prices from the catalogue, merges the same SKU, and adds shipping below the threshold', () => {
    const priced = priceOrder(
      [
        { productId: 'cup', skuId: 'one', qty: 1 },
        { productId: 'cup', skuId: 'one', qty: 2 },
      ],
      catalogue,
      DEFAULT_RULES,
    );
    expect(priced.lines).toEqual([
      expect.objectContaining({ productId: 'cup', skuId: 'one', skuIndex: 0, qty: 3, priceFen: 1290, lineFen: 3870 }),
    ]);
    expect(priced.goodsFen).toBe(3870);
    expect(priced.shippingFen).toBe(DEFAULT_RULES.shippingFeeFen);
    expect(priced.payableFen).toBe(3870 + DEFAULT_RULES.shippingFeeFen);
  });

  it('ships free from the threshold', () => {
    const priced = priceOrder([{ productId: 'tea', skuId: 'raw', qty: 1 }], catalogue, DEFAULT_RULES);
    expect(priced.shippingFen).toBe(0);
    expect(priced.payableFen).toBe(16800);
  });

  it('orders lines by product and SKU so concurrent orders reserve in one sequence', () => {
    const priced = priceOrder(
      [
        { productId: 'tea', skuId: 'raw', qty: 1 },
        { productId: 'cup', skuId: 'one', qty: 1 },
      ],
      catalogue,
      DEFAULT_RULES,
    );
    expect(priced.lines.map((l) => l.productId)).toEqual(['cup', 'tea']);
  });

  it('refuses unknown products, unknown SKUs and products off sale', () => {
    for (const line of [
      { productId: 'nope', skuId: 'raw', qty: 1 },
      { productId: 'tea', skuId: 'nope', qty: 1 },
      { productId: 'off', skuId: 'one', qty: 1 },
    ]) {
      expect(() => priceOrder([line], catalogue, DEFAULT_RULES)).toThrow(
        expect.objectContaining({ code: 'order.sku_unavailable' }),
      );
    }
  });

  it('refuses an order above the ceiling', () => {
    const qty = Math.ceil(MAX_PAYABLE_FEN / 16800) + 1;
    expect(() => priceOrder([{ productId: 'tea', skuId: 'raw', qty }], catalogue, DEFAULT_RULES)).toThrow(
      expect.objectContaining({ code: 'input.invalid' }),
    );
  });
});
