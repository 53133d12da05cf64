import type { PointsRuleName } from '../../../cloudfunctions/contracts/points';
import { parseRule, RULE_TEXT, ruleFieldText, rulePlaceholder } from './rules';

describe('parseRule', () => {
  it.each<[PointsRuleName, string, number]>([
    ['pointsEarnPerYuan', '1', 1],
    ['pointsEarnPerYuan', '0', 0],
    ['pointsEarnPerYuan', ' 100 ', 100],
    ['pointsPerYuan', '200', 200],
    ['pointsCapBp', '50', 5000],
    ['pointsCapBp', '33.5%', 3350],
    ['pointsCapBp', '0', 0],
    ['pointsCapBp', '90', 9000],
    ['welcomePoints', '100000', 100000],
    ['pointsExpiryDays', '30', 30],
  ])('%s: "%s" → %i', (name, text, value) => {
    expect(parseRule(name, text)).toEqual({ ok: true, value });
  });

  it.each<[PointsRuleName, string, string]>([
    ['pointsEarnPerYuan', '', '请输入购物得积分'],
    ['pointsEarnPerYuan', '101', '每 ¥1 可得 0-100 积分'],
    ['pointsEarnPerYuan', '1.5', '请输入整数'],
    ['pointsPerYuan', '0', '抵 ¥1 需 1-10000 积分'],
    ['pointsPerYuan', '10001', '抵 ¥1 需 1-10000 积分'],
    ['pointsPerYuan', 'abc', '请输入数字'],
    ['pointsCapBp', '90.01', '抵扣上限可设 0%-90%'],
    ['pointsCapBp', '12.345', '最多两位小数'],
    ['pointsCapBp', '-5', '抵扣上限不能为负数'],
    ['pointsCapBp', '五十', '请输入数字，如 50 或 33.5'],
    ['welcomePoints', '-1', '开卡礼不能为负数'],
    ['welcomePoints', '100001', '开卡礼可设 0-100000 积分'],
    ['pointsExpiryDays', '29', '有效期可设 30-3650 天'],
    ['pointsExpiryDays', '3651', '有效期可设 30-3650 天'],
    ['pointsExpiryDays', '99999999999999999999', '有效期可设 30-3650 天'],
  ])('%s: "%s" → %s', (name, text, message) => {
    expect(parseRule(name, text)).toEqual({ ok: false, message });
  });
});

describe('rule text', () => {
  it('states each rule as the page lists it', () => {
    expect(RULE_TEXT.pointsEarnPerYuan.describe(1)).toBe('每 ¥1 得 1 积分');
    expect(RULE_TEXT.pointsEarnPerYuan.describe(0)).toBe('购物不得积分');
    expect(RULE_TEXT.pointsPerYuan.describe(100)).toBe('100 积分抵 ¥1');
    expect(RULE_TEXT.pointsCapBp.describe(5000)).toBe('最多抵商品金额的 50%');
    expect(RULE_TEXT.pointsCapBp.describe(0)).toBe('不能用积分抵扣');
    expect(RULE_TEXT.welcomePoints.describe(100)).toBe('开卡送 100 积分');
    expect(RULE_TEXT.pointsExpiryDays.describe(365)).toBe('到账后 365 天有效');
  });

  it('starts the field with the number as typed, and names the range in its placeholder', () => {
    expect(ruleFieldText('pointsCapBp', 3350)).toBe('33.5');
    expect(ruleFieldText('pointsExpiryDays', 365)).toBe('365');
    expect(rulePlaceholder('pointsCapBp')).toBe('请输入 0-90 的数字');
    expect(rulePlaceholder('pointsPerYuan')).toBe('请输入 1-10000 的整数');
  });
});
