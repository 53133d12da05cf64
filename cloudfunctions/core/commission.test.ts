import { afterSaleClosesAt } from './after-sale';
import {
  attributedSharer,
  bindingUntil,
  commissionShares,
  decideVisit,
  isActive,
  paidPerLine,
  reversalOf,
} from './commission';

const now = new Date('2026-11-23T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('bindings', () => {
  it('a visit binds a first-time visitor, keeps any active binding, ignores the own link and anonymous views', () => {
    expect(decideVisit('bob', 'alice', null, now)).toBe('bind');
    expect(decideVisit('bob', 'carol', { sharerId: 'alice', until: later(1) }, now)).toBe('keep');
    expect(decideVisit('bob', 'alice', { sharerId: 'alice', until: later(1) }, now)).toBe('keep');
    expect(decideVisit('bob', 'carol', { sharerId: 'alice', until: now }, now)).toBe('bind');
    expect(decideVisit('alice', 'alice', null, now)).toBe('own_link');
    expect(decideVisit('', 'alice', null, now)).toBe('anonymous');
  });

  it('a binding is active strictly before its end', () => {
    expect(isActive({ sharerId: 'a', until: later(1) }, now)).toBe(true);
    expect(isActive({ sharerId: 'a', until: now }, now)).toBe(false);
    expect(isActive(null, now)).toBe(false);
    expect(bindingUntil(now, 15).toISOString()).toBe('2026-12-08T10:00:00.000Z');
  });

  it('an order is attributed to an active binding that is not the buyer', () => {
    const b = { sharerId: 'alice', until: later(1000) };
    expect(attributedSharer('bob', b, now)).toBe(b);
    expect(attributedSharer('alice', b, now)).toBeNull();
    expect(attributedSharer('bob', { ...b, until: now }, now)).toBeNull();
  });
});

describe('commission amounts', () => {
  const lines = [
    { productId: 'p1', skuId: 'a', lineFen: 2990 },
    { productId: 'p2', skuId: 'b', lineFen: 1010 },
  ];

  it('without points, every line earns rate × line amount, floored', () => {
    const shares = commissionShares(lines, 0, (p) => (p === 'p1' ? 500 : 1000));
    expect(shares.map((s) => [s.baseFen, s.rateBp, s.amountFen])).toEqual([
      [2990, 500, 149],
      [1010, 1000, 101],
    ]);
  });

  it('a points discount is spread over the lines pro rata and adds up exactly', () => {
    const paid = paidPerLine(lines, 101);
    expect(paid.reduce((a, b) => a + b, 0)).toBe(4000 - 101);
    expect(paid).toEqual([2990 - 75, 1010 - 26]);
    expect(paidPerLine([{ productId: 'p', skuId: 's', lineFen: 3 }], 10)).toEqual([0]);
  });

  it('a refund takes back the refunded share, rounding in favour of the shop', () => {
    expect(reversalOf(149, 4000, 4000)).toBe(149);
    expect(reversalOf(149, 4000, 2000)).toBe(149 - 74);
    expect(reversalOf(149, 4000, 1)).toBe(1);
    expect(reversalOf(149, 4000, 0)).toBe(0);
    expect(reversalOf(0, 4000, 100)).toBe(0);
  });

  it('settles when the after-sale window after completion closes (core/after-sale.ts)', () => {
    expect(afterSaleClosesAt(now, 7).toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });
});
