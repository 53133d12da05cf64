// Group-buy activities (`group_buys/<id>`). The activity's units (`units` under `stockCap`, `members.<key>` under
// `perMember`) are taken as stock is (data/stock.ts): one conditional update of the activity's document, atomic on
// its own, that applies only while both caps hold, and leaves a mark (token, order, member, qty, time) in `holds`
// in the same update. An order that takes the reservation over names the token (`order.holds`) and from then on
// its flag `group.holds` says whether it still holds the units (flows/group-holds.ts gives them back once). A mark
// no order took over is given back after RECLAIM_AFTER_MS, in the update that removes it, so it happens once.
import type { GroupBuyRecord, GroupHoldMark } from '../core/group-buy';
import type { TimePosition } from '../core/paging';
import { getOrNull, olderThan, type Database, type Transaction } from './db';

const groupBuys = (db: Database) => db.collection<GroupBuyRecord>('group_buys');

export function findGroupBuy(db: Database, id: string): Promise<GroupBuyRecord | null> {
  return getOrNull(groupBuys(db), id);
}

/** The product's activities neither stopped nor past their end (at most one, but a race of saves could make two). */
export async function findOpenGroupBuys(db: Database, productId: string, now: Date): Promise<GroupBuyRecord[]> {
  const _ = db.command;
  const { data } = await groupBuys(db)
    .where({ productId, endAt: _.gt(now), stoppedAt: _.exists(false) })
    .limit(10)
    .get();
  return data;
}

/** A new activity with no units taken. */
export async function insertGroupBuy(db: Database, record: Omit<GroupBuyRecord, 'units' | 'members' | 'holds'>) {
  await groupBuys(db).add({ data: { ...record, units: 0, members: {}, holds: [] } });
}

/**
 * The owner's edit of its terms (never its counters), applied only while the units already held fit the new cap;
 * false when they do not (or the activity is gone).
 */
export async function editGroupBuy(
  db: Database,
  record: Omit<GroupBuyRecord, 'units' | 'members' | 'holds' | 'createdAt'>,
): Promise<boolean> {
  const { _id, ...terms } = record;
  const { stats } = await groupBuys(db)
    .where({ _id, units: db.command.lte(record.stockCap) })
    .update({ data: terms });
  return stats.updated === 1;
}

/** No new groups or joins from now on; false when it was stopped already (or does not exist). */
export async function stopGroupBuy(db: Database, id: string, now: Date): Promise<boolean> {
  const { stats } = await groupBuys(db)
    .where({ _id: id, stoppedAt: db.command.exists(false) })
    .update({ data: { stoppedAt: now } });
  return stats.updated === 1;
}

/** Activities newest first, keyset-paged on (createdAt, _id). */
export async function listGroupBuys(db: Database, after: TimePosition | null, limit: number) {
  const { data } = await groupBuys(db)
    .where(after ? olderThan(db, 'createdAt', after) : {})
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}

/**
 * Takes `mark.qty` units for `mark.member` if the activity still has them within `stockCap` and the member within
 * `perMember` (the caps as read: an edit never lowers the cap below what is held), marked with the reservation.
 * A join may take them after the activity's end; nothing is taken once it is stopped.
 */
export async function takeUnits(db: Database, gb: GroupBuyRecord, mark: GroupHoldMark): Promise<boolean> {
  const _ = db.command;
  const member = `members.${mark.member}`;
  const { stats } = await groupBuys(db)
    .where(
      _.and([
        { _id: gb._id, stoppedAt: _.exists(false), units: _.lte(gb.stockCap - mark.qty) },
        _.or([{ [member]: _.exists(false) }, { [member]: _.lte(gb.perMember - mark.qty) }]),
      ]) as object,
    )
    .update({ data: { units: _.inc(mark.qty), [member]: _.inc(mark.qty), holds: _.push([mark]) } });
  return stats.updated === 1;
}

/** Gives one mark's units back and removes the mark, only while the mark is there; false when it was gone. */
export async function giveBackUnits(db: Database, groupBuyId: string, mark: Omit<GroupHoldMark, 'order' | 'at'>) {
  const _ = db.command;
  const { stats } = await groupBuys(db)
    .where({ _id: groupBuyId, holds: _.elemMatch({ token: mark.token }) })
    .update({
      data: {
        units: _.inc(-mark.qty),
        [`members.${mark.member}`]: _.inc(-mark.qty),
        holds: _.pull({ token: mark.token }),
      },
    });
  return stats.updated === 1;
}

/** Removes the marks of reservations orders took over (their units are the orders' now). */
export async function clearUnitMarks(db: Database, groupBuyId: string, tokens: readonly string[]) {
  const _ = db.command;
  await groupBuys(db)
    .where({ _id: groupBuyId })
    .update({ data: { holds: _.pull({ token: _.in([...tokens]) }) } });
}

/** Activities carrying marks (any age). */
export async function listUnitMarked(db: Database, limit: number) {
  const { data } = await groupBuys(db)
    .where({ 'holds.at': db.command.exists(true) })
    .field({ holds: true })
    .limit(limit)
    .get();
  return data.map((g) => ({ _id: g._id, holds: g.holds.map((h) => ({ ...h, at: new Date(h.at) })) }));
}

/** An order's units back to the activity, inside the transaction that clears its `group.holds`. */
export async function txReleaseUnits(t: Transaction, db: Database, groupBuyId: string, member: string, qty: number) {
  const _ = db.command;
  await t
    .collection('group_buys')
    .doc(groupBuyId)
    .update({ data: { units: _.inc(-qty), [`members.${member}`]: _.inc(-qty) } });
}
