// An order of a group buy (拼团): one line of the activity's product at its group price, no coupon. Without a
// `groupId` it starts a group (`groupIdOf(order)`, so a retried create finds the same one), with it joins that
// group. Before the stock, the create takes the activity's units (data/group-buys.ts) and then its slot (data/
// groups.ts), each one conditional update marked with the create's token; whatever was taken goes back if the
// create stops short, and the scheduler gives back what a crash left (flows/group-holds.ts).
import { AppError } from '../contracts/errors';
import type { OrderInput } from '../contracts/order';
import {
  atGroupPrice,
  buyRefusal,
  groupEndsAt,
  groupIdOf,
  groupLine,
  joinRefusal,
  memberKeyOf,
  unitsRefusal,
  type GroupBuyRecord,
  type GroupRecord,
} from '../core/group-buy';
import { flashPrices, type WithFlash } from '../core/flash-sale';
import { priceLines, type WantedLine } from '../core/pricing';
import { isDuplicateKey, type Database } from '../data/db';
import { findGroupBuy, giveBackUnits, takeUnits } from '../data/group-buys';
import { findGroup, giveBackSlot, insertGroup, removeEmptyGroup, takeSlot } from '../data/groups';

export interface GroupPlan {
  gb: GroupBuyRecord;
  /** The group joined; null when the order starts one. */
  group: GroupRecord | null;
  groupId: string;
  member: string;
  skuId: string;
  qty: number;
  groupPriceFen: number;
}

type Asked = Pick<OrderInput<'quote'>, 'items' | 'groupBuy' | 'couponId'>;

/** The activity and group the order names, checked as read (nothing taken yet); null for an ordinary order. */
export async function planGroupOrder(db: Database, asked: Asked, openid: string, orderId: string, now: Date) {
  if (!asked.groupBuy) return null;
  if (asked.couponId) throw new AppError('coupon.not_applicable', '拼团价商品不能使用优惠券');
  const { groupBuyId, groupId } = asked.groupBuy;
  const [gb, group] = await Promise.all([findGroupBuy(db, groupBuyId), groupId ? findGroup(db, groupId) : null]);
  if (!gb) throw new AppError('campaign.not_found');
  if (groupId && group?.groupBuyId !== gb._id) throw new AppError('group.not_found');
  const refused = buyRefusal(gb, Boolean(group), now) ?? (group && joinRefusal(group, openid, now));
  if (refused) throw refused;
  const line = groupLine(asked.items, gb, group);
  const member = memberKeyOf(openid);
  const over = unitsRefusal(gb, member, line.qty);
  if (over) throw over;
  return { gb, group, groupId: groupId ?? groupIdOf(orderId), member, ...line } satisfies GroupPlan;
}

/**
 * The order's lines: a group order's at its group price, the others' at their flash price while their sale is live
 * (core/flash-sale.ts). Not totalled: create reads the shop's rules only once the stock is held.
 */
export const pricedLines = (
  items: readonly WantedLine[],
  products: ReadonlyMap<string, WithFlash>,
  plan: GroupPlan | null,
  now: Date,
) =>
  plan
    ? atGroupPrice(priceLines(items, products), plan.groupPriceFen)
    : priceLines(items, products, flashPrices(products, now));

/**
 * Takes the units and then the slot (a start inserts its group with the starter's slot), marked with `token`.
 * Returns the coded refusal (after giving back what was taken), or null when both are held.
 */
export async function holdGroup(
  db: Database,
  plan: GroupPlan,
  order: { id: string; buyerId: string; token: string },
  now: Date,
): Promise<AppError | null> {
  const mark = { token: order.token, order: order.id, member: plan.member, qty: plan.qty, at: now };
  if (!(await takeUnits(db, plan.gb, mark))) {
    const gb = await findGroupBuy(db, plan.gb._id);
    return (gb && (buyRefusal(gb, Boolean(plan.group), now) ?? unitsRefusal(gb, plan.member, plan.qty))) || busy();
  }
  const slot = { order: order.id, buyerId: order.buyerId, qty: plan.qty, at: now, paid: false };
  let held: boolean;
  try {
    held = plan.group
      ? await takeSlot(db, plan.group, order.token, slot)
      : await insertGroup(db, {
          _id: plan.groupId,
          groupBuyId: plan.gb._id,
          productId: plan.gb.productId,
          skuId: plan.skuId,
          size: plan.gb.size,
          leaderId: order.buyerId,
          startedAt: now,
          endsAt: groupEndsAt(plan.gb, now),
          status: 'forming',
          held: 1,
          paid: 0,
          memberIds: [order.buyerId],
          slots: { [order.token]: slot },
          unpaid: [{ token: order.token, at: now }],
        }).then(() => true);
  } catch (error) {
    // The same create placed before (or a crash left the group it started): it answers or is asked again.
    if (!isDuplicateKey(error)) await giveBackUnits(db, plan.gb._id, mark);
    if (!isDuplicateKey(error)) throw error;
    held = false;
  }
  if (held) return null;
  await giveBackUnits(db, plan.gb._id, mark);
  const group = plan.group && (await findGroup(db, plan.group._id));
  return (group && joinRefusal(group, order.buyerId, now)) || busy();
}

/** Gives back what `holdGroup` took, when the create stops short after it (stock short, the order placed before). */
export async function releaseGroup(db: Database, plan: GroupPlan, token: string, buyerId: string): Promise<void> {
  await giveBackSlot(db, plan.groupId, token, buyerId);
  if (!plan.group) await removeEmptyGroup(db, plan.groupId);
  await giveBackUnits(db, plan.gb._id, { token, member: plan.member, qty: plan.qty });
}

const busy = () => new AppError('campaign.busy');
