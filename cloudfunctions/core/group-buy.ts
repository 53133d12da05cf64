// Group buying (拼团), the pure rules. The owner's activity (`group_buys/<id>`) sells one product's SKUs at group
// prices; a member starts a group (`groups/<id>`) of `size`, which forms when `size` members have paid within
// `hours` of its start, or fails and every payment goes back. A group is of one SKU (the starter's); joiners buy
// that SKU. Holding a slot, and the activity's units (`stockCap` over all its groups, `perMember` per member over
// all their orders of it), are counters on one document each, taken by one conditional update (data/group-buys.ts).
// New groups start only while the activity is live; a forming group takes joins until its end unless the owner
// stopped the activity. After its start the owner may only lengthen the activity or raise its `stockCap`.
import { createHash } from 'node:crypto';
import type { CampaignStatus, GroupBuyDraft, GroupStatus } from '../contracts/campaign';
import { AppError } from '../contracts/errors';
import { timesQty, toFen } from './money';
import type { PricedLine, WantedLine } from './pricing';
import { derivedId, type ProductRecord } from './product';

export const HOUR_MS = 3_600_000;

/** A create's reservation of an activity's units, until its order takes it over (`order.holds` names the token). */
export interface GroupHoldMark {
  token: string;
  order: string;
  member: string;
  qty: number;
  at: Date;
}

export interface GroupBuyRecord {
  _id: string;
  productId: string;
  skus: Array<{ skuId: string; groupPriceFen: number }>;
  size: number;
  hours: number;
  startAt: Date;
  endAt: Date;
  stockCap: number;
  perMember: number;
  stoppedAt?: Date;
  createdAt: Date;
  /** Units the activity's orders hold (unpaid ones holding a slot, paid, formed): never above `stockCap`. */
  units: number;
  /** The same per member (key: `memberKeyOf(openid)`): never above `perMember`. */
  members: Record<string, number>;
  /** Reservations no order took over yet (cleared, or given back after a crash, by flows/group-holds.ts). */
  holds: GroupHoldMark[];
}

/** A slot in a group, keyed by its reservation's token. */
export interface SlotRecord {
  order: string;
  buyerId: string;
  qty: number;
  at: Date;
  paid: boolean;
  paidAt?: Date;
}

export interface GroupRecord {
  _id: string;
  groupBuyId: string;
  productId: string;
  skuId: string;
  size: number;
  /** The openid of the member who started it (团长); never sent to clients. */
  leaderId: string;
  startedAt: Date;
  endsAt: Date;
  status: GroupStatus;
  /** Slots held (paid or not), never above `size`, and of those the paid ones. */
  held: number;
  paid: number;
  /** Openids holding a slot: a member is in a group once. */
  memberIds: string[];
  slots: Record<string, SlotRecord>;
  /** The unpaid slots' tokens and times (the scheduler looks for crashed creates' slots among them). */
  unpaid: Array<{ token: string; at: Date }>;
  closedAt?: Date;
  /** Every order followed the group's end (formed: paid; failed: refunded or cancelled). */
  settled?: boolean;
}

/** The activity's state now: stopped by the owner › past its end › before its start › live. */
export function groupBuyStatus(gb: Pick<GroupBuyRecord, 'stoppedAt' | 'startAt' | 'endAt'>, now: Date): CampaignStatus {
  if (gb.stoppedAt) return 'stopped';
  if (now.getTime() >= new Date(gb.endAt).getTime()) return 'ended';
  if (now.getTime() < new Date(gb.startAt).getTime()) return 'upcoming';
  return 'live';
}

/**
 * The activity the owner's draft makes: SKUs of the product on sale, each group price below the SKU's price, a
 * window that ends after it starts and after now. Once started (or stopped, or ended) only `endAt` and `stockCap`
 * may change (`campaign.started`); `stockCap` never below the units already held.
 */
export function groupBuyFromDraft(
  draft: GroupBuyDraft,
  id: string,
  existing: GroupBuyRecord | null,
  product: ProductRecord,
  now: Date,
): Omit<GroupBuyRecord, 'units' | 'members' | 'holds' | 'createdAt'> {
  for (const s of draft.skus) {
    const sku = product.skus.find((k) => k.id === s.skuId && !k.retired);
    if (!sku) throw new AppError('campaign.sku_not_in');
    if (s.groupPriceFen >= sku.priceFen) throw new AppError('campaign.price_invalid');
  }
  const startAt = new Date(draft.startAt);
  const endAt = new Date(draft.endAt);
  if (startAt >= endAt || endAt <= now) throw new AppError('campaign.window_invalid');
  const record = {
    _id: id,
    productId: draft.productId,
    skus: draft.skus.map((s) => ({ skuId: s.skuId, groupPriceFen: s.groupPriceFen })),
    size: draft.size,
    hours: draft.hours,
    startAt,
    endAt,
    stockCap: draft.stockCap,
    perMember: draft.perMember,
  };
  if (!existing) return record;
  if (existing.productId !== draft.productId) throw new AppError('campaign.not_found');
  if (draft.stockCap < existing.units)
    throw new AppError('input.invalid', `活动库存不能少于已占用的 ${existing.units} 件`);
  if (groupBuyStatus(existing, now) === 'upcoming') return record;
  if (existing.stoppedAt || fixedTerms(existing) !== fixedTerms(record)) throw new AppError('campaign.started');
  return record;
}

