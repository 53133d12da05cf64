import type { PointsEntry } from '../../../cloudfunctions/contracts/points';
import { entryText, rulesText } from './text';

const entry = (over: Partial<PointsEntry>): PointsEntry => ({
  id: 'e1',
  kind: 'welcome',
  available: 0,
  pending: 0,
  at: '2026-11-20T04:00:00.000Z',
  ...over,
});

describe('entryText', () => {
  it.each<[Partial<PointsEntry>, string, string, string | null]>([
    [{ kind: 'welcome', available: 100 }, '开卡礼', '+100', null],
    [{ kind: 'earn', pending: 35, orderId: 'YJ1' }, '购物得积分', '+35', '待到账'],
    [{ kind: 'spendable', available: 35, pending: -35, orderId: 'YJ1' }, '积分到账', '+35', '待到账转为可用'],
    [{ kind: 'cancel', pending: -35, orderId: 'YJ1' }, '退款扣回待到账积分', '-35', '待到账'],
    [{ kind: 'spend', available: -100, orderId: 'YJ2' }, '下单抵扣', '-100', null],
    [{ kind: 'return', available: 100, orderId: 'YJ2' }, '订单取消/退款，积分退还', '+100', null],
    [{ kind: 'expire', available: -20 }, '积分过期', '-20', null],
    [{ kind: 'expire', available: -20, orderId: 'YJ2' }, '退还的积分已过期', '-20', null],
  ])('%o → %s %s', (over, reason, amount, bucket) => {
    expect(entryText(entry(over))).toEqual({ reason, amount, gain: amount.startsWith('+'), bucket });
  });
});

describe('rulesText', () => {
  const rules = {
    pointsEarnPerYuan: 1,
    pointsPerYuan: 100,
    pointsCapBp: 5000,
    welcomePoints: 100,
    pointsExpiryDays: 365,
  };

  it("states the shop's figures", () => {
    const text = rulesText(rules).join('\n');
    expect(text).toContain('每实付 ¥1 商品金额得 1 积分');
    expect(text).toContain('100 积分抵 ¥1，最多抵商品金额的 50%');
    expect(text).toContain('365 天内有效');
    expect(text).toContain('开卡送 100 积分');
  });

  it('says so when a rule is switched off, and keeps fractional percents', () => {
    const text = rulesText({ ...rules, pointsEarnPerYuan: 0, pointsCapBp: 0, welcomePoints: 0 }).join('\n');
    expect(text).toContain('目前购物不送积分');
    expect(text).toContain('目前下单不能用积分抵扣');
    expect(text).not.toContain('开卡送');
    expect(rulesText({ ...rules, pointsCapBp: 1250 }).join('\n')).toContain('最多抵商品金额的 12.5%');
  });
});
