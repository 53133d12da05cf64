// Orders. A state change is a conditional update on the order's current status, so of two concurrent changes
// of the same order exactly one applies; the loser sees 0 updated and re-reads.
import type { Address, BuyerTab, OrderStatus, OwnerView } from '../contracts/order';
import type { ShareChannel } from '../contracts/commission';
import type { Take } from '../core/points';
import type { PricedLine } from '../core/pricing';
import { closedIfCompletedBy } from '../core/after-sale';
import { INITIAL_STATUS } from '../core/order-flow';
import { SIDE_FIELDS, type SideStates, type SideStep } from '../core/side-states';
import { getOrNull, txGet, type Database, type Transaction } from './db';

export interface TimelineEntry {
  at: Date;
  label: string;
  detail?: string;
}

export interface OrderRecord {
  _id: string;
  /** `${openid}:${requestId}`: the same checkout request never makes a second order. */
  requestKey: string;
  /** What the request asked for (lines and address), to tell a retry from a different order under the same id. */
  requestHash: string;
  /** The buyer's openid (it never leaves the server). */
  buyerId: string;
  status: OrderStatus;
  items: PricedLine[];
  /** `couponFen`: absent on orders placed before coupons (read as 0). */
  amounts: {
    goodsFen: number;
    couponFen?: number;
    pointsUsed: number;
    pointsDiscountFen: number;
    shippingFen: number;
    payableFen: number;
  };
  /** The member coupon the order holds (`member_coupons/<id>`), and its name as the order shows it. */
  coupon?: { id: string; name: string };
  /**
   * An order of a group buy: the activity, the group, its slot there (the reservation's token) and whether it still
   * holds its slot and the activity's units (cleared when the group forms or when they go back: flows/group-holds.ts).
   */
  group?: { groupBuyId: string; groupId: string; slot: string; holds: boolean };
  address: Address;
  note?: string;
  /** The sharer's shareCode when the order is attributed (shown to the owner). */
  sharerCode?: string;
  /** Attribution, fixed at creation from the buyer's active binding: one sharer, never a chain. */
  sharer?: OrderSharer;
  commissionState?: SideStates['commissionState'];
  /** Points spent on the order: which lots they came from (they go back there on cancel or refund). */
  points?: { taken: Take[] };
  /** The points rules of the order's earnings, as they were when it was placed (changes apply to new orders). */
  pointsRules?: { earnPerYuan: number; expiryDays: number };
  pointsEarn?: SideStates['pointsEarn'];
  pointsBack?: SideStates['pointsBack'];
  /** Lines the buyer has reviewed (by SKU id), kept with the reviews. */
  reviewedSkus?: string[];
  purchase?: SideStates['purchase'];
  /** Owed once the order is refunded in full after completion: its reviews leave the public figures. */
  reviewsState?: SideStates['reviewsState'];
  createdAt: Date;
  /** China date (YYYY-MM-DD) of creation, for the owner's daily summary. */
  day: string;
  payBefore: Date;
  /** Stock of the lines is held by this order (false once released by cancel or refund before shipping). */
  holdsStock: boolean;
  /** The stock reservations this order took over (data/stock.ts): their marks on the products are its stock. */
  holds?: string[];
  paidAt?: Date;
  paidDay?: string;
  paidFen?: number;
  transactionId?: string;
  /** A payment or refund the rollups have not folded yet (flows/stats.ts). */
  statsDue?: boolean;
  notify?: { shipped: boolean; refund: boolean };
  shippedAt?: Date;
  /** `carrier`: the courier's name as the order shows it; `courier`: its WeChat code (older orders have none). */
  shipping?: { carrier: string; trackingNo: string; courier?: string };
  /** Whether the shipping info reached WeChat (发货信息管理服务): flows/upload-shipping.ts. */
  shippingSync?: ShippingSyncRecord;
  autoConfirmAt?: Date;
  completedAt?: Date;
  cancelledAt?: Date;
  refund?: {
    reason: string;
    requestedAt: Date;
    fromStatus: OrderStatus;
    refundFen: number;
    approvedAt?: Date;
    outRefundNo?: string;
    rejectedAt?: Date;
    rejectReason?: string;
    refundedAt?: Date;
  };
  /** The open after-sale case (`<orderId>S<n>`): one at a time; removed when it ends. */
  openAfterSale?: string;
  /** A case rejected once, which the buyer asks again in itself (no new case meanwhile); removed when reopened. */
  reopenableAfterSale?: string;
  /** Cases opened so far (the next one's number). */
  afterSaleCount?: number;
  /** A case was ever opened (the buyer's 售后 tab). */
  hasAfterSale?: boolean;
  /** Refunded through after-sale cases so far, and the units those cases covered, by SKU. */
  refundedFen?: number;
  refundedQty?: Record<string, number>;
  /** Of those, the units whose stock came back (never shipped, or returned and received). */
  restockedQty?: Record<string, number>;
  /** Spent points after-sale cases' partial refunds gave back so far. */
  casePointsBack?: number;
  /** Set when WeChat Pay's result came after the order was cancelled. */
  /**
   * `pointsShort`: a late payment's discount is gone (its points, or its coupon: `couponShort` says which), so the
   * whole payment goes back (flows/start-refund.ts).
   */
  attention?: { latePayment: boolean; stockShort: boolean; pointsShort?: boolean; couponShort?: boolean };
  timeline: TimelineEntry[];
}

