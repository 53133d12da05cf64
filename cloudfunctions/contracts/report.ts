// The `report` function: the owner's business view. Every action is owner-only. src/ imports these as types only.
// The figures come from rollups kept with the events (paid, refunded, completed, visited) in the same writes, never
// from scanning orders; a day is a China day (UTC+8, 'YYYY-MM-DD').
import * as v from 'valibot';
import type { ShareChannel } from './commission';
import {
  CUSTOMER_QUERY_MAX,
  CUSTOMER_TAG_BOUNDS,
  CUSTOMER_TAGS_MAX,
  EXPORT_DAYS_MAX,
  FILE_ID_MAX,
  MEMBER_ID_PATTERN,
} from './limits';
import { ORDER_STATUSES, type OrderStatus } from './order';
import { requiredText } from './text';

export const REPORT_FUNCTION = 'report';

export const REPORT_RANGES = [7, 30, 90] as const;
export type ReportRange = (typeof REPORT_RANGES)[number];
export const CUSTOMER_SORTS = ['recent', 'spent', 'orders'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

const cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)));
const memberId = v.pipe(v.string(), v.regex(MEMBER_ID_PATTERN, 'memberId'));
const tag = requiredText(CUSTOMER_TAG_BOUNDS);
/** A China day, 'YYYY-MM-DD' (checked to be a real date by the use case). */
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'day'));

export const reportInputs = {
  /** The last `days` China days up to today, and the same number of days before them (for the change). */
  dashboard: v.strictObject({ days: v.picklist(REPORT_RANGES) }),
  /**
   * The shop's customers (members with at least one paid order). `q`: part of a nickname or a share code, matched
   * literally; `tag`: one of the owner's words; `sort`: `recent` (last order first, the default), `spent`, `orders`.
   */
  customers: v.strictObject({
    q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(CUSTOMER_QUERY_MAX))),
    tag: v.optional(tag),
    sort: v.optional(v.picklist(CUSTOMER_SORTS)),
    cursor,
    limit,
  }),
  customer: v.strictObject({ memberId }),
  /** Replaces the customer's tags (owner-defined words; an empty list removes them all). */
  tagCustomer: v.strictObject({
    memberId,
    tags: v.pipe(
      v.array(tag),
      v.maxLength(CUSTOMER_TAGS_MAX),
      v.check((tags) => new Set(tags).size === tags.length, 'tags'),
    ),
  }),
  /** Orders placed from `from` to `to` (China days, inclusive, at most EXPORT_DAYS_MAX days), one row per line. */
  exportOrders: v.strictObject({ from: day, to: day, status: v.optional(v.picklist(ORDER_STATUSES)) }),
  /** A CSV the owner uploaded under `imports/`: `orderId, carrier, trackingNo` per row (a header row is allowed). */
  importShipments: v.strictObject({ fileID: v.pipe(v.string(), v.minLength(1), v.maxLength(FILE_ID_MAX)) }),
};

export type ReportAction = keyof typeof reportInputs;
export type ReportInput<A extends ReportAction> = v.InferOutput<(typeof reportInputs)[A]>;

export const EXPORT_MAX_DAYS = EXPORT_DAYS_MAX;

/**
 * A range's figures. Paid: orders whose payment was recorded in the range (a group order when paid, before its
 * group is formed); `paidFen` what they paid. `refundFen`: refunds made in the range (whenever the order was paid),
 * so `gmvFen` = `paidFen` - `refundFen` (a refunded order leaves GMV on the day of its refund). `buyers`: distinct
 * members with a paid order in the range; `newBuyers`: those whose first paid order ever is in it;
 * `returningBuyers` = `buyers` - `newBuyers`; `repeatRate`: the share of `buyers` who paid on two or more days,
 * counting days before the range (0 without buyers); `aovFen` = floor(`paidFen` / `orders`) (0 without orders);
 * `refundRate` = `refundFen` / `paidFen` (0 when nothing was paid).
 */
export interface ReportTotals {
  gmvFen: number;
  paidFen: number;
  orders: number;
  buyers: number;
  newBuyers: number;
  returningBuyers: number;
  repeatRate: number;
  aovFen: number;
  refundFen: number;
  refundRate: number;
}

export interface ReportDay {
  day: string;
  gmvFen: number;
  orders: number;
  /** Distinct members with a paid order that day. */
  buyers: number;
}

/** `direct`: visits and orders that came through no sharer's card. */
export type ReportChannel = ShareChannel | 'direct';

export interface Dashboard {
  days: ReportRange;
  /** The range: `from` to `to` (today), China days. */
  from: string;
  to: string;
  totals: ReportTotals;
  /** The same figures for the `days` days before `from` (the page shows the change). */
  previous: ReportTotals;
  /** Every day of the range, oldest first (days without sales are zeros). */
  daily: ReportDay[];
  /** Visits of shared cards and the orders attributed to each channel (by the order's sharer binding). */
  channels: Array<{
    channel: ReportChannel;
    visits: number;
    orders: number;
    gmvFen: number;
    /** The chat row only: visits from group chats (群聊) and one-to-one chats (单聊), adding up to `visits`. */
    chatSplit?: { group: number; single: number };
  }>;
  /** At most 10, by `gmvFen` (refunds made in the range taken off), then units. */
  topProducts: Array<{ productId: string; title: string; units: number; gmvFen: number }>;
  /** At most 10, by `gmvFen` of the orders attributed to them; `commissionFen`: earned on those, less reversals. */
  topSharers: Array<{ shareCode: string; nickname: string; orders: number; gmvFen: number; commissionFen: number }>;
}

/** A customer as the owner sees them: never an openid (`memberId` is an opaque key of the member). */
export interface CustomerItem {
  memberId: string;
  nickname: string;
  avatarUrl?: string;
  /** Their share code, when they have one (a member who shares). */
  shareCode?: string;
  /** Paid orders, and what they paid (refunds taken off). */
  orders: number;
  paidFen: number;
  lastOrderAt: string;
  /** The sharer their first paid order was attributed to. */
  firstSharer?: { shareCode: string; nickname: string };
  points: number;
  tags: string[];
}

export interface CustomerDetail {
  customer: CustomerItem;
  /** Their latest orders, newest first (at most 20). */
  orders: Array<{ id: string; status: OrderStatus; payableFen: number; createdAt: string; title: string; qty: number }>;
  points: { balance: number; earned: number; spent: number; expired: number };
  /** Their reviews, newest first (at most 20), hidden ones included and marked. */
  reviews: Array<{ productId: string; title: string; rating: number; text: string; at: string; hidden: boolean }>;
  /** Who they were bound to, newest first: from when to when, and how it ended (still bound: no `to`). */
  bindings: Array<{
    shareCode: string;
    nickname: string;
    from: string;
    to?: string;
    ended?: 'expired' | 'released' | 'muted';
  }>;
}

export interface ImportRowResult {
  /** The row's line number in the file (1: the first line). */
  line: number;
  orderId?: string;
  /** `shipped`, or the coded reason the row was not (nothing of that row changed). */
  outcome: 'shipped' | string;
  message?: string;
}

export interface ReportResults {
  dashboard: Dashboard;
  /** `tags`: on the first page (no cursor), the owner's tags in use, on the most customers first. */
  customers: { items: CustomerItem[]; nextCursor: string | null; tags?: string[] };
  customer: CustomerDetail;
  tagCustomer: { customer: CustomerItem };
  exportOrders: { fileID: string; url: string; rows: number };
  importShipments: { results: ImportRowResult[]; shipped: number; refused: number };
}
