// Coupons (`coupons/<id>`) and the coupons members claimed (`member_coupons/<id>`). A claim is one transaction that
// writes the coupon's `claimed` and creates the member coupon under a deterministic id (the coupon, the member, the
// how-many-th claim): every claim writes the coupon document, so of two racing claims one conflicts and decides
// again on the new count, and `claimed` never passes `total` nor the member's claims `perMember`; a crash leaves both
// written or neither, so `claimed` always equals the member coupons of the coupon. A member coupon is taken by an
// order (and given back) only inside that order's own transaction, addressed by `doc(id)`.
import { createHash } from 'node:crypto';
import type { MemberCouponStatus } from '../contracts/coupon';
import type { CouponRecord, MemberCouponRecord } from '../core/coupon';
import type { TimePosition } from '../core/paging';
import { type Database, getOrNull, olderThan, type Transaction, txGet } from './db';

const coupons = (db: Database) => db.collection<CouponRecord>('coupons');
const memberCoupons = (db: Database) => db.collection<MemberCouponRecord>('member_coupons');

/** The id of a member's `n`-th claim of a coupon (the openid hashed: ids stay short and reveal no openid). */
export function memberCouponId(couponId: string, openid: string, n: number): string {
  return `${couponId}_${createHash('sha256').update(openid).digest('hex').slice(0, 16)}_${n}`;
}

export async function findCoupon(db: Database, id: string): Promise<CouponRecord | null> {
  return getOrNull(coupons(db), id);
}

export function txFindCoupon(t: Transaction, id: string): Promise<CouponRecord | null> {
  return txGet<CouponRecord>(t, 'coupons', id);
}

/** Writes the whole coupon (a new one, or the owner's edit read in the same transaction). */
export async function txSaveCoupon(t: Transaction, coupon: CouponRecord): Promise<void> {
  const { _id, ...data } = coupon;
  await t.collection('coupons').doc(_id).set({ data });
}

/** No more claims: one conditional update; false when there is no such coupon. */
export async function stopCoupon(db: Database, id: string, now: Date): Promise<boolean> {
  const { stats } = await coupons(db)
    .where({ _id: id })
    .update({ data: { stopped: true, stoppedAt: now } });
  return stats.updated === 1;
}

/**
 * One claim, inside the caller's transaction: the member's first free claim number up to `perMember` gets a member
 * coupon, and the coupon's `claimed` goes up by one from what the transaction read. Null when the member holds
 * `perMember` already.
 */
export async function txClaim(
  t: Transaction,
  coupon: CouponRecord,
  openid: string,
  make: (id: string, n: number) => MemberCouponRecord,
): Promise<MemberCouponRecord | null> {
  for (let n = 1; n <= coupon.perMember; n++) {
    const id = memberCouponId(coupon._id, openid, n);
    if (await txGet<MemberCouponRecord>(t, 'member_coupons', id)) continue;
    const mc = make(id, n);
    const { _id, ...data } = mc;
    await t.collection('member_coupons').doc(_id).set({ data });
    await t
      .collection('coupons')
      .doc(coupon._id)
      .update({ data: { claimed: coupon.claimed + 1 } });
    return mc;
  }
  return null;
}

export function txFindMemberCoupon(t: Transaction, id: string): Promise<MemberCouponRecord | null> {
  return txGet<MemberCouponRecord>(t, 'member_coupons', id);
}

/** Marks the member coupon held by `orderId`, or free again (`null`), inside the order's transaction. */
export async function txHoldMemberCoupon(
  t: Transaction,
  id: string,
  orderId: string | null,
  now: Date | null,
): Promise<void> {
  await t
    .collection('member_coupons')
    .doc(id)
    .update({ data: { orderId, usedAt: now } });
}

/** Coupons newest first, keyset-paged on (createdAt, _id); `open`: only those not stopped. */
export async function listCoupons(
  db: Database,
  after: TimePosition | null,
  limit: number,
  open = false,
): Promise<CouponRecord[]> {
  const _ = db.command;
  const parts: object[] = open ? [{ stopped: false }] : [];
  if (after) parts.push(olderThan(db, 'createdAt', after));
  const where = parts.length === 0 ? {} : parts.length === 1 ? parts[0] : _.and(parts);
  const { data } = await coupons(db)
    .where(where as object)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}

/** How many member coupons of `couponId` an order holds (the owner's `used`). */
export async function countUsed(db: Database, couponId: string): Promise<number> {
  return (
    await memberCoupons(db)
      .where({ couponId, orderId: db.command.neq(null) })
      .count()
  ).total;
}

/** How many member coupons `openid` holds of each of `couponIds`. */
export async function countHeld(db: Database, openid: string, couponIds: readonly string[]) {
  const held = new Map<string, number>();
  if (couponIds.length === 0) return held;
  const { data } = await memberCoupons(db)
    .where({ ownerId: openid, couponId: db.command.in([...couponIds]) })
    .field({ couponId: true })
    .limit(1000)
    .get();
  for (const mc of data) held.set(mc.couponId, (held.get(mc.couponId) ?? 0) + 1);
  return held;
}

/** The member's coupons by status at `now`, newest claim first, keyset-paged on (claimedAt, _id). */
export async function listMine(
  db: Database,
  openid: string,
  status: MemberCouponStatus | undefined,
  now: Date,
  after: TimePosition | null,
  limit: number,
): Promise<MemberCouponRecord[]> {
  const _ = db.command;
  const parts: object[] = [{ ownerId: openid }];
  if (status === 'used') parts.push({ orderId: _.neq(null) });
  if (status === 'usable') parts.push({ orderId: null, validTo: _.gt(now) });
  if (status === 'expired') parts.push({ orderId: null, validTo: _.lte(now) });
  if (after) parts.push(olderThan(db, 'claimedAt', after));
  const { data } = await memberCoupons(db)
    .where((parts.length === 1 ? parts[0] : _.and(parts)) as object)
    .orderBy('claimedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}

/** The member's coupons no order holds and not yet expired: what checkout can offer (at most 100, soonest first). */
export async function listUsable(db: Database, openid: string, now: Date): Promise<MemberCouponRecord[]> {
  const { data } = await memberCoupons(db)
    .where({ ownerId: openid, orderId: null, validTo: db.command.gt(now) })
    .orderBy('validTo', 'asc')
    .limit(100)
    .get();
  return data;
}

/** One member coupon outside a transaction (quote's check of the one asked for). */
export async function findMemberCoupon(db: Database, id: string): Promise<MemberCouponRecord | null> {
  return getOrNull(memberCoupons(db), id);
}