export type CommissionState = NonNullable<SideStates['commissionState']>;

export interface ShippingSyncRecord {
  status: 'pending' | 'synced' | 'failed' | 'not_joined' | 'off';
  /** WeChat's errcode and errmsg of the last refused upload. */
  error?: string;
  at: Date;
  /** Uploads started so far. */
  attempts: number;
  /** When the scheduler uploads (again); absent once nothing is left to do. */
  retryAt?: Date;
}

export interface OrderSharer {
  /** The sharer's openid. */
  id: string;
  code: string;
  /** How the buyer was bound: the channel and the product of the share they opened. */
  channel: ShareChannel;
  productId: string;
  /** Commission rate per product, as it was when the order was placed (later rate changes apply to new orders). */
  rates: Record<string, number>;
}

const orders = (db: Database) => db.collection<OrderRecord>('orders');

export async function findOrder(db: Database, id: string): Promise<OrderRecord | null> {
  return getOrNull(orders(db), id);
}

/** Inserts a new order; a second insert of the same id rejects with the duplicate-key error. */
export async function insertOrder(db: Database, order: OrderRecord): Promise<void> {
  assertInitial(order);
  await orders(db).add({ data: order });
}

/** The order as a transaction sees it, or null. */
export function txFindOrder(t: Transaction, id: string): Promise<OrderRecord | null> {
  return txGet<OrderRecord>(t, 'orders', id);
}

/** Inserts a new order inside a transaction (one that also takes its points). */
export async function txInsertOrder(t: Transaction, order: OrderRecord): Promise<void> {
  assertInitial(order);
  const { _id, ...data } = order;
  await t.collection('orders').doc(_id).set({ data });
}

/** A new order starts in the transition table's initial state; every later status comes from a transition. */
function assertInitial(order: OrderRecord): void {
  if (order.status !== INITIAL_STATUS) throw new Error(`a new order starts ${INITIAL_STATUS}, not ${order.status}`);
}

/** Fields of an order other than its status: a `status` key does not compile (and is refused at run time). */
type NoStatus = { [field: string]: unknown; status?: never };

/** A write of an order's fields that is not its status (flows/transition.ts alone writes the status). */
function assertNoStatus(patch: Record<string, unknown>): void {
  if (Object.hasOwn(patch, 'status')) throw new Error("an order's status is written only by flows/transition.ts");
}

/**
 * Applies `patch` (and appends `event` to the timeline) only if the order still matches `where`. Returns false
 * when another change got there first (the caller re-reads and decides). Never writes the status.
 */
export async function updateOrder(
  db: Database,
  where: Record<string, unknown>,
  patch: NoStatus,
  event?: TimelineEntry,
): Promise<boolean> {
  assertNoStatus(patch);
  return conditionalWrite(db, where, patch, event);
}

/** Inside a transaction: the order's fields other than its status (side states, flags). */
export async function txUpdateOrder(t: Transaction, id: string, patch: NoStatus): Promise<void> {
  assertNoStatus(patch);
  await t.collection('orders').doc(id).update({ data: patch });
}

