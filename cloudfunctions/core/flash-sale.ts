// Flash sales (秒杀), the pure rules. A sale sets units of some SKUs of one product aside at a flash price for a
// window [startAt, endAt): at startAt its price applies, at endAt (or when the owner stops it) the normal price is
// back. Its units are moved out of the SKUs' stock when it is saved (data/flash-sales.ts), orders take them from the
// sale (never from the SKU), and what is left goes back to the SKUs when it ends. The product carries a small
// pointer to its sale (`flashSale`: id, window, flash prices), written with the sale in one transaction, so pricing
// an order or a product page needs no query to find it. At most one sale per product that has not ended.
import { createHash } from 'node:crypto';
import type { CampaignStatus, FlashSaleDraft, FlashSaleStatus } from '../contracts/campaign';
import { AppError } from '../contracts/errors';
import type { ProductRecord } from './product';

export interface FlashSaleSkuRecord {
  skuId: string;
  /** The flash price, below the SKU's price when the sale was saved. */
  priceFen: number;
  /** Units set aside (moved out of the SKU's stock at save). */
  stock: number;
  /** Units still in the sale: set aside, less those orders hold, plus those cancelled orders gave back. */
  left: number;
  /** Units orders of the sale took and no cancel gave back (a refund keeps them sold: they went to the SKU). */
  sold: number;
  /** Units moved back to the SKU: those left when the sale ended or was stopped, and those cancels gave back since. */
  returned: number;
}

/** A reservation's mark on a sale, as data/stock.ts leaves one on a product; `buyer`: the member's key. */
export interface FlashMark {
  token: string;
  order: string;
  sku: string;
  qty: number;
  buyer: string;
  at: Date;
}

export interface FlashSaleRecord {
  _id: string;
  productId: string;
  skus: FlashSaleSkuRecord[];
  startAt: Date;
  endAt: Date;
  perMember: number;
  stopped: boolean;
  stoppedAt?: Date;
  /** Its units went back to the SKUs (at its end or stop): nothing is taken from it any more. */
  returned: boolean;
  returnedAt?: Date;
  /** When a refusal last noted its sold-out SKUs on the product's pointer (FlashPointer.soldOut). */
  soldOutAt?: Date;
  /** Units each member's orders hold in it, by `memberKey`: kept with every take and every cancel. */
  bought: Record<string, number>;
  holds: FlashMark[];
  createdAt: Date;
  updatedAt: Date;
}

/** What the product document carries of its sale (`products/<id>.flashSale`): enough to price an order. */
export interface FlashPointer {
  id: string;
  startAt: Date;
  endAt: Date;
  perMember: number;
  skus: Array<{ skuId: string; priceFen: number }>;
  /**
   * SKUs of the sale found with no unit left (flows/flash-sale.ts markSoldOut): a refused create reads it with the
   * product and takes nothing. Set in a transaction that read the sale; every give-back to the sale clears it in
   * its own, and both write the sale, so it never stands while a unit is left.
   */
  soldOut?: string[];
}

export type WithFlash = ProductRecord & { flashSale?: FlashPointer };

const ms = (d: Date | string) => new Date(d).getTime();

/** A member's key in a sale's `bought` (their openid hashed: the document names no openid). */
export function memberKey(openid: string): string {
  return createHash('sha256').update(openid).digest('hex').slice(0, 16);
}

/** Live from `startAt` (inclusive) to `endAt` (exclusive): 1 ms before the start and at the end, normal prices. */
export function isLive(window: { startAt: Date | string; endAt: Date | string }, now: Date): boolean {
  return ms(window.startAt) <= now.getTime() && now.getTime() < ms(window.endAt);
}

/** The owner's view of a sale's state. */
export function saleStatus(sale: Pick<FlashSaleRecord, 'startAt' | 'endAt' | 'stopped'>, now: Date): CampaignStatus {
  if (sale.stopped) return 'stopped';
  if (now.getTime() < ms(sale.startAt)) return 'upcoming';
  return now.getTime() < ms(sale.endAt) ? 'live' : 'ended';
}

/** The buyer's view: `sold_out` while live with no unit left in any of its SKUs. */
export function buyerStatus(
  sale: Pick<FlashSaleRecord, 'startAt' | 'endAt' | 'stopped' | 'returned' | 'skus'>,
  now: Date,
): FlashSaleStatus {
  const status = saleStatus(sale, now);
  if (status === 'stopped' || sale.returned) return 'ended';
  if (status === 'live' && sale.skus.every((s) => s.left <= 0)) return 'sold_out';
  return status;
}

/** Whether the sale's clock (or the owner) has ended it, so its unsold units go back. */
export function isOver(sale: Pick<FlashSaleRecord, 'endAt' | 'stopped'>, now: Date): boolean {
  return sale.stopped || now.getTime() >= ms(sale.endAt);
}

/** A special price of a line (core/pricing.ts): the flash price of a SKU in a live sale. */
export interface SpecialPrice {
  priceFen: number;
  campaign: 'flash_sale';
  campaignId: string;
}

