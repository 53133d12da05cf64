import { CART_STORAGE_KEY, lineKey, summarizeCart, useCart, type CartItem } from './cart';

// Taro's synchronous storage over a Map, as wx.getStorageSync behaves: '' for a key never set.
const mockStorage = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => (mockStorage.has(key) ? mockStorage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void mockStorage.set(key, value),
    removeStorageSync: (key: string) => void mockStorage.delete(key),
  },
}));

const tea: CartItem = {
  productId: 'p1',
  skuId: 's1',
  title: '云南古树红茶',
  spec: '200g 罐装',
  priceFen: 1290,
  image: '/img/p1.png',
  stock: 5,
};
const rice: CartItem = {
  productId: 'p2',
  skuId: 's9',
  title: '五常大米',
  spec: '5kg',
  priceFen: 6990,
  image: '/img/p2.png',
  stock: 200,
};
const initial = useCart.getState();

beforeEach(() => {
  useCart.setState(initial, true);
  mockStorage.clear();
});

const lines = () => useCart.getState().lines;

describe('cart store', () => {
  it('merges the same SKU into one line and refreshes its snapshot', () => {
    expect(useCart.getState().add(tea)).toEqual({ kind: 'added', qty: 1 });
    useCart.getState().add(rice);
    expect(useCart.getState().add({ ...tea, priceFen: 1190 }, 2)).toEqual({ kind: 'added', qty: 3 });
    expect(lines()).toHaveLength(2);
    expect(lines()[0]).toMatchObject({ productId: 'p1', skuId: 's1', qty: 3, priceFen: 1190, selected: true });
    // A different SKU of the same product is its own line.
    useCart.getState().add({ ...tea, skuId: 's2', spec: '500g 礼盒' });
    expect(lines().map(lineKey)).toEqual(['p1:s2', 'p1:s1', 'p2:s9']);
  });

  it('clamps an add at the stock and says so; adds nothing to a full line or a sold-out SKU', () => {
    useCart.getState().add(tea, 4);
    expect(useCart.getState().add(tea, 3)).toEqual({ kind: 'clamped', qty: 5, max: 5 });
    expect(useCart.getState().add(tea)).toEqual({ kind: 'full', qty: 5, max: 5 });
    expect(lines()[0].qty).toBe(5);
    expect(useCart.getState().add({ ...rice, stock: 0 })).toEqual({ kind: 'sold_out' });
    expect(lines()).toHaveLength(1);
  });

  it('never holds more than 99 of a line, whatever the stock', () => {
    expect(useCart.getState().add(rice, 150)).toEqual({ kind: 'clamped', qty: 99, max: 99 });
    useCart.getState().setQty(lineKey(rice), 120);
    expect(lines()[0].qty).toBe(99);
  });

  it('bounds a set quantity to 1..stock', () => {
    useCart.getState().add(tea);
    const key = lineKey(tea);
    useCart.getState().setQty(key, 9);
    expect(lines()[0].qty).toBe(5);
    useCart.getState().setQty(key, 0);
    expect(lines()[0].qty).toBe(1);
    useCart.getState().setQty(key, 3);
    expect(lines()[0].qty).toBe(3);
  });

  it('lowers a line to the new stock when it is added again after stock fell', () => {
    useCart.getState().add(tea, 5);
    expect(useCart.getState().add({ ...tea, stock: 2 })).toEqual({ kind: 'full', qty: 2, max: 2 });
    expect(lines()[0].qty).toBe(2);
  });

  it('selects, unselects, removes, and sums the selected lines for display', () => {
    useCart.getState().add(tea, 2);
    useCart.getState().add(rice);
    expect(summarizeCart(lines())).toEqual({
      selectedQty: 3,
      selectedLines: 2,
      selectedFen: 2 * 1290 + 6990,
      allSelected: true,
      totalQty: 3,
    });
    useCart.getState().toggle(lineKey(rice));
    expect(summarizeCart(lines())).toMatchObject({ selectedQty: 2, selectedFen: 2580, allSelected: false });
    useCart.getState().selectAll(false);
    expect(summarizeCart(lines())).toMatchObject({ selectedQty: 0, selectedFen: 0, selectedLines: 0 });
    useCart.getState().selectAll(true);
    expect(summarizeCart(lines()).allSelected).toBe(true);
    useCart.getState().remove(lineKey(tea));
    expect(lines().map(lineKey)).toEqual(['p2:s9']);
  });

  it('drops the lines an order was placed for', () => {
    useCart.getState().add(tea);
    useCart.getState().add(rice);
    useCart.getState().removeOrdered([{ productId: 'p2', skuId: 's9' }]);
    expect(lines().map(lineKey)).toEqual(['p1:s1']);
  });

  it('writes the lines to Taro storage and reads them back in a fresh start', () => {
    useCart.getState().add(tea, 2);
    const stored = JSON.parse(mockStorage.get(CART_STORAGE_KEY) as string) as {
      state: { lines: unknown[] };
      version: number;
    };
    expect(stored.version).toBe(1);
    expect(stored.state.lines).toEqual([{ ...tea, qty: 2, selected: true }]);

    // A new app start: the module is loaded again and finds the cart in storage.
    jest.isolateModules(() => {
      const again = jest.requireActual<typeof import('./cart')>('./cart');
      expect(again.useCart.getState().lines).toEqual([{ ...tea, qty: 2, selected: true }]);
      again.useCart.getState().remove(lineKey(tea));
    });
    expect(JSON.parse(mockStorage.get(CART_STORAGE_KEY) as string).state.lines).toEqual([]);
  });

  it('starts empty when storage is empty or unreadable', async () => {
    mockStorage.set(CART_STORAGE_KEY, '{not json');
    await useCart.persist.rehydrate();
    expect(lines()).toEqual([]);
  });
});
