import { REPORT_RANGES } from '../../../cloudfunctions/contracts/report';
import { axisDay, bindingText, changeOf, customerLine, formatDay, formatRate, RANGE_LIST } from './report-text';

describe('the business figures in words', () => {
  it('says a rise, a fall and no change against the previous range', () => {
    expect(changeOf(1125, 1000)).toEqual({ text: '↑12.5%', trend: 'up' });
    expect(changeOf(970, 1000)).toEqual({ text: '↓3.0%', trend: 'down' });
    expect(changeOf(1000, 1000)).toEqual({ text: '持平', trend: 'flat' });
    expect(changeOf(10000, 10004)).toEqual({ text: '持平', trend: 'flat' });
    expect(changeOf(0, 500)).toEqual({ text: '↓100.0%', trend: 'down' });
    expect(changeOf(3, 1)).toEqual({ text: '↑200.0%', trend: 'up' });
  });

  it('says — when the previous range had nothing, whatever this one has', () => {
    expect(changeOf(500, 0)).toEqual({ text: '—', trend: 'none' });
    expect(changeOf(0, 0)).toEqual({ text: '—', trend: 'none' });
  });

  it('writes rates as percentages and days the Chinese way', () => {
    expect(formatRate(0.125)).toBe('12.5%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(1 / 3)).toBe('33.3%');
    expect(formatDay('2026-12-03')).toBe('12月3日');
    expect(formatDay('2026-01-15')).toBe('1月15日');
    expect(axisDay('2026-12-03')).toBe('12-03');
  });
});

describe('a customer in words', () => {
  it('sums up a row: orders, what they paid, their last order day', () => {
    expect(customerLine({ orders: 3, paidFen: 12800, lastOrderAt: '2026-12-03T04:00:00Z' })).toBe(
      '订单 3 · 消费 ¥128.00 · 最近 12月3日',
    );
  });

  it('says who recommended them since when, and how it ended', () => {
    const b = { shareCode: 'ABC234', nickname: '张三', from: '2026-11-02T04:00:00Z' };
    expect(bindingText({ ...b, to: '2026-12-02T04:00:00Z', ended: 'expired' })).toBe(
      '2026.11.02–2026.12.02 由 张三（ABC234）推荐 · 已过期',
    );
    expect(bindingText({ ...b, to: '2026-11-20T04:00:00Z', ended: 'released' })).toBe(
      '2026.11.02–2026.11.20 由 张三（ABC234）推荐 · 已解除',
    );
    expect(bindingText({ ...b, to: '2026-11-20T04:00:00Z', ended: 'muted' })).toBe(
      '2026.11.02–2026.11.20 由 张三（ABC234）推荐 · 已屏蔽',
    );
    expect(bindingText(b)).toBe('2026.11.02 起 由 张三（ABC234）推荐 · 推荐中');
  });
});

describe('the ranges', () => {
  it('are the contract’s, in its order', () => {
    expect(RANGE_LIST).toEqual([...REPORT_RANGES]);
  });
});
