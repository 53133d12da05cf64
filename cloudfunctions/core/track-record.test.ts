import { isFresh, keptProductIds, referredRefundRate, TRACK_RECORD_TTL_MS } from './track-record';

const line = (productId: string, skuId: string, qty: number) => ({ productId, skuId, qty });

describe('keptProductIds', () => {
  test('a product is kept when some unit of one of its SKUs was not refunded', () => {
    const kept = keptProductIds([
      { items: [line('a', 'a-1', 1), line('b', 'b-1', 2)], refundedQty: { 'a-1': 1, 'b-1': 1 } },
      { items: [line('c', 'c-1', 1), line('c', 'c-2', 1)], refundedQty: { 'c-1': 1 } },
      { items: [line('d', 'd-1', 3)] },
    ]);
    expect([...kept].sort()).toEqual(['b', 'c', 'd']);
  });

  test('the same SKU on two lines counts its units together; the same product in two orders counts once', () => {
    expect([
      ...keptProductIds([{ items: [line('a', 'a-1', 1), line('a', 'a-1', 1)], refundedQty: { 'a-1': 1 } }]),
    ]).toEqual(['a']);
    expect(keptProductIds([{ items: [line('a', 'a-1', 1)] }, { items: [line('a', 'a-2', 1)] }]).size).toBe(1);
    expect(keptProductIds([]).size).toBe(0);
  });
});

describe('referredRefundRate', () => {
  test('absent below 5 paid referred orders, present from 5 on', () => {
    expect(referredRefundRate(0, 0)).toBeUndefined();
    expect(referredRefundRate(4, 4)).toBeUndefined();
    expect(referredRefundRate(5, 0)).toBe(0);
    expect(referredRefundRate(5, 1)).toBe(20);
  });

  test('in whole percent, half up, never above 100', () => {
    expect(referredRefundRate(40, 1)).toBe(3); // 2.5
    expect(referredRefundRate(200, 1)).toBe(1); // 0.5
    expect(referredRefundRate(300, 1)).toBe(0); // 0.33
    expect(referredRefundRate(3000, 1)).toBe(0);
    expect(referredRefundRate(7, 7)).toBe(100);
    expect(referredRefundRate(7, 9)).toBe(100);
  });
});

test('a stored record serves for TRACK_RECORD_TTL_MS after its count, and not when it claims to be from later', () => {
  const at = new Date('2026-12-03T10:00:00Z');
  expect(isFresh(at, at)).toBe(true);
  expect(isFresh(at, new Date(at.getTime() + TRACK_RECORD_TTL_MS - 1))).toBe(true);
  expect(isFresh(at, new Date(at.getTime() + TRACK_RECORD_TTL_MS))).toBe(false);
  expect(isFresh(at, new Date(at.getTime() - 1))).toBe(false);
});
