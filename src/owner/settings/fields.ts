// The shop settings as the owner reads and types them, and as the server keeps them: yuan ↔ integer fen, percent ↔
// basis points, minutes and days as whole numbers, the shop's name, a member code, the customer service contacts
// and the return address. Each editable value becomes a
// FieldSpec, what the one edit sheet needs: the field's words, its range and its check. The server stays the
// authority; these checks only spare a round trip.
import {
  ADDRESS_BOUNDS,
  hasVisibleText,
  PHONE_PATTERN,
  SERVICE_PHONE_PATTERN,
  SERVICE_WECHAT_PATTERN,
  SHARE_CODE_PATTERN,
  SHOP_NAME_MAX,
  SHOP_RULE_BOUNDS,
} from '../../../cloudfunctions/contracts/limits';
import type { Address } from '../../../cloudfunctions/contracts/order';
import type { ShopSettings } from '../../../cloudfunctions/contracts/shop';
import type { PointsRuleName } from '../../../cloudfunctions/contracts/points';
import { fenToYuanText, formatFen, parseYuanToFen } from '../../lib/money';
import {
  parseRule,
  RULE_BOUNDS as POINTS_BOUNDS,
  RULE_NAMES as POINTS_RULE_NAMES,
  RULE_TEXT as POINTS_RULE_TEXT,
  ruleFieldText,
  rulePlaceholder,
} from '../points/rules';
import type { RuleText } from '../points/rules';
import { formatRateBp, parseHundredths, rateBpToPercentText } from '../rates/rate';

/** The contract's bounds. */
export const SHOP_BOUNDS = SHOP_RULE_BOUNDS;
export const NAME_MAX = SHOP_NAME_MAX;

export type ShopRuleName = keyof typeof SHOP_RULE_BOUNDS;
export type RuleName = keyof ShopSettings['rules'];

/** The rule cards in the order the page shows them. */
export const RULE_CARDS: ReadonlyArray<{ title: string; rules: readonly RuleName[] }> = [
  { title: '运费', rules: ['shippingFeeFen', 'freeShippingFromFen'] },
  { title: '订单', rules: ['unpaidCancelMinutes', 'autoConfirmDays'] },
  { title: '售后', rules: ['afterSaleDays', 'afterSaleReplyDays', 'returnShipDays', 'returnReceiveDays'] },
  { title: '推广', rules: ['commissionRateBp', 'bindingDays'] },
  { title: '积分', rules: POINTS_RULE_NAMES },
];

/** How a shop rule is typed: yuan (kept in fen), percent (kept in basis points) or a whole count. */
type Kind = 'yuan' | 'percent' | 'count';
const KIND: Record<ShopRuleName, Kind> = {
  shippingFeeFen: 'yuan',
  freeShippingFromFen: 'yuan',
  unpaidCancelMinutes: 'count',
  autoConfirmDays: 'count',
  afterSaleDays: 'count',
  afterSaleReplyDays: 'count',
  returnShipDays: 'count',
  returnReceiveDays: 'count',
  commissionRateBp: 'percent',
  bindingDays: 'count',
};

const NEW_ORDERS = '修改后仅对新订单生效，已下的订单按下单时的规则。';
const AFTER_SALE_STEPS = '修改后对之后开始计时的售后步骤生效，已在计时的期限不变。';
const {
  shippingFeeFen: fee,
  freeShippingFromFen: free,
  unpaidCancelMinutes: unpaid,
  autoConfirmDays: confirm,
  afterSaleDays: afterSale,
  afterSaleReplyDays: reply,
  returnShipDays: returnShip,
  returnReceiveDays: returnReceive,
  commissionRateBp: rate,
  bindingDays: binding,
} = SHOP_BOUNDS;

