// Prices an order from the catalogue as stored: the client's ids and quantities are all it contributes.
import { AppError } from '../contracts/errors';
import { sumFen, timesQty, toFen, type Fen } from './money';
import type { ProductRecord } from './product';
import type { ShopRules } from './rules';

export interface WantedLine {
  productId: string;
  skuId: string;
  qty: number;
}

export interface PricedLine {
  productId: string;
  skuId: string;
  /** Position of the SKU in the product's `skus` at pricing time (the stock update addresses it). */
  skuIndex: number;
  title: string;
  spec: string;
  /** The cover's fileID. */
  cover: string;
  priceFen: Fen;
  qty: number;
  lineFen: Fen;
  /** The order's coupon's share of this line (absent: none; core/coupon.ts splits it over the lines in scope). */
  couponFen?: Fen;
  /** Priced by an activity (its flash or group price, not the SKU's), and which one: no coupon applies to it. */
  campaign?: 'flash_sale' | 'group_buy';
  campaignId?: string;
}

/** A line's price other than its SKU's: an activity's (core/flash-sale.ts flashPrices). */
export type SpecialPriceOf = (
  productId: string,
  skuId: string,
) => { priceFen: number; campaign: 'flash_sale' | 'group_buy'; campaignId: string } | undefined;

export interface PricedOrder {
  lines: PricedLine[];
  goodsFen: Fen;
  shippingFen: Fen;
  payableFen: Fen;
}

/** Most one order may cost (WeChat Pay's per-payment ceiling for most merchants is far above; this stops typos). */
export const MAX_PAYABLE_FEN = 5_000_000;

/** Lines priced and totalled by the shop's rules (priceLines, then totalsOf). */
export function priceOrder(
  wanted: readonly WantedLine[],
  products: ReadonlyMap<string, ProductRecord>,
  rules: ShopRules,
  special?: SpecialPriceOf,
): PricedOrder {
  return totalsOf(priceLines(wanted, products, special), rules);
}

/**
 * Lines merged by SKU (the same SKU twice is one line) and priced; an unknown, retired or off-sale SKU
 * refuses the whole order. Stock is not checked here: the reservation is the check. Not totalled: no rule is
 * needed, so create reads the settings only once the stock is held (then totalsOf).
 */
export function priceLines(
  wanted: readonly WantedLine[],
  products: ReadonlyMap<string, ProductRecord>,
  special?: SpecialPriceOf,
): PricedLine[] {
  const merged = new Map<string, WantedLine>();
  for (const w of wanted) {
    const key = `${w.productId}\u0000${w.skuId}`;
    const prior = merged.get(key);
    merged.set(key, prior ? { ...prior, qty: prior.qty + w.qty } : { ...w });
  }
  const lines: PricedLine[] = [];
  for (const w of merged.values()) {
    const product = products.get(w.productId);
    const skuIndex = product?.skus.findIndex((s) => s.id === w.skuId && !s.retired) ?? -1;
    if (product?.status !== 'on_sale' || skuIndex < 0) {
      throw new AppError('order.sku_unavailable', `商品规格不存在或已下架：${product?.title ?? w.productId}`);
    }
    const sku = product.skus[skuIndex];
    const activity = special?.(product._id, sku.id);
    const priceFen = toFen(activity?.priceFen ?? sku.priceFen);
    lines.push({
      productId: product._id,
      skuId: sku.id,
      skuIndex,
      title: product.title,
      spec: sku.spec,
      cover: product.images[0] ?? '',
      priceFen,
      qty: w.qty,
      lineFen: timesQty(priceFen, w.qty),
      ...(activity ? { campaign: activity.campaign, campaignId: activity.campaignId } : {}),
    });
  }
  // A stable order: concurrent orders reserve SKUs in the same sequence.
  lines.sort((a, b) => (a.productId + a.skuId < b.productId + b.skuId ? -1 : 1));
  return lines;
}

/** Goods, shipping and payable of priced lines (also of lines an activity priced: core/group-buy.ts). */
export function totalsOf(lines: PricedLine[], rules: ShopRules): PricedOrder {
  const goodsFen = sumFen(lines.map((l) => l.lineFen));
  const shippingFen = goodsFen >= rules.freeShippingFromFen ? toFen(0) : toFen(rules.shippingFeeFen);
  const payableFen = sumFen([goodsFen, shippingFen]);
  if (payableFen > MAX_PAYABLE_FEN) throw new AppError('input.invalid', '单笔订单金额过大，请分开下单');
  return { lines, goodsFen, shippingFen, payableFen };
}

export interface OrderAmounts {
  goodsFen: Fen;
  couponFen: Fen;
  pointsUsed: number;
  pointsDiscountFen: Fen;
  shippingFen: Fen;
  payableFen: Fen;
}

/**
 * The order's amounts with the coupon taking `couponFen` off the goods and `pointsUsed` paying `discountFen` of what
 * is left (shipping is still charged by the goods amount); what is payable never goes below 1 fen.
 */
export function amountsOf(priced: PricedOrder, pointsUsed = 0, discountFen = 0, couponFen = 0): OrderAmounts {
  if (couponFen + discountFen > priced.goodsFen)
    throw new RangeError(`discounts of ${couponFen} + ${discountFen} fen exceed the goods`);
  if (couponFen + discountFen > 0 && priced.payableFen - couponFen - discountFen < 1)
    throw new RangeError('discounts leave less than 1 fen to pay');
  return {
    goodsFen: priced.goodsFen,
    couponFen: toFen(couponFen),
    pointsUsed,
    pointsDiscountFen: toFen(discountFen),
    shippingFen: priced.shippingFen,
    payableFen: toFen(priced.payableFen - couponFen - discountFen),
  };
}
