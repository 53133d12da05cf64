// A coupon's form as the owner types it (yuan, 折, dates, counts), filled from a coupon to edit, and its conversion
// into the `coupon.save` input (integer fen, percentOff, ISO times), with the checks the coupon function makes, said
// in plain Chinese. The server stays the authority; these only spare a round trip.
import {
  COUPON_FROZEN_TERMS,
  COUPON_NAME_BOUNDS,
  COUPON_PER_MEMBER_MAX,
  COUPON_PERCENT_BOUNDS,
  COUPON_PRODUCTS_MAX,
  COUPON_TOTAL_MAX,
  COUPON_VALID_DAYS_MAX,
  hasVisibleText,
  SKU_PRICE_MAX_FEN,
} from '../../../cloudfunctions/contracts/limits';
import type { Coupon, CouponDraft, CouponKind, CouponScope } from '../../../cloudfunctions/contracts/coupon';
import { couponRule, couponValidity, yuanText } from '../../lib/coupon';
import { formatFen, parseYuanToFen } from '../../lib/money';
import { dayjs } from '../../lib/time';

export type ValidityMode = 'dates' | 'days';

export interface CouponForm {
  name: string;
  kind: CouponKind;
  /** amount_off: yuan off, as typed. */
  off: string;
  /** percent_off: the 折 the buyer pays, as typed ("9" is 9折, "8.5" is 8.5折). */
  rate: string;
  /** percent_off: the most it takes off, in yuan ('' for no cap). */
  maxOff: string;
  /** The goods in scope must come to this many yuan ('' or 0: 无门槛). */
  threshold: string;
  scope: CouponScope;
  productIds: string[];
  validity: ValidityMode;
  /** 'YYYY-MM-DD' as the date picker gives it; the first day defaults to today. */
  validFrom: string;
  validTo: string;
  validDays: string;
  total: string;
  perMember: string;
}

export type CouponField =
  | 'name'
  | 'off'
  | 'rate'
  | 'maxOff'
  | 'threshold'
  | 'productIds'
  | 'validity'
  | 'total'
  | 'perMember';
export type CouponFormErrors = Partial<Record<CouponField, string>>;
export type CouponFormCheck = { ok: true; draft: CouponDraft } | { ok: false; errors: CouponFormErrors };

export function emptyCouponForm(): CouponForm {
  return {
    name: '',
    kind: 'amount_off',
    off: '',
    rate: '',
    maxOff: '',
    threshold: '',
    scope: 'all',
    productIds: [],
    validity: 'days',
    validFrom: '',
    validTo: '',
    validDays: '30',
    total: '',
    perMember: '1',
  };
}

/** The phone's day of an ISO time, as the date picker gives it. */
const dayOf = (iso: string | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '');

/** A coupon to edit as the form shows it: fen as yuan, percentOff as the 折 paid, times as the phone's days. */
export function formFromCoupon(coupon: Coupon): CouponForm {
  return {
    name: coupon.name,
    kind: coupon.kind,
    off: coupon.offFen !== undefined ? yuanText(coupon.offFen) : '',
    rate: coupon.percentOff !== undefined ? String((100 - coupon.percentOff) / 10) : '',
    maxOff: coupon.maxOffFen !== undefined ? yuanText(coupon.maxOffFen) : '',
    threshold: yuanText(coupon.thresholdFen),
    scope: coupon.scope,
    productIds: [...(coupon.productIds ?? [])],
    validity: coupon.validDays !== undefined ? 'days' : 'dates',
    validFrom: dayOf(coupon.validFrom),
    validTo: dayOf(coupon.validTo),
    validDays: coupon.validDays !== undefined ? String(coupon.validDays) : emptyCouponForm().validDays,
    total: String(coupon.total),
    perMember: String(coupon.perMember),
  };
}

/** Once claimed, a coupon's terms stay as they are (the server refuses any change): the form cannot touch them. */
export const termsFrozen = (coupon: Coupon | null | undefined): boolean => (coupon?.claimed ?? 0) > 0;

