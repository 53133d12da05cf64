// The `campaign` function: group buying (拼团) and time-limited sales (秒杀). Actions, input schemas and result
// types; src/ imports these as types only. Only the owner runs activities; the prices they set are the same for
// everyone (the one-price rule: a sharer never changes a price). Orders of an activity are placed through
// `order.quote`/`order.create` (`groupBuy`, and the flash price applied by itself while a sale is live).
import * as v from 'valibot';
import {
  CAMPAIGN_PER_MEMBER_MAX,
  CAMPAIGN_SKUS_MAX,
  CAMPAIGN_STOCK_MAX,
  GROUP_HOURS_BOUNDS,
  GROUP_ID_PATTERN,
  GROUP_SIZE_BOUNDS,
  SHORT_ID_PATTERN,
  SKU_PRICE_MAX_FEN,
} from './limits';

export const CAMPAIGN_FUNCTION = 'campaign';

const shortId = v.pipe(v.string(), v.regex(SHORT_ID_PATTERN, 'id'));
const groupId = v.pipe(v.string(), v.regex(GROUP_ID_PATTERN, 'groupId'));
const cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)));
const priceFen = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SKU_PRICE_MAX_FEN));
const isoTime = v.pipe(v.string(), v.isoTimestamp('time'));
const perMember = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CAMPAIGN_PER_MEMBER_MAX));
const distinctSkus = <T extends { skuId: string }>(skus: T[]) => new Set(skus.map((s) => s.skuId)).size === skus.length;

export const GROUP_STATUSES = ['forming', 'succeeded', 'failed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** An activity's state now: before `startAt`, running, stopped by the owner, or past `endAt`. */
export const CAMPAIGN_STATUSES = ['upcoming', 'live', 'stopped', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A flash sale as a buyer sees it: `sold_out` while live with no stock left. */
export const FLASH_SALE_STATUSES = ['upcoming', 'live', 'sold_out', 'ended'] as const;
export type FlashSaleStatus = (typeof FLASH_SALE_STATUSES)[number];

/**
 * What the owner sets for a group buy. Each SKU has its group price (below its normal price); a group of `size`
 * paid members forms within `hours` of its start, or fails and everyone is refunded. `stockCap`: the most units the
 * activity sells over all its groups; `perMember`: the most units one member buys in it (over all their orders).
 */
export const groupBuyDraft = v.strictObject({
  id: v.optional(shortId),
  productId: shortId,
  skus: v.pipe(
    v.array(v.strictObject({ skuId: shortId, groupPriceFen: priceFen })),
    v.minLength(1),
    v.maxLength(CAMPAIGN_SKUS_MAX),
    v.check(distinctSkus, 'skus'),
  ),
  size: v.pipe(v.number(), v.integer(), v.minValue(GROUP_SIZE_BOUNDS.min), v.maxValue(GROUP_SIZE_BOUNDS.max)),
  hours: v.pipe(v.number(), v.integer(), v.minValue(GROUP_HOURS_BOUNDS.min), v.maxValue(GROUP_HOURS_BOUNDS.max)),
  startAt: isoTime,
  endAt: isoTime,
  stockCap: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CAMPAIGN_STOCK_MAX)),
  perMember,
});

/**
 * What the owner sets for a flash sale: each SKU's flash price and the units set aside for it, moved out of the
 * SKU's stock when the sale is saved and back when it ends or is stopped. `perMember`: units per member over all
 * their orders of the sale.
 */
export const flashSaleDraft = v.strictObject({
  id: v.optional(shortId),
  productId: shortId,
  skus: v.pipe(
    v.array(
      v.strictObject({
        skuId: shortId,
        priceFen,
        stock: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CAMPAIGN_STOCK_MAX)),
      }),
    ),
    v.minLength(1),
    v.maxLength(CAMPAIGN_SKUS_MAX),
    v.check(distinctSkus, 'skus'),
  ),
  startAt: isoTime,
  endAt: isoTime,
  perMember,
});

