import { deadlineWords, formatTimeLeft } from './after-sale';

const NOW = Date.parse('2026-12-01T00:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('after-sale deadlines in words', () => {
  it('rounds the time left down to days and hours, or hours and minutes under a day', () => {
    expect(formatTimeLeft(2 * DAY - 1)).toBe('1 天 23 小时');
    expect(formatTimeLeft(9 * DAY + 30 * MIN)).toBe('9 天');
    expect(formatTimeLeft(5 * HOUR + 20 * MIN + 59_000)).toBe('5 小时 20 分钟');
    expect(formatTimeLeft(3 * HOUR)).toBe('3 小时');
    expect(formatTimeLeft(12 * MIN + 1)).toBe('12 分钟');
    expect(formatTimeLeft(20_000)).toBe('1 分钟');
  });

  it('says each step to the buyer: the owner to answer, the buyer to ship back, the owner to receive', () => {
    expect(deadlineWords({ deadline: at(2 * DAY - MIN), deadlineAction: 'auto_approve' }, 'buyer', NOW)).toBe(
      '商家 1 天 23 小时内处理，逾期自动同意',
    );
    expect(deadlineWords({ deadline: at(7 * DAY - MIN), deadlineAction: 'close' }, 'buyer', NOW)).toBe(
      '请在 6 天 23 小时内寄回，逾期申请关闭',
    );
    expect(deadlineWords({ deadline: at(9 * DAY + 10 * MIN), deadlineAction: 'auto_receive' }, 'buyer', NOW)).toBe(
      '商家 9 天内确认收货，逾期自动确认',
    );
  });

  it('says the same deadlines to the owner as what the owner has to do', () => {
    expect(deadlineWords({ deadline: at(DAY + HOUR), deadlineAction: 'auto_approve' }, 'owner', NOW)).toBe(
      '请在 1 天 1 小时内处理，逾期自动同意',
    );
    expect(deadlineWords({ deadline: at(3 * DAY), deadlineAction: 'auto_receive' }, 'owner', NOW)).toBe(
      '请在 3 天内确认收货，逾期自动确认',
    );
  });

  it('says a deadline that passed is about to act, and nothing for a step without one', () => {
    expect(deadlineWords({ deadline: at(-MIN), deadlineAction: 'close' }, 'buyer', NOW)).toBe(
      '寄回已超时，申请即将关闭',
    );
    expect(deadlineWords({ deadline: at(0), deadlineAction: 'auto_approve' }, 'owner', NOW)).toBe(
      '处理已超时，即将自动同意',
    );
    expect(deadlineWords({}, 'buyer', NOW)).toBeNull();
    expect(deadlineWords({ deadline: at(DAY) }, 'buyer', NOW)).toBeNull();
  });
});
