import { expiringText, pointsValueFen } from './points';

// Built from local fields so the shown day holds in any time zone.
const day = (mo: number, d: number) => new Date(2026, mo - 1, d, 12, 0).toISOString();

describe('pointsValueFen', () => {
  it.each([
    [100, 100, 100],
    [1250, 100, 1250],
    [300, 300, 100],
    [3, 300, 1],
    [0, 100, 0],
    [50, 1, 5000],
  ])('%i points at %i per ¥1 → %i fen', (points, perYuan, fen) => {
    expect(pointsValueFen(points, perYuan)).toBe(fen);
  });
});

describe('expiringText', () => {
  it('names the next expiry when points expire soon', () => {
    expect(expiringText({ expiringSoon: 120, nextExpiry: { points: 120, at: day(12, 8) } })).toBe(
      '120 积分将于 12月8日 过期',
    );
  });

  it('adds the total when more expire later within the span', () => {
    expect(expiringText({ expiringSoon: 300, nextExpiry: { points: 120, at: day(12, 8) } })).toBe(
      '120 积分将于 12月8日 过期，30 天内共 300 积分过期',
    );
  });

  it('says nothing when nothing expires soon', () => {
    expect(expiringText({ expiringSoon: 0, nextExpiry: { points: 100, at: day(12, 8) } })).toBeNull();
    expect(expiringText({ expiringSoon: 0, nextExpiry: null })).toBeNull();
  });
});