/**
 * The status write, for flows/transition.ts only (a test fails if anything else imports it): `status` and
 * `patch` apply only while the order still matches `where`, which names every fact the transition was decided on.
 */
export async function writeStatus(
  db: Database,
  where: Record<string, unknown>,
  status: OrderStatus,
  patch: Record<string, unknown>,
  event: TimelineEntry,
): Promise<boolean> {
  return conditionalWrite(db, where, { ...patch, status }, event);
}

/** The status write inside a transaction (the transaction's snapshot is its condition). */
export async function txWriteStatus(
  t: Transaction,
  db: Database,
  id: string,
  status: OrderStatus,
  patch: Record<string, unknown>,
  event: TimelineEntry,
): Promise<void> {
  await t
    .collection('orders')
    .doc(id)
    .update({ data: { ...patch, status, timeline: db.command.push([event]) } });
}

async function conditionalWrite(
  db: Database,
  where: Record<string, unknown>,
  patch: Record<string, unknown>,
  event?: TimelineEntry,
): Promise<boolean> {
  const data = event ? { ...patch, timeline: db.command.push([event]) } : patch;
  const { stats } = await orders(db).where(where).update({ data });
  return stats.updated === 1;
}

const BUYER_TAB_STATUSES: Record<BuyerTab, readonly OrderStatus[] | null> = {
  all: null,
  pending_payment: ['pending_payment'],
  // A paid order waiting for its group (待成团) is the buyer's to ship: paid, nothing to do but wait.
  to_ship: ['grouping', 'paid'],
  to_receive: ['shipped'],
  completed: ['completed'],
  after_sale: ['refunding', 'refunded'],
};
/** The buyer's 售后 tab also holds every order that ever had a case, whatever its status. */
const BUYER_TAB_EXTRA: Partial<Record<BuyerTab, Extra>> = { after_sale: () => ({ hasAfterSale: true }) };

const OWNER_VIEW_STATUSES: Record<OwnerView, readonly OrderStatus[] | null> = {
  to_ship: ['paid'],
  after_sale: ['refunding'],
  all: null,
};
/** The owner's 售后 view also holds the orders with an open case. */
const OWNER_VIEW_EXTRA: Partial<Record<OwnerView, Extra>> = {
  after_sale: (_) => ({ openAfterSale: _.exists(true) }),
};
/** Orders a list holds besides those of its statuses. */
type Extra = (_: Database['command']) => Record<string, unknown>;

export interface OrderPosition {
  createdAt: Date;
  id: string;
}

/** Newest first, keyset-paged on (createdAt, _id). */
async function page(
  db: Database,
  filter: Record<string, unknown>,
  statuses: readonly OrderStatus[] | null,
  after: OrderPosition | null,
  limit: number,
  extra?: Extra,
) {
  const _ = db.command;
  const parts: object[] = [filter];
  if (statuses && extra) parts.push(_.or([{ status: _.in([...statuses]) }, extra(_)]));
  else if (statuses) parts.push({ status: _.in([...statuses]) });
  if (after)
    parts.push(_.or([{ createdAt: _.lt(after.createdAt) }, { createdAt: after.createdAt, _id: _.lt(after.id) }]));
  const where = parts.length === 1 ? parts[0] : _.and(parts);
  const { data } = await orders(db)
    .where(where as object)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}

export function listBuyerOrders(
  db: Database,
  buyerId: string,
  tab: BuyerTab,
  after: OrderPosition | null,
  limit: number,
) {
  return page(db, { buyerId }, BUYER_TAB_STATUSES[tab], after, limit, BUYER_TAB_EXTRA[tab]);
}

export function listOwnerOrders(
  db: Database,
  view: OwnerView,
  filter: Record<string, unknown>,
  after: OrderPosition | null,
  limit: number,
) {
  return page(db, filter, OWNER_VIEW_STATUSES[view], after, limit, OWNER_VIEW_EXTRA[view]);
}

/** What an export row shows of an order (report/order-rows.ts): the rest is never read. */
export type PlacedOrder = Pick<
  OrderRecord,
  '_id' | 'createdAt' | 'status' | 'items' | 'amounts' | 'address' | 'note' | 'paidFen' | 'sharer' | 'shipping'
