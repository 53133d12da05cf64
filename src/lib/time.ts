// Dates the shop user sees: dayjs in Chinese, in the phone's own time zone (the shop's buyers are in China).
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

export { dayjs };

/** '2026-01-05T01:03:00Z' → '1月5日 09:03' (in China time) */
export function formatTime(iso: string): string {
  return dayjs(iso).format('M月D日 HH:mm');
}

/**
 * A moment that may lie in another year (a points ledger spans more than one): the year only when it is not this one.
 */
export function formatDateTime(iso: string, now: number = Date.now()): string {
  const at = dayjs(iso);
  return at.format(at.year() === dayjs(now).year() ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
}

/** The day only: '2026-12-08T04:00:00Z' → '12月8日' (in China time). */
export function formatMonthDay(iso: string): string {
  return dayjs(iso).format('M月D日');
}

/** The time of day only: '09:03'. */
export function formatClock(iso: string): string {
  return dayjs(iso).format('HH:mm');
}

/** Milliseconds from `now` until `iso`; negative once it has passed. */
export function msUntil(iso: string, now: number = Date.now()): number {
  return dayjs(iso).valueOf() - now;
}

/** A countdown: 1500000 → '25:00', 3723000 → '1:02:03'; '00:00' once it has run out. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * A campaign's countdown, always hh:mm:ss: 84065000 → '23:21:05', 5000 → '00:00:05'; a day or more is said in days
 * first, '2天 03:04:05'; '00:00:00' once it has run out.
 */
export function formatHms(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(h)}:${pad(m)}:${pad(s)}`;
  return days > 0 ? `${days}天 ${clock}` : clock;
}