// Each `reach` says what the backend really does with the rule: fees, the payment deadline and rates are fixed on
// the order when it is placed; the receipt deadline when it ships; the after-sale window is read at every check.
export const SHOP_RULE_TEXT: Record<ShopRuleName, RuleText> = {
  shippingFeeFen: {
    label: '运费',
    describe: (v) => (v === 0 ? '不收运费' : formatFen(v)),
    before: '¥',
    after: '',
    hint: '未达到包邮金额的订单收取的运费。0 表示不收运费。',
    range: `可设 ${formatFen(fee.min)}-${formatFen(fee.max)}`,
    reach: NEW_ORDERS,
  },
  freeShippingFromFen: {
    label: '满额包邮',
    describe: (v) => (v === 0 ? '全场包邮' : `满 ${formatFen(v)} 包邮`),
    before: '满 ¥',
    after: '包邮',
    hint: '商品金额（积分抵扣前，不含运费）达到这个金额即免运费。0 表示全场包邮。',
    range: `可设 ${formatFen(free.min)}-${formatFen(free.max)}`,
    reach: NEW_ORDERS,
  },
  unpaidCancelMinutes: {
    label: '未付款自动取消',
    describe: (v) => `${v} 分钟`,
    before: '下单后',
    after: '分钟未付款即取消',
    hint: '超时未付款的订单自动取消，库存放回。',
    range: `可设 ${unpaid.min}-${unpaid.max} 分钟`,
    reach: NEW_ORDERS,
  },
  autoConfirmDays: {
    label: '自动确认收货',
    describe: (v) => `发货后 ${v} 天`,
    before: '发货后',
    after: '天自动确认收货',
    hint: '买家一直没有确认收货时，到期自动确认，订单完成。',
    range: `可设 ${confirm.min}-${confirm.max} 天`,
    // The deadline is set when the order ships (core: ship-order), not when it is placed.
    reach: '修改后对之后发货的订单生效，已发货的订单不变。',
  },
  afterSaleDays: {
    label: '售后期限',
    describe: (v) => `确认收货后 ${v} 天`,
    before: '确认收货后',
    after: '天内可申请售后',
    hint: '售后期结束后，佣金和积分才到账。',
    range: `可设 ${afterSale.min}-${afterSale.max} 天`,
    // The window is not kept on the order: refunds, commission and points all read the rule as it stands.
    reach: '修改后立即生效：已确认收货的订单也按新期限判断能否申请售后，佣金和积分也按新期限到账。',
  },
  // A case's deadline is set when its step starts (the after-sale case keeps it), so a change reaches later steps.
  afterSaleReplyDays: {
    label: '商家处理时限',
    describe: (v) => `${v} 天`,
    before: '买家申请后',
    after: '天内处理',
    hint: '买家申请售后后，店主在这段时间内没有处理的，系统自动同意（退货退款则等待买家寄回）。',
    range: `可设 ${reply.min}-${reply.max} 天`,
    reach: AFTER_SALE_STEPS,
  },
  returnShipDays: {
    label: '买家寄回时限',
    describe: (v) => `${v} 天`,
    before: '同意退货后',
    after: '天内寄回',
    hint: '同意退货后，买家在这段时间内没有填写退货物流的，售后自动关闭。',
    range: `可设 ${returnShip.min}-${returnShip.max} 天`,
    reach: AFTER_SALE_STEPS,
  },
  returnReceiveDays: {
    label: '自动确认收到退货',
    describe: (v) => `买家寄出后 ${v} 天`,
    before: '买家寄出后',
    after: '天自动确认收到',
    hint: '买家寄回后，店主在这段时间内没有确认收到的，系统自动确认并退款。',
    range: `可设 ${returnReceive.min}-${returnReceive.max} 天`,
    reach: AFTER_SALE_STEPS,
  },
  commissionRateBp: {
    label: '默认佣金比例',
    describe: (v) => formatRateBp(v),
    before: '',
    after: '%',
    hint: '没有单独设置佣金的商品按这个比例计算，最多两位小数。',
    range: `可设 ${formatRateBp(rate.min)}-${formatRateBp(rate.max)}`,
    reach: `${NEW_ORDERS}单独设置了佣金的商品不受影响。`,
  },
  bindingDays: {
    label: '推荐关系有效期',
    describe: (v) => `${v} 天`,
    before: '',
    after: '天',
    hint: '好友通过分享打开后，这段时间内下单都算这位推荐人的；每次经推荐下单，再从下单起延长这么久。',
    range: `可设 ${binding.min}-${binding.max} 天`,
    reach: '修改后对之后建立或延长的推荐关系生效，已有推荐关系的到期时间不变。',
  },
};

const isPointsRule = (name: RuleName): name is PointsRuleName => name in POINTS_BOUNDS;

/** Every rule's words, the points rules' as the 积分设置 page says them. */
export function ruleText(name: RuleName): RuleText {
  return isPointsRule(name) ? POINTS_RULE_TEXT[name] : SHOP_RULE_TEXT[name];
}

