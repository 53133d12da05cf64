// The new group buy's form as the owner fills it (the product, its SKUs at a group price in yuan, the group's size and
// hours, the window, the stock cap and the per-member limit) and its conversion into the `saveGroupBuy` draft.
import type { GroupBuyDraft } from '../../../cloudfunctions/contracts/campaign';
import {
  CAMPAIGN_PER_MEMBER_MAX,
  CAMPAIGN_STOCK_MAX,
  GROUP_HOURS_BOUNDS,
  GROUP_SIZE_BOUNDS,
} from '../../../cloudfunctions/contracts/limits';
import {
  checkSkuCount,
  checkSkuPrice,
  checkWindow,
  emptyMoment,
  parseCount,
  type Moment,
  type SkuChoice,
} from '../shared/campaign-form';

export interface GroupBuyForm {
  productId: string;
  skus: SkuChoice[];
  size: string;
  hours: string;
  start: Moment;
  end: Moment;
  stockCap: string;
  perMember: string;
}

export type GroupBuyField = 'product' | 'skus' | 'size' | 'hours' | 'window' | 'stockCap' | 'perMember';
export interface GroupBuyFormErrors extends Partial<Record<GroupBuyField, string>> {
  /** Per SKU: what is wrong with its group price. */
  sku?: Record<string, string>;
}
export type GroupBuyFormCheck = { ok: true; draft: GroupBuyDraft } | { ok: false; errors: GroupBuyFormErrors };

export function emptyGroupBuyForm(): GroupBuyForm {
  return {
    productId: '',
    skus: [],
    size: '2',
    hours: '24',
    start: emptyMoment(),
    end: emptyMoment(),
    stockCap: '',
    perMember: '1',
  };
}

/** The form checked and converted; `now` is the phone's clock. */
export function checkGroupBuyForm(form: GroupBuyForm, now: number): GroupBuyFormCheck {
  const errors: GroupBuyFormErrors = {};
  const skus: GroupBuyDraft['skus'] = [];
  if (!form.productId) errors.product = '请选择拼团的商品';
  else {
    const countError = checkSkuCount(form.skus);
    if (countError) errors.skus = countError;
    for (const sku of form.skus.filter((s) => s.on)) {
      const price = checkSkuPrice(sku, '拼团价');
      if (typeof price === 'string') errors.sku = { ...errors.sku, [sku.skuId]: price };
      else skus.push({ skuId: sku.skuId, groupPriceFen: price });
    }
  }

  const size = parseCount(form.size, GROUP_SIZE_BOUNDS.min, GROUP_SIZE_BOUNDS.max);
  if (size === null) errors.size = `成团人数为 ${GROUP_SIZE_BOUNDS.min} 到 ${GROUP_SIZE_BOUNDS.max} 人`;
  const hours = parseCount(form.hours, GROUP_HOURS_BOUNDS.min, GROUP_HOURS_BOUNDS.max);
  if (hours === null) errors.hours = `成团时限为 ${GROUP_HOURS_BOUNDS.min} 到 ${GROUP_HOURS_BOUNDS.max} 小时`;
  const window = checkWindow(form.start, form.end, now);
  if (!window.ok) errors.window = window.error;
  const stockCap = parseCount(form.stockCap, 1, CAMPAIGN_STOCK_MAX);
  if (stockCap === null) errors.stockCap = `活动库存为 1 到 ${CAMPAIGN_STOCK_MAX} 件`;
  const perMember = parseCount(form.perMember, 1, CAMPAIGN_PER_MEMBER_MAX);
  if (perMember === null) errors.perMember = `每人限购 1 到 ${CAMPAIGN_PER_MEMBER_MAX} 件`;
  else if (stockCap !== null && perMember > stockCap) errors.perMember = '每人限购不能超过活动库存';

  const failed = Object.keys(errors).length > 0;
  if (failed || size === null || hours === null || !window.ok || stockCap === null || perMember === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    draft: {
      productId: form.productId,
      skus,
      size,
      hours,
      startAt: window.startAt,
      endAt: window.endAt,
      stockCap,
      perMember,
    },
  };
}
