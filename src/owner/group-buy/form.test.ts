import { skuChoicesOf } from '../shared/campaign-form';
import { checkGroupBuyForm, emptyGroupBuyForm, type GroupBuyForm } from './form';

const NOW = new Date(2026, 11, 3, 9, 30).getTime();
const skus = skuChoicesOf({
  skus: [
    { id: 's1', spec: '100g', priceFen: 4990, stock: 8 },
    { id: 's2', spec: '250g', priceFen: 9990, stock: 3 },
  ],
});
const form = (over: Partial<GroupBuyForm> = {}): GroupBuyForm => ({
  ...emptyGroupBuyForm(),
  productId: 'p1',
  skus: [{ ...skus[0], on: true, price: '39.9' }, skus[1]],
  start: { date: '2026-12-08', time: '10:00' },
  end: { date: '2026-12-10', time: '22:00' },
  stockCap: '100',
  ...over,
});
const errorsOf = (over: Partial<GroupBuyForm>) => {
  const check = checkGroupBuyForm(form(over), NOW);
  return check.ok ? {} : check.errors;
};

describe('the new group buy form', () => {
  it('turns the form into the saveGroupBuy draft: the ticked SKUs only, fen, ISO times', () => {
    expect(checkGroupBuyForm(form(), NOW)).toEqual({
      ok: true,
      draft: {
        productId: 'p1',
        skus: [{ skuId: 's1', groupPriceFen: 3990 }],
        size: 2,
        hours: 24,
        startAt: new Date(2026, 11, 8, 10, 0).toISOString(),
        endAt: new Date(2026, 11, 10, 22, 0).toISOString(),
        stockCap: 100,
        perMember: 1,
      },
    });
  });

  it('asks for a product first', () => {
    expect(errorsOf({ productId: '', skus: [] }).product).toBe('请选择拼团的商品');
  });

  it('a group price at or above the normal price is refused on its SKU', () => {
    const errors = errorsOf({
      skus: [
        { ...skus[0], on: true, price: '49.90' },
        { ...skus[1], on: true, price: '' },
      ],
    });
    expect(errors.sku).toEqual({ s1: '拼团价需低于原价 ¥49.90', s2: '请填写拼团价，如 9.9' });
    expect(errorsOf({ skus: skus.map((s) => ({ ...s, on: false })) }).skus).toBe('请至少选择一个参加活动的规格');
  });

  it('size 2–10, hours 1–72, a stock cap, a per-member limit within it', () => {
    expect(errorsOf({ size: '1' }).size).toBe('成团人数为 2 到 10 人');
    expect(errorsOf({ size: '11' }).size).toBe('成团人数为 2 到 10 人');
    expect(errorsOf({ size: '10', hours: '72' })).toEqual({});
    expect(errorsOf({ hours: '0' }).hours).toBe('成团时限为 1 到 72 小时');
    expect(errorsOf({ hours: '73' }).hours).toBe('成团时限为 1 到 72 小时');
    expect(errorsOf({ stockCap: '' }).stockCap).toBe('活动库存为 1 到 100000 件');
    expect(errorsOf({ stockCap: '100001' }).stockCap).toBe('活动库存为 1 到 100000 件');
    expect(errorsOf({ perMember: '100' }).perMember).toBe('每人限购 1 到 99 件');
    expect(errorsOf({ stockCap: '3', perMember: '4' }).perMember).toBe('每人限购不能超过活动库存');
  });

  it('an end before the start is refused', () => {
    expect(errorsOf({ end: { date: '2026-12-08', time: '09:00' } }).window).toBe('结束时间需晚于开始时间');
  });
});
