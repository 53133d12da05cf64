// Group buys and groups as the contract shows them: times as ISO strings, the SKUs' specs and normal prices from
// the product, members by nickname (never an openid; only paid members count as members), the caller's own part.
// A group whose time ran out is settled before it is shown (flows/group-settle.ts), so no one reads a stale one.
import type { GroupBuy, Group } from '../contracts/campaign';
import { groupBuyStatus, groupOutcome, slotsLeft, type GroupBuyRecord, type GroupRecord } from '../core/group-buy';
import type { ProductRecord } from '../core/product';
import { findGroup } from '../data/groups';
import { findUsersByOpenids, type UserRecord } from '../data/users';
import { loadSettings } from '../data/settings';
import { settleGroup } from '../flows/group-settle';
import type { CallContext } from '../platform/handler';

const iso = (d: Date) => new Date(d).toISOString();

export function viewGroupBuy(
  gb: GroupBuyRecord,
  product: ProductRecord | undefined,
  sold: number,
  now: Date,
): GroupBuy {
  return {
    id: gb._id,
    productId: gb.productId,
    skus: gb.skus.map((s) => {
      const sku = product?.skus.find((k) => k.id === s.skuId);
      return { skuId: s.skuId, spec: sku?.spec ?? '', priceFen: sku?.priceFen ?? 0, groupPriceFen: s.groupPriceFen };
    }),
    size: gb.size,
    hours: gb.hours,
    startAt: iso(gb.startAt),
    endAt: iso(gb.endAt),
    stockCap: gb.stockCap,
    sold,
    perMember: gb.perMember,
    status: groupBuyStatus(gb, now),
  };
}

export function viewGroup(g: GroupRecord, users: ReadonlyMap<string, UserRecord>, caller: string): Group {
  const slots = Object.values(g.slots).sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  const mine = slots.find((s) => caller && s.buyerId === caller);
  return {
    id: g._id,
    groupBuyId: g.groupBuyId,
    productId: g.productId,
    skuId: g.skuId,
    size: g.size,
    members: slots
      .filter((s) => s.paid)
      .map((s) => ({
        nickname: users.get(s.buyerId)?.nickname ?? '拼团好友',
        leader: s.buyerId === g.leaderId,
        joinedAt: iso(s.paidAt ?? s.at),
      })),
    status: g.status,
    endsAt: iso(g.endsAt),
    slotsLeft: g.status === 'forming' ? slotsLeft(g) : 0,
    ...(mine ? { mine: { orderId: mine.order, paid: mine.paid } } : {}),
  };
}

/** The groups as the caller sees them, with their paid members' nicknames in one read. */
export async function viewGroups(ctx: CallContext, groups: readonly GroupRecord[]): Promise<Group[]> {
  const buyers = groups.flatMap((g) =>
    Object.values(g.slots)
      .filter((s) => s.paid)
      .map((s) => s.buyerId),
  );
  const users = await findUsersByOpenids(ctx.db, buyers);
  return groups.map((g) => viewGroup(g, users, ctx.openid));
}

/** A read settles at most this many groups itself (each may refund its members); the scheduler does the rest. */
const SETTLED_PER_READ = 5;

/** The groups as they are now: any whose time ran out (or whose last slot was paid) is settled first. */
export async function settledNow(ctx: CallContext, groups: readonly GroupRecord[]): Promise<GroupRecord[]> {
  const due = groups.filter((g) => groupOutcome(g, ctx.now) || g.settled === false).slice(0, SETTLED_PER_READ);
  if (due.length === 0) return [...groups];
  const settings = await loadSettings(ctx.db);
  const fresh = new Map<string, GroupRecord | null>();
  for (const g of due) {
    await settleGroup(ctx.cloud, ctx.db, g._id, ctx.now, settings);
    fresh.set(g._id, await findGroup(ctx.db, g._id));
  }
  return groups.map((g) => fresh.get(g._id) ?? g);
}
