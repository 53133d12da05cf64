import { chinaDay } from './order-id';
import {
  addDays,
  addPaidDay,
  applyBumps,
  dayBuyers,
  emptyDay,
  paymentBumps,
  rangeTotals,
  refundBumps,
  type Bump,
  type DayStats,
  type StatsOrder,
} from './stats';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(x / 65_536) % n; // the high bits: the low ones of this generator repeat in short cycles
  };
}

function fold(bumps: readonly Bump[], docs: Map<string, DayStats>) {
  for (const b of bumps) docs.set(b.day, applyBumps(docs.get(b.day) ?? emptyDay(b.day), [b]));
}

describe('buyers over a range from the day histograms', () => {
  it.each([1, 2, 3, 4, 5])(
    'equal a naive scan of random payment histories folded in random order (seed %i)',
    (seed) => {
      const next = random(seed);
      const start = '2026-01-01';
      const payments = Array.from({ length: 400 }, () => ({ member: `m${next(40)}`, day: addDays(start, next(60)) }));
      // Folded in an order unlike time (a backfill, a late sweep): each member's days stay exact.
      const shuffled = [...payments].sort(() => next(3) - 1);
      const daysOf = new Map<string, string[]>();
      const docs = new Map<string, DayStats>();
      for (const p of shuffled) {
        const { bumps, days } = addPaidDay(daysOf.get(p.member) ?? [], p.day);
        daysOf.set(p.member, days);
        fold(bumps, docs);
      }
      for (let k = 0; k < 50; k++) {
        const from = addDays(start, next(60));
        const to = addDays(from, next(30));
        const inRange = payments.filter((p) => p.day >= from && p.day <= to);
        const members = [...new Set(inRange.map((p) => p.member))];
        const firstOf = (m: string) =>
          payments
            .filter((p) => p.member === m)
            .map((p) => p.day)
            .sort()[0];
        const daysUpTo = (m: string) =>
          new Set(payments.filter((p) => p.member === m && p.day <= to).map((p) => p.day));
        const totals = rangeTotals([...docs.values()], from, to);
        expect(totals.buyers).toBe(members.length);
        expect(totals.newBuyers).toBe(members.filter((m) => firstOf(m) >= from).length);
        const repeaters = members.filter((m) => daysUpTo(m).size >= 2).length;
        expect(totals.repeatRate).toBeCloseTo(members.length ? repeaters / members.length : 0, 12);
      }
      for (const doc of docs.values()) {
        const that = new Set(payments.filter((p) => p.day === doc.day).map((p) => p.member));
        expect(dayBuyers(doc)).toBe(that.size);
      }
    },
  );

  it('counts two payments of one member on one day once, and a day paid again changes nothing', () => {
    const first = addPaidDay([], '2026-03-01');
    const again = addPaidDay(first.days, '2026-03-01');
    expect(again.bumps).toEqual([]);
    expect(first.bumps).toEqual([{ day: '2026-03-01', path: 'gaps.f', by: 1 }]);
  });

  it('moves the later day when an earlier one is inserted: its gap shrinks and it is no longer the second day', () => {
    const { days } = addPaidDay(addPaidDay([], '2026-03-01').days, '2026-03-10');
    const { bumps } = addPaidDay(days, '2026-03-04');
    expect(bumps).toEqual(
      expect.arrayContaining([
        { day: '2026-03-04', path: 'gaps.3', by: 1 },
        { day: '2026-03-04', path: 'seconds.3', by: 1 },
        { day: '2026-03-10', path: 'gaps.6', by: 1 },
        { day: '2026-03-10', path: 'gaps.9', by: -1 },
        { day: '2026-03-10', path: 'seconds.9', by: -1 },
      ]),
    );
    expect(bumps).toHaveLength(5);
  });
});

describe('China days', () => {
  it('puts 15:59:59.999Z and 16:00:00.000Z on different days', () => {
    expect(chinaDay(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(chinaDay(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -90)).toBe('2025-12-01');
  });
});

describe('payments and refunds', () => {
  const order: StatsOrder = {
    paidFen: 10_000,
    pointsDiscountFen: 1_000,
    items: [
      { productId: 'p1', skuId: 's1', lineFen: 6_000, qty: 2 },
      { productId: 'p2', skuId: 's2', lineFen: 4_000, qty: 1 },
    ],
    sharer: { code: 'ABC123', channel: 'poster', rateOf: () => 1_000 },
  };

  it('adds the order, its goods per product and the commission, and a full refund takes them all back', () => {
    const day = '2026-03-01';
    const paid = applyBumps(emptyDay(day), paymentBumps(order, day));
    expect(paid).toMatchObject({ orders: 1, paidFen: 10_000 });
    expect(paid.products).toEqual({ p1: { units: 2, gmvFen: 5_400 }, p2: { units: 1, gmvFen: 3_600 } });
    expect(paid.sharers.ABC123).toEqual({ orders: 1, gmvFen: 10_000, commissionFen: 900 });
    const refund = refundBumps(order, { refundFen: 10_000, refundedBefore: 0, whole: true }, day);
    const back = applyBumps(paid, refund);
    expect(back.products.p1.gmvFen).toBe(0);
    expect(back.products.p2.gmvFen).toBe(0);
    expect(back.sharers.ABC123).toEqual({ orders: 1, gmvFen: 0, commissionFen: 0 });
    expect(rangeTotals([back], day, day)).toMatchObject({ gmvFen: 0, refundFen: 10_000, refundRate: 1 });
  });

  it('takes a partial refund off the products it covered only, and the commission pro rata', () => {
    const day = '2026-03-02';
    const refund = refundBumps(
      order,
      { refundFen: 1_800, lines: [{ skuId: 's2', qty: 1 }], refundedBefore: 0, whole: false },
      day,
    );
    const doc = applyBumps(emptyDay(day), refund);
    expect(doc.products).toEqual({ p2: { gmvFen: -1_800 } });
    // 900 fen of commission kept pro rata: floor(360 × 7200 / 9000) = 288 of p2's 360, floor(540 × 0.8) = 432 of p1's.
    expect(doc.sharers.ABC123.commissionFen).toBe(-(360 - 288 + 540 - 432));
  });
});
