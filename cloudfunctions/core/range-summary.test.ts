import { addToSummary, emptySummary } from './range-summary';
import { addDays, addPaidDay, applyBumps, emptyDay, paymentBumps, rangeTotals, totalsOf, type DayStats } from './stats';

function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(x / 65_536) % n;
  };
}

/** Day documents of random payments (members, products, sharers, channels) over 80 days from `start`. */
function history(seed: number, start: string): DayStats[] {
  const next = random(seed);
  const docs = new Map<string, DayStats>();
  const daysOf = new Map<string, string[]>();
  for (let i = 0; i < 300; i++) {
    const member = `m${next(30)}`;
    const day = addDays(start, next(80));
    const code = next(3) === 0 ? undefined : `S${next(4)}`;
    const order = {
      paidFen: 1000 + next(9000),
      pointsDiscountFen: 0,
      items: [{ productId: `p${next(6)}`, skuId: 'k', qty: 1 + next(3), lineFen: 1000 + next(500) }],
      ...(code ? { sharer: { code, channel: ['chat', 'moments', 'poster'][next(3)], rateOf: () => 500 } } : {}),
    };
    const added = addPaidDay(daysOf.get(member) ?? [], day);
    daysOf.set(member, added.days);
    for (const b of [...paymentBumps(order, day), ...added.bumps])
      docs.set(b.day, applyBumps(docs.get(b.day) ?? emptyDay(b.day), [b]));
  }
  return [...docs.values()];
}

describe('range summaries', () => {
  it.each([1, 2, 3])('add up, in any split, to the figures of the range and the range before it (seed %i)', (seed) => {
    const start = '2026-01-01';
    const docs = history(seed, start);
    const next = random(seed + 100);
    for (let k = 0; k < 20; k++) {
      const days = [7, 30, 40][next(3)];
      const to = addDays(start, days * 2 + next(80 - days * 2 + 1));
      const from = addDays(to, 1 - days);
      const settled = addDays(to, -1 - next(3));
      const parted = addToSummary(addToSummary(emptySummary(from, days), docs, settled), docs, to);
      const whole = addToSummary(emptySummary(from, days), docs, to);
      expect(parted).toEqual(whole);
      expect(totalsOf(whole.current)).toEqual(rangeTotals(docs, from, to));
      expect(totalsOf(whole.previous)).toEqual(rangeTotals(docs, addDays(from, -days), addDays(from, -1)));
      const inRange = docs.filter((d) => d.day >= from && d.day <= to);
      expect(Object.keys(whole.daily).sort()).toEqual(inRange.map((d) => d.day).sort());
      const units = (id: string) => inRange.reduce((n, d) => n + (d.products[id]?.units ?? 0), 0);
      for (const id of Object.keys(whole.products)) expect(whole.products[id].units).toBe(units(id));
      const sharerOrders = (c: string) => inRange.reduce((n, d) => n + (d.sharers[c]?.orders ?? 0), 0);
      for (const c of ['S0', 'S1', 'S2', 'S3']) expect(whole.sharers[c]?.orders ?? 0).toBe(sharerOrders(c));
    }
  });

  it('counts a day once: documents up to the summary’s end are not added again, nor days outside the ranges', () => {
    const docs = history(9, '2026-01-01');
    const from = '2026-02-10';
    const once = addToSummary(emptySummary(from, 7), docs, '2026-02-14');
    expect(addToSummary(once, docs, '2026-02-14')).toEqual(once);
    const later = addToSummary(once, docs, '2026-03-20');
    expect(later.upTo).toBe('2026-03-20');
    expect(Object.keys(later.daily).every((d) => d >= from && d <= '2026-02-16')).toBe(true);
    expect(totalsOf(later.current)).toEqual(rangeTotals(docs, from, '2026-02-16'));
  });
});
