import { isSoldOut, lowestPrice } from './product';

const sku = (priceFen: number, stock: number) => ({ id: 'x', spec: 's', priceFen, stock });

test('a card shows the lowest SKU price', () => {
  expect(lowestPrice({ skus: [sku(21800, 1), sku(16800, 0)] })).toBe(16800);
});

test('sold out only when every SKU is out of stock', () => {
  expect(isSoldOut({ skus: [sku(1, 0), sku(1, 0)] })).toBe(true);
  expect(isSoldOut({ skus: [sku(1, 0), sku(1, 2)] })).toBe(false);
});