/** "9" → 10, "8.5" → 15: the 折 the buyer pays as the percentage taken off; null unless one decimal at most. */
export function parseZhe(text: string): number | null {
  const match = /^(\d)(?:\.(\d)?)?$/.exec(text.trim().replace(/折$/, ''));
  if (!match) return null;
  const tenths = Number(match[1]) * 10 + Number(match[2] ?? '0');
  return 100 - tenths;
}

/** A whole number within bounds, or null. */
function parseCount(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/**
 * The form checked and converted; `today` is the phone's date ('YYYY-MM-DD'). `editing`: the coupon as loaded, saved
 * under its id; once claimed, its frozen terms are sent back as loaded and `total` may not go below `claimed`.
 */
export function checkCouponForm(form: CouponForm, today: string, editing?: Coupon): CouponFormCheck {
  const errors: CouponFormErrors = {};
  const name = form.name.trim();
  if (!hasVisibleText(name) || name.length < COUPON_NAME_BOUNDS.min) errors.name = '请填写优惠券名称';
  else if (name.length > COUPON_NAME_BOUNDS.max) errors.name = `名称最多 ${COUPON_NAME_BOUNDS.max} 个字`;

  const draft: Partial<CouponDraft> = editing ? { id: editing.id, name } : { name };
  if (editing && termsFrozen(editing)) Object.assign(draft, frozenTermsOf(editing));
  else checkTerms(form, today, editing, draft, errors);

  const total = parseCount(form.total, 1, COUPON_TOTAL_MAX);
  const claimed = editing?.claimed ?? 0;
  if (total === null) errors.total = `发放总量为 1 到 ${COUPON_TOTAL_MAX} 张`;
  else if (total < claimed) errors.total = `发放总量不能少于已领取的 ${claimed} 张`;
  else draft.total = total;
  const perMember = parseCount(form.perMember, 1, COUPON_PER_MEMBER_MAX);
  if (perMember === null) errors.perMember = `每人限领 1 到 ${COUPON_PER_MEMBER_MAX} 张`;
  else if (total !== null && perMember > total) errors.perMember = '每人限领不能超过发放总量';
  else draft.perMember = perMember;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: draft as CouponDraft };
}

/** The frozen terms of a coupon as the save input takes them (absent ones stay absent). */
function frozenTermsOf(coupon: Coupon): Partial<CouponDraft> {
  const terms: Record<string, unknown> = {};
  for (const key of COUPON_FROZEN_TERMS) {
    const value = coupon[key];
    if (value !== undefined) terms[key] = Array.isArray(value) ? [...value] : value;
  }
  return terms as Partial<CouponDraft>;
}

