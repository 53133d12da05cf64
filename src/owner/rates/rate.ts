// Commission rates as the owner reads and types them (percent, up to two decimals) and as the server keeps them
// (integer basis points): 5% = 500 bp, 7.25% = 725 bp.
import { MAX_RATE_BP } from '../../../cloudfunctions/contracts/limits';

export { MAX_RATE_BP };

/**
 * "7.25" → 725: a non-negative number with at most two decimals as integer hundredths, read digit by digit (no float).
 */
export function parseHundredths(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const [, whole, part = ''] = match;
  const value = Number(whole) * 100 + Number(part.padEnd(2, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

export type RateParse = { ok: true; rateBp: number } | { ok: false; message: string };

/** "7.5" (or "7.5%") → 750 bp; or why the text is not a rate the owner may set. */
export function parseRatePercent(text: string): RateParse {
  const t = text.trim().replace(/%$/, '').trim();
  if (!t) return { ok: false, message: '请输入佣金比例' };
  if (/^-\s*[\d.]/.test(t)) return { ok: false, message: '佣金比例不能为负数' };
  if (/^\d*\.\d{3,}$/.test(t)) return { ok: false, message: '最多两位小数' };
  // Percent with two decimals is exactly hundredths of a percent: basis points.
  const rateBp = parseHundredths(t);
  if (rateBp === null) return { ok: false, message: '请输入数字，如 5 或 7.5' };
  if (rateBp > MAX_RATE_BP) return { ok: false, message: `佣金比例不能超过 ${formatRateBp(MAX_RATE_BP)}` };
  return { ok: true, rateBp };
}

/** 500 → "5", 750 → "7.5", 725 → "7.25": the percent without its sign, as a rate input starts. */
export function rateBpToPercentText(rateBp: number): string {
  const whole = Math.floor(rateBp / 100);
  const rest = rateBp % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** 500 → "5%", 725 → "7.25%". */
export function formatRateBp(rateBp: number): string {
  return `${rateBpToPercentText(rateBp)}%`;
}