>;
/**
 * Orders placed in [`start`, `end`) (in `status` when given), oldest first: one keyset page on (createdAt, _id), by
 * the `status, createdAt` or `createdAt` index.
 */
export async function listPlaced(
  db: Database,
  range: { start: Date; end: Date },
  status: OrderStatus | undefined,
  after: OrderPosition | null,
  limit: number,
): Promise<PlacedOrder[]> {
  const _ = db.command;
  const parts: object[] = [{ createdAt: _.gte(range.start) }, { createdAt: _.lt(range.end) }];
  if (status) parts.push({ status });
  if (after)
    parts.push(_.or([{ createdAt: _.gt(after.createdAt) }, { createdAt: after.createdAt, _id: _.gt(after.id) }]));
  const { data } = await orders(db)
    .where(_.and(parts) as object)
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .field({
      _id: true,
      createdAt: true,
      status: true,
      items: true,
      amounts: true,
      address: true,
      note: true,
      paidFen: true,
      sharer: true,
      shipping: true,
    })
    .limit(limit)
    .get();
  return data as PlacedOrder[];
}

/**
 * Orders in `status` whose `field` is before `before`, oldest first: the scheduler's work list. Auto-confirm waits
 * while an after-sale case is open (core/order-flow.ts HELD_BY_OPEN_CASE).
 */
export async function listDue(
  db: Database,
  status: OrderStatus,
  field: 'payBefore' | 'autoConfirmAt',
  before: Date,
  limit: number,
): Promise<OrderRecord[]> {
  const _ = db.command;
  const held = field === 'autoConfirmAt' ? { openAfterSale: _.exists(false) } : {};
  const { data } = await orders(db)
    .where({ status, [field]: _.lte(before), ...held })
    .orderBy(field, 'asc')
    .limit(limit)
    .get();
  return data;
}

export async function countOrders(db: Database, where: Record<string, unknown>): Promise<number> {
  return (await orders(db).where(where).count()).total;
}

/** Paid amounts of the orders paid on `day` (China date). */
export async function paidOn(db: Database, day: string): Promise<Array<Pick<OrderRecord, 'paidFen'>>> {
  const out: Array<Pick<OrderRecord, 'paidFen'>> = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await orders(db).where({ paidDay: day }).field({ paidFen: true }).skip(skip).limit(1000).get();
    out.push(...data);
    if (data.length < 1000) return out;
  }
}

/** Orders that should have given their stock back but still hold it (a release that conflicted or crashed). */
export async function listStranded(db: Database, limit: number): Promise<OrderRecord[]> {
  const _ = db.command;
  const { data } = await orders(db)
    .where({ status: _.in(['cancelled', 'refunded']), holdsStock: true })
    .limit(limit)
    .get();
  return data;
}

/**
 * Orders on which a row of the side-state table can run now (the scheduler's sweeps): the row's side state and
 * statuses, and for the rows that wait for it, a completion whose after-sale window has closed.
 */
export async function listSideDue(
  db: Database,
  row: SideStep,
  now: Date,
  afterSaleDays: number,
  limit: number,
): Promise<OrderRecord[]> {
  const _ = db.command;
  const where: Record<string, unknown> = { [SIDE_FIELDS[row.side]]: row.from, status: _.in([...row.when]) };
  if (row.afterWindow) {
    where.completedAt = _.lte(closedIfCompletedBy(now, afterSaleDays));
    where.openAfterSale = _.exists(false);
  }
  const { data } = await orders(db).where(where).limit(limit).get();
  return data;
}

/** Approved refunds not confirmed by WeChat Pay and not yet asked again, approved before `before`. */
export async function listUnconfirmedRefunds(db: Database, before: Date, limit: number): Promise<OrderRecord[]> {
  const _ = db.command;
  const { data } = await orders(db)
    .where({ status: 'refunding', 'refund.approvedAt': _.lte(before), 'refund.askedAgainAt': _.exists(false) })
    .limit(limit)
    .get();
  return data;
}

/** Orders whose shipping info is due for an upload (again), oldest first: the scheduler's work list. */
export async function listShippingSyncDue(db: Database, now: Date, limit: number): Promise<OrderRecord[]> {
  const { data } = await orders(db)
    .where({ 'shippingSync.retryAt': db.command.lte(now) })
    .orderBy('shippingSync.retryAt', 'asc')
    .limit(limit)
    .get();
  return data;
}

