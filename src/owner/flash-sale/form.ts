// The new flash sale's form as the owner fills it (the product, its SKUs with a flash price in yuan and the units set
// aside, the window, the per-member limit) and its conversion into the `saveFlashSale` draft. The units set aside
// leave the SKU's normal stock when the sale is saved, so no SKU can give more than it has now.
import type { FlashSaleDraft } from '../../../cloudfunctions/contracts/campaign';
import { CAMPAIGN_PER_MEMBER_MAX, CAMPAIGN_STOCK_MAX } from '../../../cloudfunctions/contracts/limits';
import {
  checkSkuCount,
  checkSkuPrice,
  checkWindow,
  emptyMoment,
  parseCount,
  type Moment,
  type SkuChoice,
} from '../shared/campaign-form';

export interface FlashSaleForm {
  productId: string;
  skus: SkuChoice[];
  start: Moment;
  end: Moment;
  perMember: string;
}

export type FlashSaleField = 'product' | 'skus' | 'window' | 'perMember';
export interface FlashSaleFormErrors extends Partial<Record<FlashSaleField, string>> {
  /** Per SKU: what is wrong with its flash price or its units. */
  sku?: Record<string, string>;
}
export type FlashSaleFormCheck = { ok: true; draft: FlashSaleDraft } | { ok: false; errors: FlashSaleFormErrors };

export function emptyFlashSaleForm(): FlashSaleForm {
  return { productId: '', skus: [], start: emptyMoment(), end: emptyMoment(), perMember: '1' };
}

/** The units a SKU can set aside: its stock now, within the contract's bound. */
export const unitsMax = (sku: SkuChoice) => Math.min(sku.stock, CAMPAIGN_STOCK_MAX);

/** The form checked and converted; `now` is the phone's clock. */
export function checkFlashSaleForm(form: FlashSaleForm, now: number): FlashSaleFormCheck {
  const errors: FlashSaleFormErrors = {};
  const skus: FlashSaleDraft['skus'] = [];
  if (!form.productId) errors.product = '请选择秒杀的商品';
  else {
    const countError = checkSkuCount(form.skus);
    if (countError) errors.skus = countError;
    const fail = (skuId: string, error: string) => void (errors.sku = { ...errors.sku, [skuId]: error });
    for (const sku of form.skus.filter((s) => s.on)) {
      const price = checkSkuPrice(sku, '秒杀价');
      const max = unitsMax(sku);
      const units = parseCount(sku.units, 1, max);
      if (max < 1) fail(sku.skuId, '这个规格现在没有库存，不能参加秒杀');
      else if (typeof price === 'string') fail(sku.skuId, price);
      else if (units === null) fail(sku.skuId, `秒杀数量为 1 到 ${max} 件，不能超过现有库存`);
      else skus.push({ skuId: sku.skuId, priceFen: price, stock: units });
    }
  }
  const window = checkWindow(form.start, form.end, now);
  if (!window.ok) errors.window = window.error;
  const perMember = parseCount(form.perMember, 1, CAMPAIGN_PER_MEMBER_MAX);
  if (perMember === null) errors.perMember = `每人限购 1 到 ${CAMPAIGN_PER_MEMBER_MAX} 件`;

  if (Object.keys(errors).length > 0 || !window.ok || perMember === null) return { ok: false, errors };
  return {
    ok: true,
    draft: { productId: form.productId, skus, startAt: window.startAt, endAt: window.endAt, perMember },
  };
}
