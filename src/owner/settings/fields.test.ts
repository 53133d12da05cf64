import { normalizeMemberCode, parseMemberCode, parseShopName, parseShopRule, ruleField, ruleText } from './fields';
import type { RuleName, ShopRuleName } from './fields';

const owners = [{ nickname: '店主', shareCode: 'MGR234', isMe: true }];

describe('parseShopRule', () => {
  it.each<[ShopRuleName, string, number]>([
    ['shippingFeeFen', '8.5', 850],
    ['shippingFeeFen', '¥8.50', 850],
    ['shippingFeeFen', '0', 0],
    ['shippingFeeFen', '0.01', 1],
    ['shippingFeeFen', '1000', 100_000],
    ['freeShippingFromFen', '99', 9900],
    ['freeShippingFromFen', '0', 0],
    ['freeShippingFromFen', '100000', 10_000_000],
    ['unpaidCancelMinutes', '5', 5],
    ['unpaidCancelMinutes', ' 1440 ', 1440],
    ['autoConfirmDays', '3', 3],
    ['autoConfirmDays', '30', 30],
    ['afterSaleDays', '1', 1],
    ['commissionRateBp', '10', 1000],
    ['commissionRateBp', '7.25%', 725],
    ['commissionRateBp', '0', 0],
    ['commissionRateBp', '50', 5000],
    ['bindingDays', '365', 365],
  ])('%s: "%s" → %i', (name, text, value) => {
    expect(parseShopRule(name, text)).toEqual({ ok: true, value });
  });

  it.each<[ShopRuleName, string, string]>([
    ['shippingFeeFen', '', '请输入运费'],
    ['shippingFeeFen', '1000.01', '可设 ¥0.00-¥1,000.00'],
    ['shippingFeeFen', '8.555', '最多两位小数'],
    ['shippingFeeFen', '-1', '运费不能为负数'],
    ['shippingFeeFen', '八块', '请输入金额，如 8 或 8.5'],
    ['freeShippingFromFen', '100000.01', '可设 ¥0.00-¥100,000.00'],
    ['unpaidCancelMinutes', '4', '可设 5-1440 分钟'],
    ['unpaidCancelMinutes', '1441', '可设 5-1440 分钟'],
    ['unpaidCancelMinutes', '30.5', '请输入整数'],
    ['unpaidCancelMinutes', 'abc', '请输入数字'],
    ['autoConfirmDays', '2', '可设 3-30 天'],
    ['autoConfirmDays', '31', '可设 3-30 天'],
    ['afterSaleDays', '0', '可设 1-30 天'],
    ['commissionRateBp', '50.01', '可设 0%-50%'],
    ['commissionRateBp', '-5', '默认佣金比例不能为负数'],
    ['bindingDays', '366', '可设 1-365 天'],
    ['bindingDays', '99999999999999999999', '可设 1-365 天'],
  ])('%s: "%s" → %s', (name, text, message) => {
    expect(parseShopRule(name, text)).toEqual({ ok: false, message });
  });
});

describe('rule text', () => {
  it.each<[RuleName, number, string]>([
    ['shippingFeeFen', 500, '¥5.00'],
    ['shippingFeeFen', 0, '不收运费'],
    ['freeShippingFromFen', 9900, '满 ¥99.00 包邮'],
    ['freeShippingFromFen', 0, '全场包邮'],
    ['unpaidCancelMinutes', 30, '30 分钟'],
    ['autoConfirmDays', 10, '发货后 10 天'],
    ['afterSaleDays', 7, '确认收货后 7 天'],
    ['commissionRateBp', 1000, '10%'],
    ['commissionRateBp', 725, '7.25%'],
    ['bindingDays', 15, '15 天'],
    // The points rules say what the 积分设置 page says.
    ['pointsEarnPerYuan', 1, '每 ¥1 得 1 积分'],
    ['pointsCapBp', 5000, '最多抵商品金额的 50%'],
  ])('%s %i reads "%s"', (name, value, text) => {
    expect(ruleText(name).describe(value)).toBe(text);
  });
});

describe('ruleField', () => {
  it('starts from the value in the unit typed, names the range, and checks by the rule', () => {
    const fee = ruleField('shippingFeeFen', 850);
    expect([fee.initial, fee.placeholder, fee.type]).toEqual(['8.50', '请输入 0-1000 的金额', 'digit']);
    expect(fee.note).toMatch(/^可设 ¥0.00-¥1,000.00。/);
    expect(fee.parse('8.5')).toEqual({ ok: true, value: 850 });

    const rate = ruleField('commissionRateBp', 725);
    expect([rate.initial, rate.placeholder, rate.after]).toEqual(['7.25', '请输入 0-50 的数字', '%']);

    const minutes = ruleField('unpaidCancelMinutes', 30);
    expect([minutes.initial, minutes.placeholder, minutes.type]).toEqual(['30', '请输入 5-1440 的整数', 'number']);
    expect(minutes.note).toContain('可设 5-1440 分钟');

    // A points rule is checked by the points page's own parser and bounds.
    const expiry = ruleField('pointsExpiryDays', 365);
    expect([expiry.initial, expiry.placeholder]).toEqual(['365', '请输入 30-3650 的整数']);
    expect(expiry.parse('29')).toEqual({ ok: false, message: '有效期可设 30-3650 天' });
    expect(ruleField('pointsCapBp', 3350).initial).toBe('33.5');
  });
});

describe('parseShopName', () => {
  it('trims, and takes 1-20 characters', () => {
    expect(parseShopName('  友荐小店 ')).toEqual({ ok: true, value: '友荐小店' });
    expect(parseShopName('店'.repeat(20))).toEqual({ ok: true, value: '店'.repeat(20) });
    expect(parseShopName('店'.repeat(21))).toEqual({ ok: false, message: '店铺名称最多 20 个字' });
    expect(parseShopName('   ')).toEqual({ ok: false, message: '请输入店铺名称' });
  });
});

describe('parseMemberCode', () => {
  it('capitalises as typed and takes six of the share-code alphabet (A-Z less I and O, 2-9)', () => {
    expect(normalizeMemberCode('ab c23')).toBe('ABC23');
    expect(parseMemberCode(' abc234 ', owners)).toEqual({ ok: true, value: 'ABC234' });
    expect(parseMemberCode('', owners)).toEqual({ ok: false, message: '请输入会员码' });
    expect(parseMemberCode('ABC23', owners)).toEqual({ ok: false, message: '会员码是 6 位字母或数字' });
    // 0 and 1 are never in a member code (they read as O and I).
    expect(parseMemberCode('ABC201', owners)).toEqual({ ok: false, message: '会员码是 6 位字母或数字' });
    expect(parseMemberCode('ABCI23', owners)).toEqual({ ok: false, message: '会员码是 6 位字母或数字' });
    expect(parseMemberCode('ABCO23', owners)).toEqual({ ok: false, message: '会员码是 6 位字母或数字' });
    expect(parseMemberCode('mgr234', owners)).toEqual({ ok: false, message: '这位会员已经是店主' });
  });
});
