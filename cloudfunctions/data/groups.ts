// Groups (`groups/<id>`) of a group buy. A slot is taken with one conditional update of the group's document,
// atomic on its own and with no transaction to conflict on: it applies only while the group is forming, before its
// end, short of `size` held slots, and neither started by nor holding the caller; it writes the slot (keyed by the
// reservation's token, naming the order) in the same update. Paying a slot, freeing one and closing the group are
// conditional updates on the same document, so `held` never passes `size` and `paid` never passes `held`.
import type { GroupStatus } from '../contracts/campaign';
import type { GroupRecord, SlotRecord } from '../core/group-buy';
import type { TimePosition } from '../core/paging';
import { getOrNull, pageAfter, txGet, type Database, type Transaction } from './db';

const groups = (db: Database) => db.collection<GroupRecord>('groups');
const slot = (token: string) => `slots.${token}`;

export function findGroup(db: Database, id: string): Promise<GroupRecord | null> {
  return getOrNull(groups(db), id);
}

export function txFindGroup(t: Transaction, id: string): Promise<GroupRecord | null> {
  return txGet<GroupRecord>(t, 'groups', id);
}

/** A new group with its starter's slot; a second insert of the same id rejects with the duplicate-key error. */
export async function insertGroup(db: Database, group: GroupRecord): Promise<void> {
  await groups(db).add({ data: group });
}

/** Takes a slot for `s.buyerId` under `token`; false when the group is closed, full, theirs or joined already. */
export async function takeSlot(db: Database, group: GroupRecord, token: string, s: SlotRecord): Promise<boolean> {
  const _ = db.command;
  const { stats } = await groups(db)
    .where({
      _id: group._id,
      status: 'forming',
      endsAt: _.gt(s.at),
      held: _.lt(group.size),
      leaderId: _.neq(s.buyerId),
      memberIds: _.neq(s.buyerId),
    })
    .update({
      data: { held: _.inc(1), memberIds: _.push([s.buyerId]), unpaid: _.push([{ token, at: s.at }]), [slot(token)]: s },
    });
  return stats.updated === 1;
}

/** Frees an unpaid slot of a forming group (a create that was not placed after all, or one a crash left). */
export async function giveBackSlot(db: Database, groupId: string, token: string, buyerId: string): Promise<boolean> {
  const _ = db.command;
  const { stats } = await groups(db)
    .where({ _id: groupId, status: 'forming', [`${slot(token)}.paid`]: false })
    .update({
      data: { held: _.inc(-1), memberIds: _.pull(buyerId), unpaid: _.pull({ token }), [slot(token)]: _.remove() },
    });
  return stats.updated === 1;
}

/** Frees the order's slot in the transaction that clears its `group.holds` (a paid one too: its payment goes back). */
export async function txFreeSlot(t: Transaction, db: Database, group: GroupRecord, token: string): Promise<void> {
  const _ = db.command;
  const s = group.slots[token];
  await t
    .collection('groups')
    .doc(group._id)
    .update({
      data: {
        held: _.inc(-1),
        paid: _.inc(s.paid ? -1 : 0),
        memberIds: _.pull(s.buyerId),
        unpaid: _.pull({ token }),
        [slot(token)]: _.remove(),
      },
    });
}

/** Records the slot's payment while the group is forming and before its end; false otherwise (or paid before). */
export async function paySlot(db: Database, groupId: string, token: string, orderId: string, now: Date) {
  const _ = db.command;
  const { stats } = await groups(db)
    .where({
      _id: groupId,
      status: 'forming',
      endsAt: _.gt(now),
      [`${slot(token)}.order`]: orderId,
      [`${slot(token)}.paid`]: false,
    })
    .update({
      data: {
        paid: _.inc(1),
        unpaid: _.pull({ token }),
        [`${slot(token)}.paid`]: true,
        [`${slot(token)}.paidAt`]: now,
      },
    });
  return stats.updated === 1;
}

