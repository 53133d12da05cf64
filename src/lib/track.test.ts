import { refundRateWords, trackWords } from './track';

// Built from local fields so the year holds in any time zone the tests run in.
const joined = (y: number, mo: number, d: number) => new Date(y, mo - 1, d, 10, 0).toISOString();
const sharer = { nickname: 'alice', shareCode: 'ALC234', memberSince: joined(2023, 5, 2), keptProducts: 6, reviews: 4 };

describe('the track record in plain words', () => {
  it('says the year joined, products kept and reviews written', () => {
    expect(trackWords(sharer)).toBe('2023 年加入 · 买过 6 件 · 写过 4 条评价');
  });

  it('leaves out a figure of nothing rather than saying 0', () => {
    expect(trackWords({ ...sharer, keptProducts: 0 })).toBe('2023 年加入 · 写过 4 条评价');
    expect(trackWords({ ...sharer, reviews: 0 })).toBe('2023 年加入 · 买过 6 件');
    expect(trackWords({ ...sharer, memberSince: joined(2026, 1, 1), keptProducts: 0, reviews: 0 })).toBe('2026 年加入');
  });

  it('says the referred orders’ refund rate only when the shop gives one, 0% included', () => {
    expect(refundRateWords(sharer)).toBeNull();
    expect(refundRateWords({ ...sharer, referredRefundRate: 4 })).toBe('推荐的订单退款率 4%');
    expect(refundRateWords({ ...sharer, referredRefundRate: 0 })).toBe('推荐的订单退款率 0%');
  });
});
