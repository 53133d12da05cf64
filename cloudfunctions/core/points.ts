// Member points as lots: each credit (the welcome gift, an order's earnings) is a lot with its own expiry.
// Spending takes from the lots that expire first and remembers which; giving back (a cancel, a refund) returns
// to those same lots with their original expiry. Pure: the time and the rules are passed in.
import { AppError } from '../contracts/errors';
import { EXPIRING_SOON_DAYS, type PointsBalance, type PointsRules } from '../contracts/points';
import { DAY_MS, type ShopRules } from './rules';

export type LotState = 'pending' | 'available' | 'cancelled' | 'expired';

export interface PointsLot {
  /** `welcome`, or `o:<orderId>` for an order's earnings. */
  id: string;
  orderId?: string;
  /** As credited. */
  points: number;
  /** Not yet spent (available lots), or still to come (pending lots). */
  left: number;
  state: LotState;
  creditedAt: Date;
  expiresAt: Date;
}

/** Points taken from one lot. */
export interface Take {
  lotId: string;
  points: number;
}

export const orderLotId = (orderId: string) => `o:${orderId}`;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Points are spent in multiples of this, so every spend is a whole number of fen. */
export function pointsStep(perYuan: number): number {
  return perYuan / gcd(perYuan, 100);
}

/** The fen that `points` pay (a multiple of the step). */
export function pointsToFen(points: number, perYuan: number): number {
  return (points * 100) / perYuan;
}

/** Most points an order of `goodsFen` can take: within the balance and the cap, a whole number of steps. */
export function maxUsable(
  goodsFen: number,
  available: number,
  rules: Pick<ShopRules, 'pointsPerYuan' | 'pointsCapBp'>,
): number {
  const step = pointsStep(rules.pointsPerYuan);
  const capFen = Math.floor((goodsFen * rules.pointsCapBp) / 10_000);
  const capPoints = Math.floor((capFen * rules.pointsPerYuan) / 100);
  return Math.floor(Math.min(Math.max(available, 0), capPoints) / step) * step;
}

/** The discount of spending `points` on goods of `goodsFen`, or the coded refusal. */
export function checkRedeem(
  points: number,
  goodsFen: number,
  available: number,
  rules: Pick<ShopRules, 'pointsPerYuan' | 'pointsCapBp'>,
): number {
  if (!Number.isSafeInteger(points) || points < 0) throw new AppError('input.invalid');
  const step = pointsStep(rules.pointsPerYuan);
  if (points % step !== 0) throw new AppError('points.not_whole', `积分需按 ${step} 的整数倍抵扣`);
  const capFen = Math.floor((goodsFen * rules.pointsCapBp) / 10_000);
  const fen = pointsToFen(points, rules.pointsPerYuan);
  if (fen > capFen)
    throw new AppError('points.over_cap', `本单最多可用 ${maxUsable(goodsFen, Number.MAX_SAFE_INTEGER, rules)} 积分`);
  if (points > available)
    throw new AppError('points.insufficient', `积分不足：当前可用 ${Math.max(available, 0)} 积分`);
  return fen;
}

/** 1 point (by default) per whole ¥1 of goods paid. */
export function earnedPoints(goodsPaidFen: number, earnPerYuan: number): number {
  return Math.floor(Math.max(goodsPaidFen, 0) / 100) * earnPerYuan;
}

export function expiryOf(creditedAt: Date, rules: Pick<ShopRules, 'pointsExpiryDays'>): Date {
  return new Date(creditedAt.getTime() + rules.pointsExpiryDays * DAY_MS);
}

const spendable = (lot: PointsLot, now: Date) => lot.state === 'available' && lot.left > 0 && lot.expiresAt > now;

/** What can be spent now. */
export function availableOf(lots: readonly PointsLot[], now: Date): number {
  return lots.filter((l) => spendable(l, now)).reduce((sum, l) => sum + l.left, 0);
}

/** Takes `points` from the lots that expire first (then the oldest). The caller has checked the balance. */
export function spend(lots: readonly PointsLot[], points: number, now: Date): { lots: PointsLot[]; taken: Take[] } {
  const next = lots.map((l) => ({ ...l }));
  const order = next
    .filter((l) => spendable(l, now))
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.creditedAt.getTime() - b.creditedAt.getTime());
  const taken: Take[] = [];
  let due = points;
  for (const lot of order) {
    if (due === 0) break;
    const take = Math.min(lot.left, due);
    lot.left -= take;
    due -= take;
    taken.push({ lotId: lot.id, points: take });
  }
  if (due > 0) throw new RangeError(`spend of ${points} points exceeds the balance`);
  return { lots: next, taken };
}

/**
 * Gives spent points back to the lots they came from. Points that go back to a lot already past its expiry are
 * expired again at once (`expired`): they keep their original expiry.
 */
