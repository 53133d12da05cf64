// A range of China days (UTC+8, no daylight saving) as instants: from the first day's midnight to the midnight after
// the last, so an order placed at 23:59:59 China time belongs to its day and one at 00:00 to the next.
import { AppError } from '../contracts/errors';
import { EXPORT_DAYS_MAX } from '../contracts/limits';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** China midnight starting `day` ('YYYY-MM-DD'), or null when it is no real date (2026-02-30). */
function chinaMidnight(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, date);
  if (year < 2000 || new Date(utc).toISOString().slice(0, 10) !== day) return null;
  return new Date(utc - CHINA_OFFSET_MS);
}

/**
 * `from` to `to` inclusive as `[start, end)`: refused (`report.range_invalid`) when a day is not a real date, `from`
 * is after `to`, or the range is longer than EXPORT_DAYS_MAX days.
 */
export function chinaDayRange(from: string, to: string): { start: Date; end: Date; days: number } {
  const start = chinaMidnight(from);
  const last = chinaMidnight(to);
  if (!start || !last || last < start) throw new AppError('report.range_invalid');
  const days = (last.getTime() - start.getTime()) / DAY_MS + 1;
  if (days > EXPORT_DAYS_MAX) throw new AppError('report.range_invalid');
  return { start, end: new Date(last.getTime() + DAY_MS), days };
}

/** An instant as China wall-clock time, 'YYYY-MM-DD HH:mm:ss' (what the owner's spreadsheet shows). */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