/** What a started activity keeps: its SKUs and prices, group size and hours, the per-member limit, its start. */
const fixedTerms = (r: Pick<GroupBuyRecord, 'skus' | 'size' | 'hours' | 'perMember' | 'startAt'>) =>
  JSON.stringify([r.skus, r.size, r.hours, r.perMember, new Date(r.startAt).getTime()]);

/** The one line a group order buys at its group price: one SKU of the activity's product (a joiner's: the group's). */
export function groupLine(
  items: readonly WantedLine[],
  gb: Pick<GroupBuyRecord, 'productId' | 'skus'>,
  group: Pick<GroupRecord, 'skuId'> | null,
): { skuId: string; qty: number; groupPriceFen: number } {
  if (items.length !== 1) throw new AppError('campaign.one_line');
  const [line] = items;
  const sku = gb.skus.find((s) => s.skuId === line.skuId);
  if (line.productId !== gb.productId || !sku || (group && group.skuId !== line.skuId))
    throw new AppError('campaign.sku_not_in');
  return { skuId: sku.skuId, qty: line.qty, groupPriceFen: sku.groupPriceFen };
}

/** The lines at the group price (`campaign: 'group_buy'`); shipping by their goods as for any order (totalsOf). */
export function atGroupPrice(lines: readonly PricedLine[], groupPriceFen: number): PricedLine[] {
  const price = toFen(groupPriceFen);
  return lines.map((l) => ({ ...l, priceFen: price, lineFen: timesQty(price, l.qty), campaign: 'group_buy' }));
}

/** Why the caller cannot buy in the activity now: a new group only while it is live; a join unless it was stopped. */
export function buyRefusal(gb: GroupBuyRecord, joining: boolean, now: Date): AppError | null {
  const status = groupBuyStatus(gb, now);
  if (joining ? status === 'stopped' : status !== 'live') return new AppError('campaign.not_live');
  return null;
}

/** Why `openid` cannot join the group now, or null. */
export function joinRefusal(group: GroupRecord, openid: string, now: Date): AppError | null {
  if (group.status !== 'forming' || new Date(group.endsAt).getTime() <= now.getTime())
    return new AppError('group.closed');
  if (group.leaderId === openid) return new AppError('group.own');
  if (group.memberIds.includes(openid)) return new AppError('group.joined');
  if (group.held >= group.size) return new AppError('group.full');
  return null;
}

/** Why `qty` more units for the member would break the activity's caps, or null. */
export function unitsRefusal(gb: GroupBuyRecord, member: string, qty: number): AppError | null {
  if (gb.units + qty > gb.stockCap) return new AppError('campaign.sold_out');
  if ((gb.members[member] ?? 0) + qty > gb.perMember)
    return new AppError('campaign.limit_reached', `每人限购 ${gb.perMember} 件`);
  return null;
}

/** Units the member may still buy in the activity. */
export function canBuy(gb: GroupBuyRecord, member: string): number {
  return Math.max(0, Math.min(gb.stockCap - gb.units, gb.perMember - (gb.members[member] ?? 0)));
}

/** How a forming group ends now: every slot paid → succeeded; its time up short of that → failed; else null. */
export function groupOutcome(group: Pick<GroupRecord, 'status' | 'paid' | 'size' | 'endsAt'>, now: Date) {
  if (group.status !== 'forming') return null;
  if (group.paid >= group.size) return 'succeeded' as const;
  if (new Date(group.endsAt).getTime() <= now.getTime()) return 'failed' as const;
  return null;
}

/** A member's key in an activity's counters: not their openid (a field name), and the same every time. */
export function memberKeyOf(openid: string): string {
  return createHash('sha256').update(`member\u0000${openid}`).digest('base64url').slice(0, 16);
}

/** The group an order starts: derived from the order, so a retried create finds the same group. */
export const groupIdOf = (orderId: string) => derivedId('G', 'group', orderId);

/** When a group started now ends: `hours` after its start. */
export const groupEndsAt = (gb: Pick<GroupBuyRecord, 'hours'>, now: Date) =>
  new Date(now.getTime() + gb.hours * HOUR_MS);

export const slotsLeft = (g: Pick<GroupRecord, 'size' | 'held'>) => Math.max(0, g.size - g.held);

/** Open groups closest to full first, then those ending soonest. */
export function closestToFull<G extends Pick<GroupRecord, 'size' | 'held' | 'endsAt'>>(groups: readonly G[]): G[] {
  return [...groups].sort(
    (a, b) => slotsLeft(a) - slotsLeft(b) || new Date(a.endsAt).getTime() - new Date(b.endsAt).getTime(),
  );
}