/** The terms (kind and amount, threshold, scope, validity) checked into `draft`, what is wrong into `errors`. */
function checkTerms(
  form: CouponForm,
  today: string,
  editing: Coupon | undefined,
  draft: Partial<CouponDraft>,
  errors: CouponFormErrors,
): void {
  const priceMax = formatFen(SKU_PRICE_MAX_FEN);
  draft.kind = form.kind;
  draft.scope = form.scope;
  if (form.kind === 'amount_off') {
    const off = parseYuanToFen(form.off);
    if (off === null || off < 1) errors.off = '请填写减免金额，如 10 或 9.9';
    else if (off > SKU_PRICE_MAX_FEN) errors.off = `减免金额不能超过 ${priceMax}`;
    else draft.offFen = off;
  } else {
    const percentOff = parseZhe(form.rate);
    const { min, max } = COUPON_PERCENT_BOUNDS;
    if (percentOff === null || percentOff < min || percentOff > max) {
      errors.rate = `请填写折扣，${(100 - max) / 10} 到 ${(100 - min) / 10} 折，如 9 或 8.5`;
    } else {
      draft.percentOff = percentOff;
    }
    if (form.maxOff.trim()) {
      const cap = parseYuanToFen(form.maxOff);
      if (cap === null || cap < 1) errors.maxOff = '最高优惠请填写金额，不限可留空';
      else if (cap > SKU_PRICE_MAX_FEN) errors.maxOff = `最高优惠不能超过 ${priceMax}`;
      else draft.maxOffFen = cap;
    }
  }

  const threshold = form.threshold.trim() ? parseYuanToFen(form.threshold) : 0;
  if (threshold === null) errors.threshold = '请填写使用门槛金额，无门槛填 0';
  else if (threshold > SKU_PRICE_MAX_FEN) errors.threshold = `使用门槛不能超过 ${priceMax}`;
  else {
    draft.thresholdFen = threshold;
    if (draft.offFen && threshold > 0 && draft.offFen >= threshold) errors.off = '减免金额应小于使用门槛';
  }

  if (form.scope === 'products') {
    if (form.productIds.length === 0) errors.productIds = '请选择适用的商品';
    else if (form.productIds.length > COUPON_PRODUCTS_MAX) errors.productIds = `最多选择 ${COUPON_PRODUCTS_MAX} 件商品`;
    else draft.productIds = [...form.productIds];
  }

  if (form.validity === 'days') {
    const days = parseCount(form.validDays, 1, COUPON_VALID_DAYS_MAX);
    if (days === null) errors.validity = `领取后有效天数为 1 到 ${COUPON_VALID_DAYS_MAX} 天`;
    else draft.validDays = days;
  } else {
    const from = form.validFrom || today;
    if (!form.validTo) errors.validity = '请选择结束日期';
    else if (form.validTo < from) errors.validity = '结束日期不能早于开始日期';
    else if (form.validTo < today) errors.validity = '结束日期不能早于今天';
    else {
      // The phone's day from its first to its last moment (the shop's buyers are in China); an edit that keeps a
      // day keeps its exact time.
      const keep = (iso: string | undefined, day: string) => (iso && dayOf(iso) === day ? iso : undefined);
      if (form.validFrom) {
        draft.validFrom =
          keep(editing?.validFrom, form.validFrom) ?? dayjs(form.validFrom).startOf('day').toISOString();
      }
      draft.validTo = keep(editing?.validTo, form.validTo) ?? dayjs(form.validTo).endOf('day').toISOString();
    }
  }
}

/** Which goods, with how many were chosen. */
const scopeText = (terms: Pick<CouponDraft, 'scope' | 'productIds'>) =>
  terms.scope === 'products' ? `仅限指定商品（${terms.productIds?.length ?? 0} 件）` : '全场通用';

/** What saving `draft` changes of `coupon`, in the owner's words, for the confirmation; empty when nothing does. */
export function changesOf(coupon: Coupon, draft: CouponDraft): string[] {
  const changes: string[] = [];
  if (draft.name !== coupon.name) changes.push(`名称改为「${draft.name}」`);
  if (couponRule(draft) !== couponRule(coupon)) changes.push(`优惠改为${couponRule(draft)}`);
  if (scopeText(draft) !== scopeText(coupon) || String(draft.productIds) !== String(coupon.productIds)) {
    changes.push(`适用商品改为${scopeText(draft)}`);
  }
  const { validFrom, validTo, validDays } = coupon;
  if (draft.validFrom !== validFrom || draft.validTo !== validTo || draft.validDays !== validDays) {
    changes.push(`有效期改为${couponValidity(draft)}`);
  }
  if (draft.total !== coupon.total) changes.push(`发放总量 ${coupon.total} → ${draft.total} 张`);
  if (draft.perMember !== coupon.perMember) changes.push(`每人限领 ${coupon.perMember} → ${draft.perMember} 张`);
  return changes;
}

export interface Confirmation {
  title: string;
  content: string;
  confirmText: string;
  cancelText: string;
}

/** The question before publishing a new coupon, or saving an edit (what it changes; null when nothing does). */
export function confirmationOf(draft: CouponDraft, editing?: Coupon): Confirmation | null {
  if (!editing) {
    return {
      title: '发布优惠券',
      content: `「${draft.name}」${couponRule(draft)}，共 ${draft.total} 张。发布后会员即可领取，已领取的券按领取时的条款使用。`,
      confirmText: '发布',
      cancelText: '再看看',
    };
  }
  const changes = changesOf(editing, draft);
  if (changes.length === 0) return null;
  const kept = editing.claimed > 0 ? `已领取的 ${editing.claimed} 张按领取时的条款使用。` : '';
  return {
    title: '保存修改',
    content: `「${editing.name}」${changes.join('；')}。${kept}`,
    confirmText: '保存',
    cancelText: '再看看',
  };
}
