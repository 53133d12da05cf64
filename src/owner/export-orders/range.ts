// The export's date range as the page offers it: China days ('YYYY-MM-DD'), the last 7 by default, at most
// EXPORT_DAYS_MAX (the server refuses longer ranges as report.range_invalid; the page says so before asking).
import { EXPORT_DAYS_MAX } from '../../../cloudfunctions/contracts/limits';

const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3_600_000;

/** The China day of an instant, `days` days later (earlier when negative). */
export function chinaDay(now: number, days = 0): string {
  return new Date(now + CHINA_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** Why the range cannot be exported, or null. */
export function rangeProblem(from: string, to: string): string | null {
  if (from > to) return '开始日期不能晚于结束日期';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  return days > EXPORT_DAYS_MAX ? `最长导出 ${EXPORT_DAYS_MAX} 天` : null;
}
