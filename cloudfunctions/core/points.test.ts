import {
  checkRedeem,
  earnedCancelledOf,
  earnedPoints,
  expireDue,
  expiringOf,
  giveBack,
  maxUsable,
  pointsBackOf,
  pointsStep,
  spend,
  takesFor,
  totalsOf,
  type PointsLot,
} from './points';
import { DAY_MS, DEFAULT_RULES } from './rules';

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY_MS);
const lot = (id: string, left: number, expiresInDays: number, state: PointsLot['state'] = 'available'): PointsLot => ({
  id,
  points: left,
  left,
  state,
  creditedAt: at(expiresInDays - 365),
  expiresAt: at(expiresInDays),
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('redeeming', () => {
  it('100 points pay ¥1, up to half of the goods and the balance, in whole steps', () => {
    expect(maxUsable(3990, 10_000, DEFAULT_RULES)).toBe(1995); // half of ¥39.90
    expect(maxUsable(3990, 700, DEFAULT_RULES)).toBe(700);
    expect(checkRedeem(100, 3990, 700, DEFAULT_RULES)).toBe(100);
    expect(checkRedeem(0, 3990, 0, DEFAULT_RULES)).toBe(0);
  });

  it('refuses over the cap, over the balance, fractions of a step and negatives with their codes', () => {
    expect(codeOf(() => checkRedeem(1996, 3990, 10_000, DEFAULT_RULES))).toBe('points.over_cap');
    expect(codeOf(() => checkRedeem(701, 3990, 700, DEFAULT_RULES))).toBe('points.insufficient');
    expect(codeOf(() => checkRedeem(1.5, 3990, 700, DEFAULT_RULES))).toBe('input.invalid');
    expect(codeOf(() => checkRedeem(-100, 3990, 700, DEFAULT_RULES))).toBe('input.invalid');
    // 300 points per ¥1: one fen is 3 points, so spends come in threes.
    const rules = { ...DEFAULT_RULES, pointsPerYuan: 300 };
    expect(pointsStep(300)).toBe(3);
    expect(codeOf(() => checkRedeem(100, 3990, 700, rules))).toBe('points.not_whole');
    expect(checkRedeem(99, 3990, 700, rules)).toBe(33);
    expect(maxUsable(3990, 700, rules) % 3).toBe(0);
  });
});

describe('earning', () => {
  it('floors to whole yuan of goods paid', () => {
    expect(earnedPoints(3990, 1)).toBe(39);
    expect(earnedPoints(99, 1)).toBe(0);
    expect(earnedPoints(10_000, 2)).toBe(200);
  });
});

describe('lots', () => {
  const lots = [lot('late', 100, 300), lot('early', 50, 10), lot('pending', 70, 400, 'pending'), lot('gone', 30, -1)];

  it('spends the lot that expires first, never pending or expired ones, and gives back to the same lots', () => {
    const { lots: after, taken } = spend(lots, 120, T0);
    expect(taken).toEqual([
      { lotId: 'early', points: 50 },
      { lotId: 'late', points: 70 },
    ]);
    expect(after.find((l) => l.id === 'late')?.left).toBe(30);
    expect(after.find((l) => l.id === 'pending')?.left).toBe(70);
    expect(() => spend(lots, 151, T0)).toThrow(RangeError);

    const back = giveBack(after, taken, at(1));
    expect(back).toMatchObject({ returned: 120, expired: 0 });
    expect(back.lots.find((l) => l.id === 'early')?.left).toBe(50);
    expect(back.lots.find((l) => l.id === 'late')?.left).toBe(100);
  });

  it('points given back to a lot past its expiry expire at once', () => {
    const { lots: after, taken } = spend(lots, 120, T0);
    const back = giveBack(after, taken, at(11));
    expect(back).toMatchObject({ returned: 120, expired: 50 });
    expect(back.lots.find((l) => l.id === 'early')).toMatchObject({ left: 0, state: 'expired' });
  });

  it('expires due lots with what they still hold, and keeps the totals the scheduler reads', () => {
    const { lots: after, expired } = expireDue(lots, at(10));
    expect(expired).toEqual([
      { lotId: 'early', points: 50 },
      { lotId: 'gone', points: 30 },
    ]);
    expect(totalsOf(after)).toEqual({ available: 100, pending: 70, nextExpiryAt: at(300) });
    expect(totalsOf(lots)).toEqual({ available: 180, pending: 70, nextExpiryAt: at(-1) });
  });

  it('says what expires within the next days', () => {
    expect(expiringOf(lots, T0, at(30))).toEqual({ soon: 50, next: { points: 50, at: at(10) } });
    expect(expiringOf([], T0, at(30))).toEqual({ soon: 0, next: null });
  });
});

describe('refunds of part of an order', () => {
  it('gives back the refunded share of the spent points, floored, and all of them for a full refund', () => {
    expect(pointsBackOf(100, 9000, 3000)).toBe(33);
    expect(pointsBackOf(100, 9000, 9000)).toBe(100);
    expect(pointsBackOf(100, 9000, 0)).toBe(0);
    expect(pointsBackOf(99, 10000, 5000)).toBe(49);
  });

  it('cancels earnings like commission: the member keeps the floored share of what stays paid', () => {
    expect(earnedCancelledOf(89, 8900, 3000)).toBe(89 - Math.floor((89 * 5900) / 8900));
    expect(earnedCancelledOf(89, 8900, 8900)).toBe(89);
    expect(earnedCancelledOf(89, 8900, 0)).toBe(0);
  });

  it('gives back to the lots that expire last first', () => {
    const taken = [
      { lotId: 'welcome', points: 60 },
      { lotId: 'o:A', points: 40 },
    ];
    expect(takesFor(taken, 50)).toEqual([
      { lotId: 'o:A', points: 40 },
      { lotId: 'welcome', points: 10 },
    ]);
    expect(takesFor(taken, 0)).toEqual([]);
  });
});