export function giveBack(
  lots: readonly PointsLot[],
  taken: readonly Take[],
  now: Date,
): { lots: PointsLot[]; returned: number; expired: number } {
  const next = lots.map((l) => ({ ...l }));
  let returned = 0;
  let expired = 0;
  for (const t of taken) {
    const lot = next.find((l) => l.id === t.lotId);
    if (!lot) throw new RangeError(`no lot ${t.lotId} to give back to`);
    returned += t.points;
    if (lot.state === 'expired' || lot.expiresAt <= now) {
      lot.state = 'expired';
      expired += t.points;
    } else {
      lot.left += t.points;
    }
  }
  return { lots: next, returned, expired };
}

/** Lots whose expiry has come: what they still held is gone. */
export function expireDue(lots: readonly PointsLot[], now: Date): { lots: PointsLot[]; expired: Take[] } {
  const expired: Take[] = [];
  const next = lots.map((l) => {
    if (l.state !== 'available' || l.expiresAt > now) return { ...l };
    if (l.left > 0) expired.push({ lotId: l.id, points: l.left });
    return { ...l, left: 0, state: 'expired' as const };
  });
  return { lots: next, expired };
}

/** Totals kept on the account beside its lots: the balance, and the next expiry the scheduler looks for. */
export function totalsOf(lots: readonly PointsLot[]): {
  available: number;
  pending: number;
  nextExpiryAt: Date | null;
} {
  let available = 0;
  let pending = 0;
  let nextExpiryAt: Date | null = null;
  for (const l of lots) {
    if (l.state === 'pending') pending += l.left;
    if (l.state === 'available') {
      available += l.left;
      if (l.left > 0 && (!nextExpiryAt || l.expiresAt < nextExpiryAt)) nextExpiryAt = l.expiresAt;
    }
  }
  return { available, pending, nextExpiryAt };
}

/** Of the spendable points, those expiring by `until`, and the earliest expiry. */
export function expiringOf(
  lots: readonly PointsLot[],
  now: Date,
  until: Date,
): { soon: number; next: { points: number; at: Date } | null } {
  const live = lots.filter((l) => spendable(l, now)).sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  const soon = live.filter((l) => l.expiresAt <= until).reduce((sum, l) => sum + l.left, 0);
  if (live.length === 0) return { soon, next: null };
  const at = live[0].expiresAt;
  const points = live.filter((l) => l.expiresAt.getTime() === at.getTime()).reduce((sum, l) => sum + l.left, 0);
  return { soon, next: { points, at } };
}

/** The member card's figures: stored totals, and what of the spendable points expires within the coming days. */
export function balanceOf(lots: readonly PointsLot[], isMember: boolean, now: Date, rules: ShopRules): PointsBalance {
  const { available, pending } = totalsOf(lots);
  const { soon, next } = expiringOf(lots, now, new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS));
  return {
    isMember,
    available,
    pending,
    expiringSoon: soon,
    nextExpiry: next && { points: next.points, at: next.at.toISOString() },
    rules: pointsRulesOf(rules),
  };
}

/** The points rules among the shop's rules. */
export function pointsRulesOf(r: ShopRules): PointsRules {
  return {
    pointsEarnPerYuan: r.pointsEarnPerYuan,
    pointsPerYuan: r.pointsPerYuan,
    pointsCapBp: r.pointsCapBp,
    welcomePoints: r.welcomePoints,
    pointsExpiryDays: r.pointsExpiryDays,
  };
}

/**
 * Spent points a refund gives back: the refunded share of what was paid, floored (rounding never favours the
 * member, as it never favours the sharer's commission); all of them for a full refund.
 */
export function pointsBackOf(pointsUsed: number, paidFen: number, refundFen: number): number {
  if (paidFen <= 0 || refundFen >= paidFen) return pointsUsed;
  if (refundFen <= 0) return 0;
  return Math.floor((pointsUsed * refundFen) / paidFen);
}

/** Earned points a refund cancels: like commission, the member keeps floor(earned × kept payment / payment). */
export function earnedCancelledOf(earned: number, paidFen: number, refundFen: number): number {
  if (paidFen <= 0 || refundFen >= paidFen) return earned;
  if (refundFen <= 0) return 0;
  return earned - Math.floor((earned * (paidFen - refundFen)) / paidFen);
}

/** Which of the takes `points` go back to: the lots that expire last first (the member keeps them longest). */
export function takesFor(taken: readonly Take[], points: number): Take[] {
  const out: Take[] = [];
  let due = points;
  for (const t of [...taken].reverse()) {
    if (due <= 0) break;
    const part = Math.min(t.points, due);
    out.push({ lotId: t.lotId, points: part });
    due -= part;
  }
  return out;
}

/**
 * The takes that bring the points given back from `from` to `to` (partial refunds give back in steps; each step
 * goes to the lots the whole would, so the steps together equal one refund of the sum).
 */
export function takesBetween(taken: readonly Take[], from: number, to: number): Take[] {
  const before = new Map(takesFor(taken, from).map((t) => [t.lotId, t.points]));
  return takesFor(taken, to)
    .map((t) => ({ lotId: t.lotId, points: t.points - (before.get(t.lotId) ?? 0) }))
    .filter((t) => t.points > 0);
}
