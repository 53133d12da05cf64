import { checkSkuCount, checkSkuPrice, checkWindow, parseCount, skuChoicesOf, type SkuChoice } from './campaign-form';
import { campaignWindow, priceRange, skuSold } from './campaign-text';

const NOW = new Date(2026, 11, 3, 9, 30).getTime();
const sku = (over: Partial<SkuChoice> = {}): SkuChoice => ({
  skuId: 's1',
  spec: '100g',
  priceFen: 4990,
  stock: 8,
  on: true,
  price: '',
  units: '',
  ...over,
});

describe('the activity editors’ shared checks', () => {
  it('a product of one SKU has it ticked; of several, none', () => {
    const one = skuChoicesOf({ skus: [{ id: 's1', spec: '默认', priceFen: 100, stock: 2 }] });
    expect(one).toEqual([{ skuId: 's1', spec: '默认', priceFen: 100, stock: 2, on: true, price: '', units: '' }]);
    const two = skuChoicesOf({
      skus: [
        { id: 's1', spec: 'a', priceFen: 100, stock: 2 },
        { id: 's2', spec: 'b', priceFen: 200, stock: 0 },
      ],
    });
    expect(two.map((s) => s.on)).toEqual([false, false]);
  });

  it('a whole number within bounds, nothing else', () => {
    expect([parseCount('2', 2, 10), parseCount(' 10 ', 2, 10)]).toEqual([2, 10]);
    expect([parseCount('1', 2, 10), parseCount('11', 2, 10), parseCount('2.5', 2, 10)]).toEqual([null, null, null]);
    expect([parseCount('-3', 1, 9), parseCount('', 1, 9), parseCount('1e3', 1, 9999)]).toEqual([null, null, null]);
  });

  it('an activity price below the SKU’s normal price, as fen', () => {
    expect(checkSkuPrice(sku({ price: '39.9' }), '拼团价')).toBe(3990);
    expect(checkSkuPrice(sku({ price: '49.89' }), '拼团价')).toBe(4989);
    expect(checkSkuPrice(sku({ price: '49.9' }), '拼团价')).toBe('拼团价需低于原价 ¥49.90');
    expect(checkSkuPrice(sku({ price: '0' }), '秒杀价')).toBe('请填写秒杀价，如 9.9');
    expect(checkSkuPrice(sku({ price: '1.234' }), '秒杀价')).toBe('请填写秒杀价，如 9.9');
    expect(checkSkuPrice(sku({ price: '50000.01', priceFen: 2 ** 40 }), '秒杀价')).toBe('秒杀价不能超过 ¥50,000.00');
  });

  it('at least one SKU, at most the contract’s number', () => {
    expect(checkSkuCount([sku({ on: false })])).toBe('请至少选择一个参加活动的规格');
    expect(checkSkuCount([sku()])).toBeNull();
    expect(checkSkuCount(Array.from({ length: 21 }, (_, i) => sku({ skuId: `s${i}` })))).toBe('最多 20 个规格参加活动');
  });

  it('the window: no start is now; the end after the start and after now', () => {
    const end = { date: '2026-12-10', time: '22:00' };
    expect(checkWindow({ date: '', time: '' }, end, NOW)).toEqual({
      ok: true,
      startAt: new Date(NOW).toISOString(),
      endAt: new Date(2026, 11, 10, 22, 0).toISOString(),
    });
    expect(checkWindow({ date: '2026-12-08', time: '' }, { date: '2026-12-08', time: '' }, NOW)).toEqual({
      ok: true,
      startAt: new Date(2026, 11, 8, 0, 0).toISOString(),
      endAt: new Date(2026, 11, 8, 23, 59).toISOString(),
    });
    expect(checkWindow({ date: '', time: '' }, { date: '', time: '' }, NOW)).toEqual({
      ok: false,
      error: '请选择结束时间',
    });
    expect(checkWindow({ date: '2026-12-10', time: '22:00' }, end, NOW)).toEqual({
      ok: false,
      error: '结束时间需晚于开始时间',
    });
    expect(checkWindow({ date: '2026-12-01', time: '08:00' }, { date: '2026-12-03', time: '09:00' }, NOW)).toEqual({
      ok: false,
      error: '结束时间需晚于现在',
    });
  });

  it('words a window, a price range and a flash SKU’s units sold', () => {
    const window = {
      startAt: new Date(2026, 11, 8, 10, 0).toISOString(),
      endAt: new Date(2026, 11, 10, 22, 0).toISOString(),
    };
    expect(campaignWindow(window)).toBe('12月8日 10:00 至 12月10日 22:00');
    expect(priceRange([6990, 3990, 4990])).toBe('¥39.90–¥69.90');
    expect(priceRange([3990, 3990])).toBe('¥39.90');
    expect(skuSold({ stock: 50, stockLeft: 30 })).toBe(20);
  });
});
