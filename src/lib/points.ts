// Member points as the shop user reads them: what an offer of points is worth, and what of a balance expires soon.
// Display only: the server prices every order and applies every rule.
import { EXPIRING_SOON_DAYS } from '../../cloudfunctions/contracts/limits';
import type { PointsBalance } from '../../cloudfunctions/contracts/points';
import { formatMonthDay } from './time';

/** The contract's span of `expiringSoon`. */
export { EXPIRING_SOON_DAYS };

/** The fen `points` pay at checkout at `perYuan` points per ¥1; the server offers whole steps, so this is exact. */
export function pointsValueFen(points: number, perYuan: number): number {
  return Math.floor((points * 100) / perYuan);
}

/**
 * "120 积分将于 12月8日 过期" when spendable points expire within EXPIRING_SOON_DAYS; with more due later in that
 * span, their total too. Null when nothing expires soon.
 */
export function expiringText(balance: Pick<PointsBalance, 'expiringSoon' | 'nextExpiry'>): string | null {
  const { expiringSoon, nextExpiry } = balance;
  if (expiringSoon <= 0 || !nextExpiry) return null;
  const first = `${nextExpiry.points} 积分将于 ${formatMonthDay(nextExpiry.at)} 过期`;
  return expiringSoon > nextExpiry.points ? `${first}，${EXPIRING_SOON_DAYS} 天内共 ${expiringSoon} 积分过期` : first;
}
