import type { FlashSaleDraft } from '../contracts/campaign';
import { AppError } from '../contracts/errors';
import { couponOffer } from './coupon';
import {
  buyerStatus,
  flashPrices,
  hintedSoldOut,
  isLive,
  memberKey,
  pointerOf,
  saleFromDraft,
  saleStatus,
  soldOutSkus,
  takeRefusal,
  type FlashSaleRecord,
  type WithFlash,
} from './flash-sale';
import { priceOrder } from './pricing';
import { DEFAULT_RULES } from './rules';

const NOW = new Date('2026-12-03T04:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const HOUR = 3_600_000;

const product = (over: Partial<WithFlash> = {}): WithFlash => ({
  _id: 'tea',
  title: '明前龙井',
  description: '',
  images: [],
  skus: [
    { id: 'tea-1', spec: '250g', priceFen: 12_800, stock: 60 },
    { id: 'tea-2', spec: '500g', priceFen: 23_800, stock: 5 },
    { id: 'tea-3', spec: '旧款', priceFen: 9_900, stock: 9, retired: true },
  ],
  status: 'on_sale',
  sort: 1,
  ...over,
});

const draft = (over: Partial<FlashSaleDraft> = {}): FlashSaleDraft => ({
  productId: 'tea',
  skus: [{ skuId: 'tea-1', priceFen: 9_900, stock: 50 }],
  startAt: at(HOUR).toISOString(),
  endAt: at(3 * HOUR).toISOString(),
  perMember: 2,
  ...over,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
};

const saved = (over: Partial<FlashSaleDraft> = {}) => saleFromDraft(draft(over), 'fs1', product(), null, NOW).sale;

describe('the window', () => {
  const window = { startAt: at(HOUR), endAt: at(2 * HOUR) };
  test('live from startAt inclusive to endAt exclusive: 1 ms before the start and at the end it is not', () => {
    expect(isLive(window, at(HOUR - 1))).toBe(false);
    expect(isLive(window, at(HOUR))).toBe(true);
    expect(isLive(window, at(2 * HOUR - 1))).toBe(true);
    expect(isLive(window, at(2 * HOUR))).toBe(false);
  });

  test('priceOrder: the flash price only inside the window, the normal price 1 ms before and at the end', () => {
    const p = product({ flashSale: pointerOf(saved({ startAt: window.startAt.toISOString() })) });
    p.flashSale!.endAt = window.endAt;
    const products = new Map([[p._id, p]]);
    const priceAt = (now: Date) => {
      const priced = priceOrder(
        [{ productId: 'tea', skuId: 'tea-1', qty: 2 }],
        products,
        DEFAULT_RULES,
        flashPrices(products, now),
      );
      return { price: priced.lines[0].priceFen, campaign: priced.lines[0].campaign, goods: priced.goodsFen };
    };
    expect(priceAt(at(HOUR - 1))).toEqual({ price: 12_800, campaign: undefined, goods: 25_600 });
    expect(priceAt(at(HOUR))).toEqual({ price: 9_900, campaign: 'flash_sale', goods: 19_800 });
    expect(priceAt(at(2 * HOUR - 1))).toMatchObject({ price: 9_900, campaign: 'flash_sale' });
    expect(priceAt(at(2 * HOUR))).toEqual({ price: 12_800, campaign: undefined, goods: 25_600 });
  });

  test('a SKU outside the sale keeps its price while the sale is live; the line names the sale it came from', () => {
    const p = product({ flashSale: pointerOf(saved({ startAt: NOW.toISOString() })) });
    const products = new Map([[p._id, p]]);
    const priced = priceOrder(
      [
        { productId: 'tea', skuId: 'tea-1', qty: 1 },
        { productId: 'tea', skuId: 'tea-2', qty: 1 },
      ],
      products,
      DEFAULT_RULES,
      flashPrices(products, NOW),
    );
    expect(priced.lines.map((l) => [l.skuId, l.priceFen, l.campaign, l.campaignId])).toEqual([
      ['tea-1', 9_900, 'flash_sale', 'fs1'],
      ['tea-2', 23_800, undefined, undefined],
    ]);
  });

  test('states: upcoming, live, sold_out for buyers when nothing is left, ended; stopped wins', () => {
    const sale = saved();
    expect(saleStatus(sale, NOW)).toBe('upcoming');
    expect(saleStatus(sale, at(HOUR))).toBe('live');
    expect(saleStatus(sale, at(3 * HOUR))).toBe('ended');
    expect(saleStatus({ ...sale, stopped: true }, at(HOUR))).toBe('stopped');
    const empty = { ...sale, skus: sale.skus.map((s) => ({ ...s, left: 0, sold: s.stock })) };
    expect(buyerStatus(empty, at(HOUR))).toBe('sold_out');
    expect(buyerStatus(empty, NOW)).toBe('upcoming');
    expect(buyerStatus({ ...sale, returned: true }, at(HOUR))).toBe('ended');
  });
});

describe("the owner's draft", () => {
  test('units move out of the SKU (negative move) and the sale starts with all of them left', () => {
    const { sale, moves } = saleFromDraft(draft(), 'fs1', product(), null, NOW);
    expect(sale.skus).toEqual([{ skuId: 'tea-1', priceFen: 9_900, stock: 50, left: 50, sold: 0, returned: 0 }]);
    expect([...moves]).toEqual([['tea-1', -50]]);
    expect(sale).toMatchObject({ perMember: 2, stopped: false, returned: false, bought: {}, holds: [] });
  });

  test('an edit before the start moves only the difference, and gives back SKUs it no longer holds', () => {
    const first = saved({ skus: [{ skuId: 'tea-1', priceFen: 9_900, stock: 50 }] });
    // The product as stored after the first save: 50 of tea-1 moved out.
    const after = product({ skus: product().skus.map((s) => (s.id === 'tea-1' ? { ...s, stock: 10 } : s)) });
    const { moves } = saleFromDraft(
      draft({ skus: [{ skuId: 'tea-2', priceFen: 19_900, stock: 5 }] }),
      'fs1',
      after,
      first,
      NOW,
    );
    expect(Object.fromEntries(moves)).toEqual({ 'tea-1': 50, 'tea-2': -5 });
    const grown = saleFromDraft(
      draft({ skus: [{ skuId: 'tea-1', priceFen: 9_900, stock: 60 }] }),
      'fs1',
      after,
      first,
      NOW,
    );
    expect(Object.fromEntries(grown.moves)).toEqual({ 'tea-1': -10 });
  });

  test.each([
    [
      'a flash price equal to the normal price',
      draft({ skus: [{ skuId: 'tea-1', priceFen: 12_800, stock: 1 }] }),
      'campaign.price_invalid',
    ],
    [
      'a flash price above it',
      draft({ skus: [{ skuId: 'tea-1', priceFen: 12_801, stock: 1 }] }),
      'campaign.price_invalid',
    ],
    [
      'more units than the SKU has',
      draft({ skus: [{ skuId: 'tea-2', priceFen: 100, stock: 6 }] }),
      'campaign.stock_short',
    ],
    ['a retired SKU', draft({ skus: [{ skuId: 'tea-3', priceFen: 100, stock: 1 }] }), 'product.sku_unknown'],
    ["another product's SKU", draft({ skus: [{ skuId: 'rice-1', priceFen: 100, stock: 1 }] }), 'product.sku_unknown'],
    [
      'start after the end',
      draft({ startAt: at(2 * HOUR).toISOString(), endAt: at(HOUR).toISOString() }),
      'campaign.window_invalid',
    ],
    [
      'start equal to the end',
      draft({ startAt: at(HOUR).toISOString(), endAt: at(HOUR).toISOString() }),
      'campaign.window_invalid',
    ],
    [
      'an end already past',
      draft({ startAt: at(-2 * HOUR).toISOString(), endAt: NOW.toISOString() }),
      'campaign.window_invalid',
    ],
  ])('refused: %s', (_what, d, code) => {
    expect(codeOf(() => saleFromDraft(d, 'fs1', product(), null, NOW))).toBe(code);
  });

  test('a missing product is not found; an edit cannot move the sale to another product', () => {
    expect(codeOf(() => saleFromDraft(draft(), 'fs1', null, null, NOW))).toBe('product.not_found');
    const other = product({ _id: 'rice' });
    expect(codeOf(() => saleFromDraft(draft({ productId: 'rice' }), 'fs1', other, saved(), NOW))).toBe(
      'product.not_found',
    );
  });

  test('one sale per product until it ends: another one upcoming or live overlaps; its own pointer does not', () => {
    const live = pointerOf({ ...saved(), _id: 'other', startAt: at(-HOUR), endAt: at(HOUR) });
    expect(codeOf(() => saleFromDraft(draft(), 'fs1', product({ flashSale: live }), null, NOW))).toBe(
      'campaign.overlap',
    );
    const mine = pointerOf(saved());
    expect(codeOf(() => saleFromDraft(draft(), 'fs1', product({ flashSale: mine }), saved(), NOW))).toBe('no error');
    const ended = pointerOf({ ...saved(), _id: 'other', startAt: at(-2 * HOUR), endAt: NOW });
    expect(codeOf(() => saleFromDraft(draft(), 'fs1', product({ flashSale: ended }), null, NOW))).toBe('no error');
  });

  test('an edit once the sale has started, been stopped or returned is refused', () => {
    const sale = saved({ startAt: at(HOUR).toISOString() });
    expect(codeOf(() => saleFromDraft(draft(), 'fs1', product(), sale, at(HOUR)))).toBe('campaign.started');
    expect(codeOf(() => saleFromDraft(draft(), 'fs1', product(), sale, at(HOUR - 1)))).toBe('no error');
    expect(codeOf(() => saleFromDraft(draft(), 'fs1', product(), { ...sale, stopped: true }, NOW))).toBe(
      'campaign.started',
    );
    expect(codeOf(() => saleFromDraft(draft(), 'fs1', product(), { ...sale, returned: true }, NOW))).toBe(
      'campaign.started',
    );
  });
});

describe('why a take is refused', () => {
  const live = (over: Partial<FlashSaleRecord> = {}): FlashSaleRecord => ({
    ...saved({ startAt: at(-HOUR).toISOString() }),
    ...over,
  });
  const want = (qty: number) => new Map([['tea-1', qty]]);

  test('sold out before the limit; the limit counts what the member holds already', () => {
    const one = live({ skus: [{ skuId: 'tea-1', priceFen: 9_900, stock: 50, left: 1, sold: 49, returned: 0 }] });
    expect(takeRefusal(one, want(1), 0, NOW)).toBeNull();
    expect(takeRefusal(one, want(2), 0, NOW)?.code).toBe('campaign.sold_out');
    expect(takeRefusal(live(), want(2), 0, NOW)).toBeNull();
    expect(takeRefusal(live(), want(1), 2, NOW)?.code).toBe('campaign.limit_reached');
    expect(takeRefusal(live(), want(3), 0, NOW)?.message).toBe('每人限购 2 件');
    expect(takeRefusal(live(), want(1), 2, NOW)?.message).toBe('每人限购 2 件');
  });

  test('a sale gone, returned, stopped, not started or over is not live; a SKU outside it is named', () => {
    expect(takeRefusal(null, want(1), 0, NOW)?.code).toBe('campaign.not_live');
    expect(takeRefusal(live({ returned: true }), want(1), 0, NOW)?.code).toBe('campaign.not_live');
    expect(takeRefusal(live({ stopped: true }), want(1), 0, NOW)?.code).toBe('campaign.not_live');
    expect(takeRefusal(saved(), want(1), 0, NOW)?.code).toBe('campaign.not_live');
    expect(takeRefusal(live(), want(1), 0, at(3 * HOUR))?.code).toBe('campaign.not_live');
    expect(takeRefusal(live(), new Map([['tea-2', 1]]), 0, NOW)?.code).toBe('campaign.sku_not_in');
  });
});

describe("the sold-out note on the product's pointer", () => {
  const skus = (...left: number[]) =>
    left.map((l, i) => ({ skuId: `tea-${i + 1}`, priceFen: 9_900, stock: 5, left: l, sold: 5 - l, returned: 0 }));

  test('names the SKUs with no unit left, none once the sale has returned its units', () => {
    expect(soldOutSkus({ returned: false, skus: skus(0, 3, 0) })).toEqual(['tea-1', 'tea-3']);
    expect(soldOutSkus({ returned: false, skus: skus(1, 3) })).toEqual([]);
    expect(soldOutSkus({ returned: true, skus: skus(0, 0) })).toEqual([]);
  });

  test('refuses a noted SKU only while the sale is live: 1 ms before its start and at its end it does not', () => {
    const pointer = { ...pointerOf(saved()), soldOut: ['tea-1'] };
    const start = new Date(pointer.startAt).getTime();
    const end = new Date(pointer.endAt).getTime();
    expect(hintedSoldOut(pointer, ['tea-1'], new Date(start))).toBe(true);
    expect(hintedSoldOut(pointer, ['tea-2', 'tea-1'], new Date(end - 1))).toBe(true);
    expect(hintedSoldOut(pointer, ['tea-2'], new Date(start))).toBe(false);
    expect(hintedSoldOut(pointer, ['tea-1'], new Date(start - 1))).toBe(false);
    expect(hintedSoldOut(pointer, ['tea-1'], new Date(end))).toBe(false);
    expect(hintedSoldOut({ ...pointer, soldOut: undefined }, ['tea-1'], new Date(start))).toBe(false);
    expect(hintedSoldOut(undefined, ['tea-1'], new Date(start))).toBe(false);
  });
});

test('coupons leave flash lines out of their scope', () => {
  const mc = {
    name: '满100减10',
    kind: 'amount_off' as const,
    offFen: 1000,
    thresholdFen: 10_000,
    scope: 'all' as const,
    validFrom: at(-HOUR),
    validTo: at(HOUR),
  };
  const flash = { productId: 'tea', lineFen: 19_800, campaign: 'flash_sale' };
  const plain = { productId: 'rice', lineFen: 12_000 };
  expect(couponOffer(mc, [flash], 0, NOW)).toMatchObject({ usable: false, code: 'coupon.not_applicable' });
  expect(couponOffer(mc, [flash, plain], 0, NOW)).toEqual({ usable: true, discountFen: 1000, split: [0, 1000] });
  // The threshold counts only the lines in scope: the flash line's amount does not reach it.
  expect(couponOffer(mc, [flash, { ...plain, lineFen: 5000 }], 0, NOW)).toMatchObject({
    code: 'coupon.below_threshold',
  });
});

test("a member's key is a short hash of the openid, never the openid", () => {
  expect(memberKey('dev_alice')).toMatch(/^[0-9a-f]{16}$/);
  expect(memberKey('dev_alice')).not.toBe(memberKey('dev_bob'));
});
