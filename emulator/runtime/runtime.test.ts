import { nextRun } from './runtime';

describe('nextRun (CloudBase 7-field cron, UTC+8)', () => {
  test('02:00 every day is 18:00 UTC of the day before', () => {
    const after = Date.parse('2026-11-23T00:00:00Z'); // 08:00 in Beijing
    expect(new Date(nextRun('0 0 2 * * * *', after)).toISOString()).toBe('2026-11-23T18:00:00.000Z');
  });

  test('every 5 minutes from an odd minute', () => {
    const after = Date.parse('2026-11-23T10:07:30Z');
    expect(new Date(nextRun('0 */5 * * * * *', after)).toISOString()).toBe('2026-11-23T10:10:00.000Z');
  });

  test('the year field restricts runs', () => {
    const after = Date.parse('2026-11-23T00:00:00Z');
    expect(new Date(nextRun('0 0 0 1 1 * 2028', after)).toISOString()).toBe('2027-12-31T16:00:00.000Z');
  });

  test('a malformed expression is refused', () => {
    expect(() => nextRun('every day', Date.now())).toThrow();
  });
});
