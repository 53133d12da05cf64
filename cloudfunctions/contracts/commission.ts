// The `commission` function: share attribution, the sharer's commission and withdrawals. src/ imports these as
// types only. One level by construction: an order names at most one sharer, and the binding history keeps only whom
// each buyer was bound to (never who bound the sharer), so there is no chain to pay along.
import * as v from 'valibot';
import {
  MAX_RATE_BP,
  MAX_WITHDRAWAL_FEN,
  MIN_WITHDRAWAL_FEN,
  SHARE_CODE_PATTERN,
  SHARER_NOTE_MAX,
  SHORT_ID_PATTERN,
  WITHDRAWAL_ID_PATTERN,
  WITHDRAWAL_REJECT_REASON_BOUNDS,
} from './limits';
import type { TrustedSharer } from './shop';
import { optionalText, requiredText } from './text';

// Where the functions and tests have always imported them from (the limits live in ./limits, free of valibot).
export { MAX_RATE_BP, MAX_WITHDRAWAL_FEN, MIN_WITHDRAWAL_FEN, WITHDRAWAL_ID_PATTERN } from './limits';
export { SHARER_NOTE_MAX as NOTE_MAX } from './limits';

export const COMMISSION_FUNCTION = 'commission';

const shortId = v.pipe(v.string(), v.regex(SHORT_ID_PATTERN, 'id'));
const shareCode = v.pipe(v.string(), v.regex(SHARE_CODE_PATTERN, 'shareCode'));
export const SHARE_CHANNELS = ['chat', 'moments', 'poster'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];
const cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)));

export const commissionInputs = {
  recordVisit: v.strictObject({
    productId: shortId,
    s: shareCode,
    c: v.picklist(SHARE_CHANNELS),
    /**
     * A card opened from a group chat: wx.getGroupEnterInfo's cloudID sent as `cloud.CloudID(…)`, which CloudBase
     * replaces with its open data `{ cloudID, data: { openGId } }` (an unresolvable one comes without `data`).
     */
    group: v.optional(
      v.object({
        cloudID: v.pipe(v.string(), v.maxLength(200)),
        data: v.optional(v.object({ openGId: v.optional(v.pipe(v.string(), v.maxLength(100))) })),
      }),
    ),
  }),
  binding: v.strictObject({}),
  releaseBinding: v.strictObject({}),
  /** The sharer's own words about a product, shown on their cards and posters; '' clears it. */
  setNote: v.strictObject({ productId: shortId, note: optionalText(SHARER_NOTE_MAX) }),
  poster: v.strictObject({ productId: shortId }),
  /** The caller's kit to post a product in Moments (一键发圈): the owner's words and pictures, their own review photos,
   * their note and their poster. */
  material: v.strictObject({ productId: shortId }),
  myStats: v.strictObject({}),
  myCommissions: v.strictObject({ cursor, limit }),
  withdraw: v.strictObject({
    amountFen: v.pipe(v.number(), v.integer(), v.minValue(MIN_WITHDRAWAL_FEN), v.maxValue(MAX_WITHDRAWAL_FEN)),
  }),
  myWithdrawals: v.strictObject({ cursor, limit }),
  sharers: v.strictObject({ cursor, limit }),
  withdrawals: v.strictObject({ view: v.optional(v.picklist(['open', 'all'] as const)), cursor, limit }),
  decideWithdrawal: v.strictObject({
    withdrawalId: v.pipe(v.string(), v.regex(WITHDRAWAL_ID_PATTERN, 'withdrawalId')),
    approve: v.boolean(),
    reason: v.optional(requiredText(WITHDRAWAL_REJECT_REASON_BOUNDS)),
  }),
  /** What to share: products the sharer bought and reviewed first, then bought, then the rest of the catalogue. */
  suggestions: v.strictObject({}),
  rates: v.strictObject({}),
  /** The shop default (no productId) or one product's override (rateBp null removes it). Applies to new orders. */
  setRate: v.strictObject({
    productId: v.optional(shortId),
    rateBp: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_RATE_BP))),
  }),
  // Binding history and mute (issue 21).
  /** The caller's own bindings, newest first (the current one first), at most BINDING_HISTORY_MAX. */
  bindingHistory: v.strictObject({}),
  /** The caller stops (on) or resumes (off) seeing a sharer's recommendations; muting ends a binding to them. */
  muteSharer: v.strictObject({ shareCode, on: v.boolean() }),
  /** The sharers the caller muted (不看推荐的人), newest first. */
  mutes: v.strictObject({}),
};

export type CommissionAction = keyof typeof commissionInputs;
export type CommissionInput<A extends CommissionAction> = v.InferOutput<(typeof commissionInputs)[A]>;

export interface BindingView {
  sharerCode: string;
  nickname: string;
  /** ISO time the binding ends. */
  until: string;
}

export interface VisitResult {
  /** True when this visit bound the visitor to the sharer. */
  bound: boolean;
  /** The visitor's binding after the visit (null for an anonymous visitor or none). */
  binding: BindingView | null;
}

export interface CommissionAmounts {
  pendingFen: number;
  settledFen: number;
  withdrawnFen: number;
  reversedFen: number;
}

