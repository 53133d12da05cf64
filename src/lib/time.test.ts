import { formatClock, formatCountdown, formatDateTime, formatHms, formatMonthDay, formatTime, msUntil } from './time';

// Built from local fields so the expectations hold in any time zone the tests run in.
const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();

describe('time', () => {
  it('formats a moment as month, day and time of day', () => {
    expect(formatTime(local(2026, 1, 5, 9, 3))).toBe('1月5日 09:03');
    expect(formatTime(local(2026, 12, 25, 23, 59))).toBe('12月25日 23:59');
  });

  it('adds the year only to a moment of another year', () => {
    const now = new Date(2027, 0, 10, 8, 0).getTime();
    expect(formatDateTime(local(2027, 1, 5, 9, 3), now)).toBe('1月5日 09:03');
    expect(formatDateTime(local(2026, 12, 25, 23, 59), now)).toBe('2026年12月25日 23:59');
  });

  it('formats the day alone, in local time', () => {
    expect(formatMonthDay(local(2026, 12, 8, 0, 5))).toBe('12月8日');
    expect(formatMonthDay(local(2027, 1, 31, 23, 59))).toBe('1月31日');
  });

  it('formats the time of day alone', () => {
    expect(formatClock(local(2026, 3, 1, 7, 30))).toBe('07:30');
  });

  it('counts a campaign down as hh:mm:ss, days first from a day on, and stops at zero', () => {
    expect(formatHms((23 * 3600 + 41 * 60 + 5) * 1000)).toBe('23:41:05');
    expect(formatHms(5_999)).toBe('00:00:05');
    expect(formatHms(86_400_000 - 1)).toBe('23:59:59');
    expect(formatHms((2 * 86400 + 3 * 3600 + 4 * 60 + 5) * 1000)).toBe('2天 03:04:05');
    expect(formatHms(0)).toBe('00:00:00');
    expect(formatHms(-4000)).toBe('00:00:00');
  });

  it('counts down in minutes and seconds, with hours when there are any, and stops at zero', () => {
    expect(formatCountdown(25 * 60 * 1000)).toBe('25:00');
    expect(formatCountdown(59_999)).toBe('00:59');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5000)).toBe('00:00');
  });

  it('measures the time left until a moment', () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(msUntil('2026-01-01T00:30:00.000Z', now)).toBe(30 * 60 * 1000);
    expect(msUntil('2025-12-31T23:59:00.000Z', now)).toBe(-60 * 1000);
  });
});