/** Late payments whose points were gone, still waiting for their automatic refund (a crash came between). */
export async function listPointsShort(db: Database, limit: number): Promise<OrderRecord[]> {
  const { data } = await orders(db).where({ status: 'paid', 'attention.pointsShort': true }).limit(limit).get();
  return data;
}

/** The reservations each of these orders took over (orders that do not exist are left out). */
export async function holdsOf(db: Database, ids: readonly string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const { data } = await orders(db)
    .where({ _id: db.command.in([...ids]) })
    .field({ holds: true })
    .limit(ids.length)
    .get();
  return new Map(data.map((o) => [o._id, o.holds ?? []]));
}

/** When each of these orders was completed (orders not completed are left out). */
export async function completionOf(db: Database, ids: readonly string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const { data } = await orders(db)
    .where({ _id: db.command.in([...ids]), status: 'completed' })
    .field({ completedAt: true })
    .limit(ids.length)
    .get();
  return new Map(data.filter((o) => o.completedAt).map((o) => [o._id, new Date(o.completedAt as Date)]));
}

/** These orders, by id (orders that do not exist are left out). */
export async function findOrders(db: Database, ids: readonly string[]): Promise<OrderRecord[]> {
  if (ids.length === 0) return [];
  const { data } = await orders(db)
    .where({ _id: db.command.in([...ids]) })
    .limit(ids.length)
    .get();
  return data;
}

/** Group orders cancelled or refunded that still hold their slot and units (a crash or a conflict came between). */
export async function listGroupHoldsStranded(db: Database, limit: number): Promise<OrderRecord[]> {
  const _ = db.command;
  const { data } = await orders(db)
    .where({ 'group.holds': true, status: _.in(['cancelled', 'refunding', 'refunded']) })
    .limit(limit)
    .get();
  return data;
}

/** The member's latest orders, newest first. */
export async function latestOrdersOf(db: Database, buyerId: string, limit: number): Promise<OrderRecord[]> {
  const { data } = await orders(db).where({ buyerId }).orderBy('createdAt', 'desc').limit(limit).get();
  return data;
}

/** Orders whose payment or refund the rollups have not folded yet. */
export async function listStatsDue(db: Database, limit: number): Promise<Array<{ _id: string }>> {
  const { data } = await orders(db).where({ statsDue: true }).field({ _id: true }).limit(limit).get();
  return data;
}

/** Orders paid before the rollups existed (no `stats` on them): data/stats.ts listUnfolded backfills them. */
export async function listOrdersBeforeStats(db: Database, limit: number): Promise<Array<{ _id: string }>> {
  const _ = db.command;
  const { data } = await orders(db)
    .where({ paidDay: _.exists(true), stats: _.exists(false) })
    .field({ _id: true })
    .limit(limit)
    .get();
  return data;
}

// The sharer's track record (core/track-record.ts, flows/track-record.ts): read by the shop and commission
// functions only, so these never reach the order function's bundle (unused exports are left out of it).
/** The member's completed orders, newest first, at most `max` (one bounded read): their lines and refunded units. */
export async function completedLinesOf(
  db: Database,
  buyerId: string,
  max: number,
): Promise<Array<Pick<OrderRecord, 'items' | 'refundedQty'>>> {
  const { data } = await orders(db)
    .where({ buyerId, status: 'completed' })
    .field({ items: true, refundedQty: true })
    .orderBy('createdAt', 'desc')
    .limit(max)
    .get();
  return data;
}

/** Orders attributed to the sharer with a confirmed payment, and of those the ones refunded in whole or in part. */
export async function referredOrderCounts(db: Database, sharerId: string): Promise<{ paid: number; refunded: number }> {
  const _ = db.command;
  const paid = { 'sharer.id': sharerId, paidAt: _.exists(true) };
  const [all, refunded] = await Promise.all([
    orders(db).where(paid).count(),
    orders(db)
      .where(_.and([paid, _.or([{ status: 'refunded' }, { refundedFen: _.gt(0) }])]) as object)
      .count(),
  ]);
  return { paid: all.total, refunded: refunded.total };
}