export type Parse<T> = { ok: true; value: T } | { ok: false; message: string };

/** What the owner typed for a shop rule → its stored value, or why it cannot be saved. */
export function parseShopRule(name: ShopRuleName, text: string): Parse<number> {
  const { label, range } = SHOP_RULE_TEXT[name];
  const kind = KIND[name];
  let t = text.trim();
  if (kind === 'percent') t = t.replace(/\s*%$/, '');
  if (kind === 'yuan') t = t.replace(/^¥\s*/, '');
  if (!t) return { ok: false, message: `请输入${label}` };
  if (/^-\s*[\d.]/.test(t)) return { ok: false, message: `${label}不能为负数` };
  if (kind !== 'count' && /^\d*\.\d{3,}$/.test(t)) return { ok: false, message: '最多两位小数' };
  let value: number | null;
  if (kind === 'yuan') {
    value = parseYuanToFen(t);
    if (value === null) return { ok: false, message: '请输入金额，如 8 或 8.5' };
  } else if (kind === 'percent') {
    // Percent with two decimals is exactly hundredths of a percent: basis points.
    value = parseHundredths(t);
    if (value === null) return { ok: false, message: '请输入数字，如 10 或 7.5' };
  } else {
    if (!/^\d+$/.test(t)) return { ok: false, message: /^\d*\.\d*$/.test(t) ? '请输入整数' : '请输入数字' };
    value = Number(t);
  }
  const { min, max } = SHOP_BOUNDS[name];
  if (!Number.isSafeInteger(value) || value < min || value > max) return { ok: false, message: range };
  return { ok: true, value };
}

/** What the edit sheet needs to edit one value: its words around the field, its range and its check. */
export interface FieldSpec<T> {
  title: string;
  before: string;
  after: string;
  type: 'text' | 'number' | 'digit';
  maxlength: number;
  placeholder: string;
  /** The text the field starts with. */
  initial: string;
  /** Under the field: the allowed range and what the value means. */
  note: string;
  /** Applied as the owner types (a member code in capitals). */
  normalize?: (text: string) => string;
  parse: (text: string) => Parse<T>;
}

/** The sheet editing one rule, starting from its value now. */
export function ruleField(name: RuleName, value: number): FieldSpec<number> {
  const text = ruleText(name);
  const base = {
    title: text.label,
    before: text.before,
    after: text.after,
    maxlength: 10,
    note: `${text.range}。${text.hint}${text.reach}`,
  };
  if (isPointsRule(name)) {
    return {
      ...base,
      type: name === 'pointsCapBp' ? 'digit' : 'number',
      placeholder: rulePlaceholder(name),
      initial: ruleFieldText(name, value),
      parse: (t) => parseRule(name, t),
    };
  }
  const kind = KIND[name];
  const { min, max } = SHOP_BOUNDS[name];
  return {
    ...base,
    type: kind === 'count' ? 'number' : 'digit',
    placeholder:
      kind === 'yuan'
        ? `请输入 ${min / 100}-${max / 100} 的金额`
        : kind === 'percent'
          ? `请输入 ${min / 100}-${max / 100} 的数字`
          : `请输入 ${min}-${max} 的整数`,
    initial: kind === 'yuan' ? fenToYuanText(value) : kind === 'percent' ? rateBpToPercentText(value) : String(value),
    parse: (t) => parseShopRule(name, t),
  };
}

/** The shop's name: 1-20 characters once trimmed (counted as the server counts them, in UTF-16 units). */
export function parseShopName(text: string): Parse<string> {
  const name = text.trim();
  if (!name) return { ok: false, message: '请输入店铺名称' };
  if (name.length > NAME_MAX) return { ok: false, message: `店铺名称最多 ${NAME_MAX} 个字` };
  return { ok: true, value: name };
}

export function shopNameField(current: string): FieldSpec<string> {
  return {
    title: '店铺名称',
    before: '',
    after: '',
    type: 'text',
    // Room for a few characters more than allowed, so that typing past the limit is said rather than cut off.
    maxlength: NAME_MAX + 10,
    placeholder: `请输入店铺名称，最多 ${NAME_MAX} 个字`,
    initial: current,
    note: `1-${NAME_MAX} 个字。`,
    parse: parseShopName,
  };
}