/**
 * Ends a forming group as the counts decide at the write: succeeded only with every slot paid, failed only short
 * of that. False when it is no longer forming or the counts say otherwise.
 */
export async function closeGroup(db: Database, group: GroupRecord, outcome: 'succeeded' | 'failed', now: Date) {
  const _ = db.command;
  const { stats } = await groups(db)
    .where({ _id: group._id, status: 'forming', paid: outcome === 'succeeded' ? _.gte(group.size) : _.lt(group.size) })
    .update({ data: { status: outcome, closedAt: now, settled: false } });
  return stats.updated === 1;
}

export async function markSettled(db: Database, groupId: string): Promise<void> {
  await groups(db)
    .where({ _id: groupId, settled: false })
    .update({ data: { settled: true } });
}

/** A page of groups newest first, keyset-paged on (startedAt, _id). */
async function page(db: Database, filter: Record<string, unknown>, after: TimePosition | null, limit: number) {
  const where = pageAfter(db, filter, 'startedAt', after);
  const { data } = await groups(db).where(where).orderBy('startedAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return data;
}

export function listGroups(
  db: Database,
  filter: { groupBuyId?: string; status?: GroupStatus },
  after: TimePosition | null,
  limit: number,
) {
  return page(db, { ...filter }, after, limit);
}

/** The groups `openid` holds a slot in (kept in failed and succeeded groups too). */
export function listMemberGroups(db: Database, openid: string, after: TimePosition | null, limit: number) {
  return page(db, { memberIds: openid }, after, limit);
}

/** An activity's groups still taking joins (before their end, not full). */
export async function listOpenGroups(db: Database, groupBuyId: string, now: Date, limit: number) {
  const _ = db.command;
  const { data } = await groups(db)
    .where({ groupBuyId, status: 'forming', endsAt: _.gt(now) })
    .orderBy('endsAt', 'asc')
    .limit(limit)
    .get();
  return data;
}

/** How many groups of the activity are in each status. */
export async function countGroups(db: Database, groupBuyId: string): Promise<Record<GroupStatus, number>> {
  const count = async (status: GroupStatus) => (await groups(db).where({ groupBuyId, status }).count()).total;
  const [forming, succeeded, failed] = await Promise.all([count('forming'), count('succeeded'), count('failed')]);
  return { forming, succeeded, failed };
}

/** Units in the activity's groups paid for, forming or formed. */
export async function paidUnits(db: Database, groupBuyId: string): Promise<number> {
  const _ = db.command;
  let units = 0;
  for (let skip = 0; ; skip += 1000) {
    const { data } = await groups(db)
      .where({ groupBuyId, status: _.in(['forming', 'succeeded']), paid: _.gt(0) })
      .field({ slots: true })
      .skip(skip)
      .limit(1000)
      .get();
    for (const g of data) for (const s of Object.values(g.slots)) if (s.paid) units += s.qty;
    if (data.length < 1000) return units;
  }
}

/** Forming groups whose end has come (the scheduler closes them). */
export async function listEnded(db: Database, now: Date, limit: number) {
  const { data } = await groups(db)
    .where({ status: 'forming', endsAt: db.command.lte(now) })
    .orderBy('endsAt', 'asc')
    .limit(limit)
    .get();
  return data;
}

/** Closed groups whose orders have not all followed yet (a crash or a conflict came between). */
export async function listUnsettled(db: Database, limit: number) {
  const { data } = await groups(db).where({ settled: false }).limit(limit).get();
  return data;
}

/** Forming groups with a slot unpaid since before `before`: it may be a crashed create's. */
export async function listWithStaleSlots(db: Database, before: Date, limit: number) {
  const { data } = await groups(db)
    .where({ status: 'forming', 'unpaid.at': db.command.lte(before) })
    .limit(limit)
    .get();
  return data;
}

/** Removes a group its starter's create gave up on before anyone else could hold a slot. */
export async function removeEmptyGroup(db: Database, id: string): Promise<void> {
  await groups(db).where({ _id: id, status: 'forming', held: 0, paid: 0 }).remove();
}
