import { skuChoicesOf } from '../shared/campaign-form';
import { checkFlashSaleForm, emptyFlashSaleForm, type FlashSaleForm } from './form';

const NOW = new Date(2026, 11, 3, 9, 30).getTime();
const skus = skuChoicesOf({
  skus: [
    { id: 's1', spec: '100g', priceFen: 4990, stock: 8 },
    { id: 's2', spec: '250g', priceFen: 9990, stock: 0 },
  ],
});
const form = (over: Partial<FlashSaleForm> = {}): FlashSaleForm => ({
  ...emptyFlashSaleForm(),
  productId: 'p1',
  skus: [{ ...skus[0], on: true, price: '29.9', units: '8' }, skus[1]],
  end: { date: '2026-12-03', time: '12:00' },
  ...over,
});
const errorsOf = (over: Partial<FlashSaleForm>) => {
  const check = checkFlashSaleForm(form(over), NOW);
  return check.ok ? {} : check.errors;
};

describe('the new flash sale form', () => {
  it('turns the form into the saveFlashSale draft, starting now when no start is picked', () => {
    expect(checkFlashSaleForm(form(), NOW)).toEqual({
      ok: true,
      draft: {
        productId: 'p1',
        skus: [{ skuId: 's1', priceFen: 2990, stock: 8 }],
        startAt: new Date(NOW).toISOString(),
        endAt: new Date(2026, 11, 3, 12, 0).toISOString(),
        perMember: 1,
      },
    });
  });

  it('the units set aside: at least one, at most the SKU’s stock now; none from a SKU with no stock', () => {
    const units = (u: string) => errorsOf({ skus: [{ ...skus[0], on: true, price: '29.9', units: u }] }).sku;
    expect(units('9')).toEqual({ s1: '秒杀数量为 1 到 8 件，不能超过现有库存' });
    expect(units('0')).toEqual({ s1: '秒杀数量为 1 到 8 件，不能超过现有库存' });
    expect(units('')).toEqual({ s1: '秒杀数量为 1 到 8 件，不能超过现有库存' });
    expect(units('8')).toBeUndefined();
    const empty = errorsOf({ skus: [skus[0], { ...skus[1], on: true, price: '50', units: '1' }] }).sku;
    expect(empty).toEqual({ s2: '这个规格现在没有库存，不能参加秒杀' });
  });

  it('a flash price below the normal price, a product, an end after now, a per-member limit', () => {
    expect(errorsOf({ skus: [{ ...skus[0], on: true, price: '50', units: '1' }] }).sku).toEqual({
      s1: '秒杀价需低于原价 ¥49.90',
    });
    expect(errorsOf({ productId: '', skus: [] }).product).toBe('请选择秒杀的商品');
    const past = { start: { date: '2026-12-02', time: '08:00' }, end: { date: '2026-12-03', time: '09:00' } };
    expect(errorsOf(past).window).toBe('结束时间需晚于现在');
    expect(errorsOf({ perMember: '0' }).perMember).toBe('每人限购 1 到 99 件');
  });
});
