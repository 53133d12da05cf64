import { afterSaleClosesAt, afterSaleOpen, closedIfCompletedBy, refundBound, type RefundableOrder } from './after-sale';
import { DAY_MS } from './rules';

const completedAt = new Date('2026-11-20T04:00:00.000Z');
const days = 7;
const closes = completedAt.getTime() + days * DAY_MS;

describe('the after-sale window', () => {
  it('is open until the instant it closes, and closed from that instant on', () => {
    expect(afterSaleOpen(completedAt, days, new Date(closes - 1))).toBe(true);
    expect(afterSaleOpen(completedAt, days, new Date(closes))).toBe(false);
    expect(afterSaleOpen(completedAt, days, new Date(closes + 1))).toBe(false);
    expect(afterSaleClosesAt(completedAt, days).getTime()).toBe(closes);
  });

  it('is closed for an order that never completed', () => {
    expect(afterSaleOpen(null, days, completedAt)).toBe(false);
  });

  it('queries get the same boundary: completedAt <= closedIfCompletedBy(now) exactly when the window is closed', () => {
    for (const delta of [-1, 0, 1]) {
      const now = new Date(closes + delta);
      const closedByQuery = completedAt.getTime() <= closedIfCompletedBy(now, days).getTime();
      expect(closedByQuery).toBe(!afterSaleOpen(completedAt, days, now));
    }
  });
});

describe('what a case may refund', () => {
  // Two lines: 2 × ¥30 and 1 × ¥40 (goods ¥100), ¥10 of points, ¥8 shipping: paid ¥98.
  const order: RefundableOrder = {
    items: [
      { productId: 'p1', skuId: 'a', lineFen: 6000, qty: 2 },
      { productId: 'p2', skuId: 'b', lineFen: 4000, qty: 1 },
    ],
    amounts: { pointsDiscountFen: 1000, shippingFen: 800 },
    paidFen: 9800,
    refundedFen: 0,
    refundedQty: {},
    shipped: true,
  };

  it('is what the units paid after points, pro rata per line', () => {
    // Line a paid 6000 - 600 = 5400 for 2 units; line b 4000 - 400 = 3600.
    expect(refundBound(order, [{ skuId: 'a', qty: 1 }])?.maxFen).toBe(2700);
    expect(refundBound(order, [{ skuId: 'b', qty: 1 }])?.maxFen).toBe(3600);
    expect(
      refundBound(order, [
        { skuId: 'a', qty: 2 },
        { skuId: 'b', qty: 1 },
      ])?.maxFen,
    ).toBe(9000);
  });

  it('adds shipping only when everything is refunded before shipping', () => {
    const all = [
      { skuId: 'a', qty: 2 },
      { skuId: 'b', qty: 1 },
    ];
    expect(refundBound({ ...order, shipped: false }, all)).toMatchObject({ maxFen: 9800, includesShipping: true });
    expect(refundBound({ ...order, shipped: true }, all)).toMatchObject({ maxFen: 9000, includesShipping: false });
    expect(refundBound({ ...order, shipped: false }, [{ skuId: 'a', qty: 2 }])).toMatchObject({
      maxFen: 5400,
      includesShipping: false,
    });
  });

  it('splits a line so that its units together come to what it paid, and counts units refunded before', () => {
    const odd = {
      ...order,
      items: [{ productId: 'p1', skuId: 'a', lineFen: 1000, qty: 3 }],
      amounts: { pointsDiscountFen: 0, shippingFen: 0 },
      paidFen: 1000,
    };
    const first = refundBound(odd, [{ skuId: 'a', qty: 1 }]);
    expect(first?.maxFen).toBe(333);
    const after = { ...odd, refundedFen: 333, refundedQty: { a: 1 } };
    expect(refundBound(after, [{ skuId: 'a', qty: 1 }])?.maxFen).toBe(333);
    expect(refundBound(after, [{ skuId: 'a', qty: 2 }])?.maxFen).toBe(667);
    expect(refundBound(after, [{ skuId: 'a', qty: 3 }])).toBeNull();
    expect(refundBound(after, [{ skuId: 'a', qty: 1 }])?.lines).toEqual([{ skuId: 'a', qtyLeft: 2 }]);
  });

  it("never exceeds what is left of the payment, and refuses lines that are not the order's", () => {
    expect(refundBound({ ...order, refundedFen: 9000 }, [{ skuId: 'b', qty: 1 }])?.maxFen).toBe(800);
    expect(refundBound(order, [{ skuId: 'zz', qty: 1 }])).toBeNull();
    expect(refundBound(order, [{ skuId: 'b', qty: 2 }])).toBeNull();
  });
});
