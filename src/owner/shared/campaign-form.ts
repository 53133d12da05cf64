// What the two activity editors (拼团, 秒杀) share: the SKUs of the chosen product as the owner ticks and prices them,
// whole numbers within bounds, and the activity's window from the date and time pickers. The campaign function stays
// the authority; these checks only spare a round trip, in plain Chinese.
import type { OwnerProductDetail } from '../../../cloudfunctions/contracts/shop';
import { CAMPAIGN_SKUS_MAX, SKU_PRICE_MAX_FEN } from '../../../cloudfunctions/contracts/limits';
import { formatFen, parseYuanToFen } from '../../lib/money';
import { dayjs } from '../../lib/time';

/** One SKU of the chosen product: taking part or not, and what the owner typed for it. */
export interface SkuChoice {
  skuId: string;
  spec: string;
  /** Its normal price and its stock now, as the product editor knows them. */
  priceFen: number;
  stock: number;
  on: boolean;
  /** The activity's price, in yuan as typed. */
  price: string;
  /** 秒杀: the units set aside, as typed. */
  units: string;
}

/** A moment as the pickers give it: 'YYYY-MM-DD' and 'HH:mm' ('' until picked). */
export interface Moment {
  date: string;
  time: string;
}

export const emptyMoment = (): Moment => ({ date: '', time: '' });

/** The product's SKUs, none ticked yet (one SKU alone is ticked: there is nothing to choose). */
export function skuChoicesOf(product: Pick<OwnerProductDetail, 'skus'>): SkuChoice[] {
  const single = product.skus.length === 1;
  return product.skus.map((s) => ({
    skuId: s.id,
    spec: s.spec,
    priceFen: s.priceFen,
    stock: s.stock,
    on: single,
    price: '',
    units: '',
  }));
}

/** A whole number within bounds, or null. */
export function parseCount(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** A ticked SKU's activity price, checked below its normal price: the fen, or what to fix. */
export function checkSkuPrice(sku: SkuChoice, name: string): number | string {
  const fen = parseYuanToFen(sku.price);
  if (fen === null || fen < 1) return `请填写${name}，如 9.9`;
  if (fen > SKU_PRICE_MAX_FEN) return `${name}不能超过 ${formatFen(SKU_PRICE_MAX_FEN)}`;
  if (fen >= sku.priceFen) return `${name}需低于原价 ${formatFen(sku.priceFen)}`;
  return fen;
}

/** What is wrong with the choice of SKUs as a whole, or null. */
export function checkSkuCount(skus: SkuChoice[]): string | null {
  const on = skus.filter((s) => s.on).length;
  if (on === 0) return '请至少选择一个参加活动的规格';
  if (on > CAMPAIGN_SKUS_MAX) return `最多 ${CAMPAIGN_SKUS_MAX} 个规格参加活动`;
  return null;
}

export type WindowCheck = { ok: true; startAt: string; endAt: string } | { ok: false; error: string };

/**
 * The activity's window in the phone's time zone (the shop's buyers are in China). No start: it starts now; a date
 * without a time starts at 00:00 or ends at 23:59. The end must come after the start and after now.
 */
export function checkWindow(start: Moment, end: Moment, now: number): WindowCheck {
  if (!end.date) return { ok: false, error: '请选择结束时间' };
  const from = start.date ? dayjs(`${start.date}T${start.time || '00:00'}`) : dayjs(now);
  const to = dayjs(`${end.date}T${end.time || '23:59'}`);
  if (!to.isAfter(from)) return { ok: false, error: '结束时间需晚于开始时间' };
  if (!to.isAfter(now)) return { ok: false, error: '结束时间需晚于现在' };
  return { ok: true, startAt: from.toISOString(), endAt: to.toISOString() };
}