/** The flash prices of the products' live sales at `now`, for priceLines. */
export function flashPrices(products: ReadonlyMap<string, WithFlash>, now: Date) {
  return (productId: string, skuId: string): SpecialPrice | undefined => {
    const pointer = products.get(productId)?.flashSale;
    if (!pointer || !isLive(pointer, now)) return undefined;
    const sku = pointer.skus.find((s) => s.skuId === skuId);
    return sku ? { priceFen: sku.priceFen, campaign: 'flash_sale', campaignId: pointer.id } : undefined;
  };
}

/** Whether the product's pointer already says a SKU of these lines has no unit left in the live sale. */
export function hintedSoldOut(pointer: FlashPointer | undefined, skuIds: readonly string[], now: Date): boolean {
  return Boolean(pointer?.soldOut && isLive(pointer, now) && skuIds.some((id) => pointer.soldOut?.includes(id)));
}

/** The SKUs of a sale that still takes orders with no unit left. */
export function soldOutSkus(sale: Pick<FlashSaleRecord, 'returned' | 'skus'>): string[] {
  return sale.returned ? [] : sale.skus.filter((s) => s.left <= 0).map((s) => s.skuId);
}

/** Why a take of `wanted` units (by SKU) by a member holding `held` was refused, from the sale as read after. */
export function takeRefusal(
  sale: Pick<FlashSaleRecord, 'startAt' | 'endAt' | 'stopped' | 'returned' | 'skus' | 'perMember'> | null,
  wanted: ReadonlyMap<string, number>,
  held: number,
  now: Date,
): AppError | null {
  if (!sale || sale.returned || !isLive(sale, now) || sale.stopped) return new AppError('campaign.not_live');
  for (const [skuId, qty] of wanted) {
    const sku = sale.skus.find((s) => s.skuId === skuId);
    if (!sku) return new AppError('campaign.sku_not_in');
    if (sku.left < qty) return new AppError('campaign.sold_out');
  }
  const total = [...wanted.values()].reduce((a, b) => a + b, 0);
  if (held + total > sale.perMember) return limitReached(sale.perMember);
  return null;
}

export function limitReached(perMember: number): AppError {
  return new AppError('campaign.limit_reached', `每人限购 ${perMember} 件`);
}

/**
 * The sale the owner's draft makes, checked against the product as read in the save's transaction, the sale being
 * edited (if any) and the sale the product points to now (another one that has not ended: `campaign.overlap`).
 * An edit is refused once its sale has started (`campaign.started`). The SKUs' stock must cover the units to set
 * aside, counting the units this sale already holds (`campaign.stock_short`). Returns the record and the change of
 * each SKU's stock (negative: moved into the sale).
 */
export function saleFromDraft(
  draft: FlashSaleDraft,
  id: string,
  product: WithFlash | null,
  existing: FlashSaleRecord | null,
  now: Date,
): { sale: FlashSaleRecord; moves: Map<string, number> } {
  if (!product || (existing && existing.productId !== product._id)) throw new AppError('product.not_found');
  if (existing && (existing.returned || existing.stopped || now.getTime() >= ms(existing.startAt)))
    throw new AppError('campaign.started');
  const startAt = new Date(draft.startAt);
  const endAt = new Date(draft.endAt);
  if (!(startAt.getTime() < endAt.getTime()) || endAt.getTime() <= now.getTime())
    throw new AppError('campaign.window_invalid');
  const pointer = product.flashSale;
  if (pointer && pointer.id !== id && ms(pointer.endAt) > now.getTime()) throw new AppError('campaign.overlap');
  const moves = new Map<string, number>();
  for (const old of existing?.skus ?? []) moves.set(old.skuId, old.left);
  const skus: FlashSaleSkuRecord[] = [];
  for (const wanted of draft.skus) {
    const sku = product.skus.find((s) => s.id === wanted.skuId && !s.retired);
    if (!sku) throw new AppError('product.sku_unknown');
    if (wanted.priceFen >= sku.priceFen)
      throw new AppError('campaign.price_invalid', `活动价需低于原价（${sku.spec}）`);
    const back = moves.get(sku.id) ?? 0;
    if (sku.stock + back < wanted.stock)
      throw new AppError('campaign.stock_short', `库存不足：${sku.spec} 现有 ${Math.max(0, sku.stock + back)} 件`);
    moves.set(sku.id, back - wanted.stock);
    skus.push({
      skuId: sku.id,
      priceFen: wanted.priceFen,
      stock: wanted.stock,
      left: wanted.stock,
      sold: 0,
      returned: 0,
    });
  }
  const sale: FlashSaleRecord = {
    _id: id,
    productId: product._id,
    skus,
    startAt,
    endAt,
    perMember: draft.perMember,
    stopped: false,
    returned: false,
    bought: {},
    holds: [],
    createdAt: existing ? new Date(existing.createdAt) : now,
    updatedAt: now,
  };
  return { sale, moves };
}

/** The pointer the product carries of its sale. */
export function pointerOf(sale: FlashSaleRecord): FlashPointer {
  return {
    id: sale._id,
    startAt: sale.startAt,
    endAt: sale.endAt,
    perMember: sale.perMember,
    skus: sale.skus.map((s) => ({ skuId: s.skuId, priceFen: s.priceFen })),
  };
}