export const campaignInputs = {
  saveGroupBuy: v.strictObject({ groupBuy: groupBuyDraft }),
  /** No new groups or joins; groups forming now run to their end (full: succeeded; else failed and refunded). */
  stopGroupBuy: v.strictObject({ id: shortId }),
  /** The owner's activities, newest first (with how many groups formed, failed, are forming). */
  ownerGroupBuys: v.strictObject({ cursor, limit }),
  ownerGroups: v.strictObject({
    groupBuyId: v.optional(shortId),
    status: v.optional(v.picklist(GROUP_STATUSES)),
    cursor,
    limit,
  }),
  /** The live group buy of a product with its open groups (null when there is none). */
  groupBuy: v.strictObject({ productId: shortId }),
  group: v.strictObject({ groupId }),
  myGroups: v.strictObject({ cursor, limit }),
  saveFlashSale: v.strictObject({ flashSale: flashSaleDraft }),
  /** Ends the sale now; its unsold units go back to the SKUs. */
  stopFlashSale: v.strictObject({ id: shortId }),
  ownerFlashSales: v.strictObject({ cursor, limit }),
};

export type CampaignAction = keyof typeof campaignInputs;
export type CampaignInput<A extends CampaignAction> = v.InferOutput<(typeof campaignInputs)[A]>;
export type GroupBuyDraft = v.InferOutput<typeof groupBuyDraft>;
export type FlashSaleDraft = v.InferOutput<typeof flashSaleDraft>;

/** A member of a group as everyone sees them: nickname and avatar only (never an openid). */
export interface GroupMember {
  nickname: string;
  avatar?: string;
  /** The one who started the group (团长). */
  leader: boolean;
  joinedAt: string;
}

export interface Group {
  id: string;
  groupBuyId: string;
  productId: string;
  skuId: string;
  size: number;
  /** Paid members only: a held, unpaid slot shows in `slotsLeft` as taken, never as a member. */
  members: GroupMember[];
  status: GroupStatus;
  endsAt: string;
  slotsLeft: number;
  /** The caller's part in it, when they have one. */
  mine?: { orderId: string; paid: boolean };
}

export interface GroupBuySku {
  skuId: string;
  spec: string;
  priceFen: number;
  groupPriceFen: number;
}

export interface GroupBuy {
  id: string;
  productId: string;
  skus: GroupBuySku[];
  size: number;
  hours: number;
  startAt: string;
  endAt: string;
  stockCap: number;
  /** Units in groups that formed or are forming with paid members. */
  sold: number;
  perMember: number;
  status: CampaignStatus;
}

/** The product page's view: the activity and its groups still forming, those closest to full first. */
export interface LiveGroupBuy {
  groupBuy: GroupBuy;
  openGroups: Group[];
  /** Units the caller may still buy in this activity. */
  canBuy: number;
}

/** The owner's row of an activity: counts of its groups by status. */
export interface OwnerGroupBuy extends GroupBuy {
  title: string;
  groups: Record<GroupStatus, number>;
}

export interface FlashSaleSku {
  skuId: string;
  spec: string;
  priceFen: number;
  /** The normal price, struck through beside the flash price. */
  originalFen: number;
  stock: number;
  stockLeft: number;
}

export interface FlashSale {
  id: string;
  productId: string;
  skus: FlashSaleSku[];
  startAt: string;
  endAt: string;
  perMember: number;
  status: CampaignStatus;
}

/** What `shop.getProduct` carries while a product has a flash sale that has not ended. */
export interface ProductFlashSale {
  id: string;
  skus: Array<{ skuId: string; priceFen: number; stockLeft: number }>;
  startAt: string;
  endAt: string;
  perMember: number;
  status: FlashSaleStatus;
}

export interface OwnerFlashSale extends FlashSale {
  title: string;
  /** Units sold at the flash price (paid or held by unpaid orders). */
  sold: number;
}

export interface CampaignResults {
  saveGroupBuy: { groupBuy: GroupBuy };
  stopGroupBuy: { groupBuy: GroupBuy };
  ownerGroupBuys: { items: OwnerGroupBuy[]; nextCursor: string | null };
  ownerGroups: { items: Array<Group & { title: string }>; nextCursor: string | null };
  groupBuy: { live: LiveGroupBuy | null };
  group: { group: Group; groupBuy: GroupBuy; title: string; image: string };
  myGroups: { items: Array<Group & { title: string; image: string }>; nextCursor: string | null };
  saveFlashSale: { flashSale: FlashSale };
  stopFlashSale: { flashSale: FlashSale };
  ownerFlashSales: { items: OwnerFlashSale[]; nextCursor: string | null };
}
