// The shop's five points rules as the owner reads and types them: whole numbers, except the cap, which the server
// keeps in basis points and the owner types in percent (up to two decimals, as commission rates).
import { POINTS_RULE_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import type { PointsRuleName } from '../../../cloudfunctions/contracts/points';
import { formatRateBp, parseHundredths, rateBpToPercentText } from '../rates/rate';

/** The contract's bounds. */
export const RULE_BOUNDS = POINTS_RULE_BOUNDS;

/** In the order the page lists them: earning, spending, joining, expiry. */
export const RULE_NAMES: readonly PointsRuleName[] = [
  'pointsEarnPerYuan',
  'pointsPerYuan',
  'pointsCapBp',
  'welcomePoints',
  'pointsExpiryDays',
];

export interface RuleText {
  label: string;
  /** The rule as the page states it: 每 ¥1 得 1 积分. */
  describe: (value: number) => string;
  /** The words around the number in the field: 每 ¥1 得 [1] 积分. */
  before: string;
  after: string;
  hint: string;
  /** The accepted range, said when a number falls outside it. */
  range: string;
  /** Who a change reaches, for the confirmation. */
  reach: string;
}

const NEW_ORDERS = '修改后仅对新订单生效。';
const {
  pointsEarnPerYuan: earn,
  pointsPerYuan: perYuan,
  pointsCapBp: cap,
  welcomePoints: welcome,
  pointsExpiryDays: expiry,
} = RULE_BOUNDS;

export const RULE_TEXT: Record<PointsRuleName, RuleText> = {
  pointsEarnPerYuan: {
    label: '购物得积分',
    describe: (v) => (v === 0 ? '购物不得积分' : `每 ¥1 得 ${v} 积分`),
    before: '每 ¥1 得',
    after: '积分',
    hint: '按实付商品金额（扣除积分抵扣）计算，订单完成后记为待到账，售后期结束后可用。0 表示购物不得积分。',
    range: `每 ¥1 可得 ${earn.min}-${earn.max} 积分`,
    reach: NEW_ORDERS,
  },
  pointsPerYuan: {
    label: '积分抵现',
    describe: (v) => `${v} 积分抵 ¥1`,
    before: '',
    after: '积分抵 ¥1',
    hint: '下单时多少积分抵 ¥1。',
    range: `抵 ¥1 需 ${perYuan.min}-${perYuan.max} 积分`,
    // A ratio applies when points are spent: the points members hold already are worth the new amount.
    reach: '修改后仅对新订单生效；会员已有的积分，之后下单时也按新比例抵扣。',
  },
  pointsCapBp: {
    label: '抵扣上限',
    describe: (v) => (v === 0 ? '不能用积分抵扣' : `最多抵商品金额的 ${formatRateBp(v)}`),
    before: '最多抵商品金额的',
    after: '%',
    hint: '一笔订单里积分最多能抵的商品金额比例，最多两位小数。0 表示不能用积分抵扣。',
    range: `抵扣上限可设 ${formatRateBp(cap.min)}-${formatRateBp(cap.max)}`,
    reach: NEW_ORDERS,
  },
  welcomePoints: {
    label: '开卡礼',
    describe: (v) => (v === 0 ? '开卡不送积分' : `开卡送 ${v} 积分`),
    before: '开卡送',
    after: '积分',
    hint: '会员开卡时送一次，立即可用。0 表示不送。',
    range: `开卡礼可设 ${welcome.min}-${welcome.max} 积分`,
    reach: '修改后仅对之后开卡的会员生效。',
  },
  pointsExpiryDays: {
    label: '积分有效期',
    describe: (v) => `到账后 ${v} 天有效`,
    before: '到账后',
    after: '天有效',
    hint: '每笔积分自到账起计算，到期未用的自动失效。',
    range: `有效期可设 ${expiry.min}-${expiry.max} 天`,
    reach: NEW_ORDERS,
  },
};

/** What the field starts with: the number as typed (the cap in percent). */
export function ruleFieldText(name: PointsRuleName, value: number): string {
  return name === 'pointsCapBp' ? rateBpToPercentText(value) : String(value);
}

/** The field's placeholder: the range it accepts. */
export function rulePlaceholder(name: PointsRuleName): string {
  const { min, max } = RULE_BOUNDS[name];
  return name === 'pointsCapBp' ? `请输入 ${min / 100}-${max / 100} 的数字` : `请输入 ${min}-${max} 的整数`;
}

export type RuleParse = { ok: true; value: number } | { ok: false; message: string };

/** What the owner typed → the rule's stored value, or why it cannot be saved. */
export function parseRule(name: PointsRuleName, text: string): RuleParse {
  const { label, range } = RULE_TEXT[name];
  const t = name === 'pointsCapBp' ? text.trim().replace(/%$/, '').trim() : text.trim();
  if (!t) return { ok: false, message: `请输入${label}` };
  if (/^-\s*[\d.]/.test(t)) return { ok: false, message: `${label}不能为负数` };
  let value: number | null;
  if (name === 'pointsCapBp') {
    if (/^\d*\.\d{3,}$/.test(t)) return { ok: false, message: '最多两位小数' };
    // Percent with two decimals is exactly hundredths of a percent: basis points.
    value = parseHundredths(t);
    if (value === null) return { ok: false, message: '请输入数字，如 50 或 33.5' };
  } else {
    if (!/^\d+$/.test(t)) return { ok: false, message: /^\d*\.\d*$/.test(t) ? '请输入整数' : '请输入数字' };
    value = Number(t);
  }
  const { min, max } = RULE_BOUNDS[name];
  if (!Number.isSafeInteger(value) || value < min || value > max) return { ok: false, message: range };
  return { ok: true, value };
}