/** One product shared through one channel: visits → orders → commission. */
export interface FunnelRow {
  productId: string;
  title: string;
  channel: ShareChannel;
  visits: number;
  visitors: number;
  orders: number;
  gmvFen: number;
  pendingFen: number;
  settledFen: number;
  reversedFen: number;
  /**
   * Chat rows only: the visits opened from a group chat (群聊) and from a one-to-one chat (单聊; visits less group
   * visits, so the two add up to `visits`), and how many groups (issue 21).
   */
  chatSplit?: ChatSplit;
}

export interface ChatSplit {
  group: number;
  single: number;
  /** Distinct groups the card was opened from (by the shop's hash of the group id; no group id is kept). */
  groups: number;
}

/** How a binding ended: the buyer released it, its days ran out, or the buyer muted the sharer. */
export type BindingEnd = 'released' | 'expired' | 'muted';

export interface BindingHistoryItem {
  sharer: { nickname: string; shareCode: string };
  channel: ShareChannel;
  productId?: string;
  /** ISO times: from, and until (the planned end while active, else when it ended). */
  since: string;
  until: string;
  /** null while active. */
  ended: BindingEnd | null;
}

export interface MutedSharer {
  nickname: string;
  shareCode: string;
  /** ISO time it was muted. */
  at: string;
}

export interface MyStats {
  /** Friends who ever released a binding to the sharer, and friends muting them now: counts only, never who. */
  friends: { released: number; muted: number };
  visits: number;
  visitors: number;
  orders: number;
  /** Goods paid (after points) in orders attributed to the sharer. */
  gmvFen: number;
  commission: CommissionAmounts;
  /** Settled and not yet withdrawn nor asked for: what `withdraw` can take. */
  availableFen: number;
  openWithdrawal: Withdrawal | null;
  rows: FunnelRow[];
  /**
   * What friends see of the sharer on a card's trust banner, from the same computation (issue 21); absent only
   * before the member's first session made their member record.
   */
  asFriendsSee?: TrustedSharer;
}

export type CommissionStatus = 'pending' | 'settled' | 'reversed';

export interface CommissionLine {
  id: string;
  orderId: string;
  productId: string;
  title: string;
  spec: string;
  channel: ShareChannel;
  /** Goods actually paid for the line (after points). */
  baseFen: number;
  rateBp: number;
  amountFen: number;
  /** Taken back by refunds (pro rata); amountFen − reversedFen is what the sharer keeps. */
  reversedFen: number;
  status: CommissionStatus;
  createdAt: string;
  settledAt?: string;
  reversedAt?: string;
  /** When a pending line settles: known once the order is completed (completion + after-sale days). */
  settlesAt: string | null;
}

export interface Withdrawal {
  id: string;
  amountFen: number;
  status: 'open' | 'approved' | 'rejected';
  requestedAt: string;
  decidedAt?: string;
  reason?: string;
}

export interface OwnerWithdrawal extends Withdrawal {
  sharer: { nickname: string; shareCode: string };
}

export interface SharerRank {
  nickname: string;
  shareCode: string;
  orders: number;
  buyers: number;
  gmvFen: number;
  /** Commission pending plus settled (reversed left out). */
  commissionFen: number;
}

export interface Poster {
  /** The mini program code as a PNG data URL (data:image/png;base64,…). */
  code: string;
  /** The code's scene: `p=<productId>&s=<shareCode>`. */
  scene: string;
  product: { id: string; title: string; priceFen: number; image: string; status: 'on_sale' | 'off_sale' };
  sharer: { nickname: string; shareCode: string };
  note: string;
}

/** A picture of the kit: the owner's (or, without material, the product's) or one of the caller's review photos. */
export interface KitImage {
  /** Display URL. */
  url: string;
  source: 'owner' | 'review';
}

/** commission.material: what the 一键发圈 page offers; the poster (drawn by the page) goes last. */
export interface MaterialKit {
  productId: string;
  /** The owner's words; without material, one default (title and price line). */
  texts: string[];
  /** The caller's own note on the product (commission.setNote), '' when none: offered as their words. */
  note: string;
  /** The owner's pictures first, then the caller's visible review photos (the page picks at most MATERIAL_IMAGES_MAX
   * with the poster). */
  images: KitImage[];
  poster: Poster;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ShareSuggestion {
  productId: string;
  title: string;
  /** Display URL of the cover. */
  image: string;
  priceFen: number;
  /** The sharer's own completed, unrefunded orders of it. */
  bought: number;
  reviewed: boolean;
}

export interface RateTable {
  defaultRateBp: number;
  products: Array<{ id: string; title: string; rateBp: number | null }>;
}

export interface CommissionResults {
  recordVisit: VisitResult;
  binding: { binding: BindingView | null };
  releaseBinding: { binding: null };
  setNote: { productId: string; note: string };
  poster: Poster;
  material: MaterialKit;
  myStats: MyStats;
  myCommissions: Page<CommissionLine>;
  withdraw: { withdrawal: Withdrawal };
  myWithdrawals: Page<Withdrawal>;
  sharers: Page<SharerRank>;
  withdrawals: Page<OwnerWithdrawal>;
  decideWithdrawal: { withdrawal: OwnerWithdrawal };
  suggestions: { items: ShareSuggestion[] };
  rates: RateTable;
  setRate: RateTable;
  bindingHistory: { items: BindingHistoryItem[] };
  muteSharer: { sharer: { nickname: string; shareCode: string }; muted: boolean };
  mutes: { items: MutedSharer[] };
}