/** A member code: the 推荐码 each member sees on their 我的 page, six of A-Z and 2-9. */
const MEMBER_CODE = SHARE_CODE_PATTERN;

export const normalizeMemberCode = (text: string) => text.replace(/\s+/g, '').toUpperCase();

/** A member code to make an owner; one already in the list is said at once. */
export function parseMemberCode(text: string, owners: ShopSettings['owners']): Parse<string> {
  const code = normalizeMemberCode(text);
  if (!code) return { ok: false, message: '请输入会员码' };
  if (!MEMBER_CODE.test(code)) return { ok: false, message: '会员码是 6 位字母或数字' };
  if (owners.some((o) => o.shareCode === code)) return { ok: false, message: '这位会员已经是店主' };
  return { ok: true, value: code };
}

export function ownerCodeField(owners: ShopSettings['owners']): FieldSpec<string> {
  return {
    title: '添加店主',
    before: '',
    after: '',
    type: 'text',
    maxlength: 6,
    placeholder: '请输入对方的 6 位会员码',
    initial: '',
    note: '会员码就是对方在「我的」页看到的推荐码。店主可以处理订单与退款、修改商品和店铺设置。',
    normalize: normalizeMemberCode,
    parse: (t) => parseMemberCode(t, owners),
  };
}

/** The customer service phone buyers of the h5 build call: a mobile or a landline; empty hides it. */
export function parseServicePhone(text: string): Parse<string> {
  const phone = text.replace(/\s+/g, '');
  if (phone === '') return { ok: true, value: '' };
  if (!SERVICE_PHONE_PATTERN.test(phone))
    return { ok: false, message: '请输入正确的电话，如 13812345678 或 0571-88886666' };
  return { ok: true, value: phone };
}

export function servicePhoneField(current: string): FieldSpec<string> {
  return {
    title: '客服电话',
    before: '',
    after: '',
    type: 'text',
    maxlength: 20,
    placeholder: '手机或座机，如 0571-88886666',
    initial: current,
    note: '网页版「联系客服」显示这个电话，买家可一键拨打。留空则不显示。',
    parse: parseServicePhone,
  };
}

/** The WeChat ID buyers add: 6-20 of letters, digits, - and _, starting with a letter (WeChat's own rule). */
export function parseServiceWechat(text: string): Parse<string> {
  const id = text.trim();
  if (id === '') return { ok: true, value: '' };
  if (!SERVICE_WECHAT_PATTERN.test(id)) {
    return { ok: false, message: '微信号为 6-20 位字母、数字、下划线或减号，以字母开头' };
  }
  return { ok: true, value: id };
}

export function serviceWechatField(current: string): FieldSpec<string> {
  return {
    title: '客服微信号',
    before: '',
    after: '',
    type: 'text',
    maxlength: 20,
    placeholder: '请输入微信号',
    initial: current,
    note: '网页版「联系客服」显示这个微信号，买家可一键复制。留空则不显示。',
    parse: parseServiceWechat,
  };
}

export type AddressDraft = Record<keyof Address, string>;

/** The return address, trimmed, or what is wrong with each field (the bounds of a shipping address). */
export function checkReturnAddress(
  draft: AddressDraft,
): { address: Address } | { errors: Partial<Record<keyof Address, string>> } {
  const address = {
    name: draft.name.trim(),
    phone: draft.phone.replace(/\s+/g, ''),
    region: draft.region.trim(),
    detail: draft.detail.trim(),
  };
  const errors: Partial<Record<keyof Address, string>> = {};
  const within = (text: string, b: { min: number; max: number }) =>
    hasVisibleText(text) && text.length >= b.min && text.length <= b.max;
  if (!within(address.name, ADDRESS_BOUNDS.name)) errors.name = `请填写收件人（最多 ${ADDRESS_BOUNDS.name.max} 个字）`;
  if (!PHONE_PATTERN.test(address.phone)) errors.phone = '请填写 11 位手机号';
  if (!within(address.region, ADDRESS_BOUNDS.region)) errors.region = '请填写省市区';
  if (!within(address.detail, ADDRESS_BOUNDS.detail)) errors.detail = '请填写详细地址';
  return Object.keys(errors).length > 0 ? { errors } : { address };
}

export const describeAddress = (a: Address): string => `${a.name} ${a.phone}，${a.region} ${a.detail}`;
