// Points: one account document per member (`points_accounts/<openid>`: its lots and their totals) and the ledger
// (`points_ledger`, `_id` = the entry's idempotency key). Every change is one transaction that writes the account
// and its ledger entries together, after checking that the entry's key is new: a repeated or concurrent change
// applies once, and the account's totals always equal the sums of its ledger. Due lots expire inside any change
// of the account (and by the scheduler), so a stale lot is never spent.
import { AppError } from '../contracts/errors';
import type { PointsBalance, PointsEntryKind } from '../contracts/points';
import {
  availableOf,
  balanceOf,
  checkRedeem,
  expireDue,
  expiryOf,
  giveBack,
  orderLotId,
  spend,
  totalsOf,
  type PointsLot,
  type Take,
} from '../core/points';
import type { ShopRules } from '../core/rules';
import { type Database, getOrNull, pageAfter, transact, type Transaction, txGet } from './db';

export interface PointsAccount {
  _id: string;
  joinedAt?: Date;
  lots: PointsLot[];
  /** Sums over the lots, kept with them: spendable (before any due expiry) and pending. */
  available: number;
  pending: number;
  /** The earliest expiry among lots holding spendable points: what the scheduler's sweep looks for. */
  nextExpiryAt: Date | null;
}

export interface PointsLedgerRecord {
  _id: string;
  key: string;
  userId: string;
  kind: PointsEntryKind;
  available: number;
  pending: number;
  orderId?: string;
  lotId?: string;
  at: Date;
}

type Entry = Omit<PointsLedgerRecord, '_id' | 'userId' | 'at'>;

const accounts = (db: Database) => db.collection<PointsAccount>('points_accounts');
const ledger = (db: Database) => db.collection<PointsLedgerRecord>('points_ledger');

/** Dates as Date objects whatever the wire gave back. */
function revive(account: PointsAccount | null): PointsAccount | null {
  if (!account) return null;
  return {
    ...account,
    ...(account.joinedAt ? { joinedAt: new Date(account.joinedAt) } : {}),
    lots: account.lots.map((l) => ({ ...l, creditedAt: new Date(l.creditedAt), expiresAt: new Date(l.expiresAt) })),
    nextExpiryAt: account.nextExpiryAt ? new Date(account.nextExpiryAt) : null,
  };
}

/** The balance of an account as stored (none yet: an empty one). */
export function balanceOfAccount(account: PointsAccount | null, now: Date, rules: ShopRules): PointsBalance {
  return balanceOf(account?.lots ?? [], account?.joinedAt !== undefined, now, rules);
}

export async function findAccount(db: Database, openid: string): Promise<PointsAccount | null> {
  return revive(await getOrNull(accounts(db), openid));
}

/** The account as a transaction sees it, with its due lots expired (their ledger entries queued in `entries`). */
export interface OpenAccount {
  openid: string;
  exists: boolean;
  joinedAt?: Date;
  lots: PointsLot[];
  entries: Entry[];
  /** Set by a change that writes no entry (joining without a gift). */
  changed: boolean;
}

export async function openAccount(t: Transaction, openid: string, now: Date): Promise<OpenAccount> {
  const found = revive(await txGet<PointsAccount>(t, 'points_accounts', openid));
  const { lots, expired } = expireDue(found?.lots ?? [], now);
  return {
    openid,
    exists: found !== null,
    ...(found?.joinedAt ? { joinedAt: found.joinedAt } : {}),
    lots,
    entries: expired.map((e) => ({
      key: `${openid}:${e.lotId}:expire`,
      kind: 'expire',
      available: -e.points,
      pending: 0,
      lotId: e.lotId,
    })),
    changed: false,
  };
}

/** True when an entry with this key is already in the ledger (its change was made before). */
export async function recorded(t: Transaction, key: string): Promise<boolean> {
  return (await txGet(t, 'points_ledger', key)) !== null;
}

/** Writes the account and its queued ledger entries; nothing when nothing changed. */
export async function saveAccount(t: Transaction, account: OpenAccount, now: Date): Promise<void> {
  if (account.entries.length === 0 && !account.changed) return;
  const totals = totalsOf(account.lots);
  const data = { lots: account.lots, ...totals, ...(account.joinedAt ? { joinedAt: account.joinedAt } : {}) };
  if (account.exists) await t.collection('points_accounts').doc(account.openid).update({ data });
  else await t.collection('points_accounts').doc(account.openid).set({ data });
  for (const entry of account.entries) {
    await t.collection('points_ledger').add({ data: { _id: entry.key, userId: account.openid, at: now, ...entry } });
  }
}

/** The welcome gift as a lot of its own (开卡有礼); its entry's key is the member's, so it is given once. */
export function queueWelcome(
  account: OpenAccount,
  gift: number,
  now: Date,
  rules: Pick<ShopRules, 'pointsExpiryDays'>,
) {
  const id = 'welcome';
  account.lots.push({
    id,
    points: gift,
    left: gift,
    state: 'available',
    creditedAt: now,
    expiresAt: expiryOf(now, rules),
  });
  account.entries.push({ key: welcomeKey(account.openid), kind: 'welcome', available: gift, pending: 0, lotId: id });
}

export const welcomeKey = (openid: string) => `${openid}:welcome`;

/** Expires the account's due lots (the scheduler's sweep; any other change of the account does it too). */
export async function expireAccount(db: Database, openid: string, now: Date): Promise<number> {
  return transact(db, async (t) => {
    const account = await openAccount(t, openid, now);
    await saveAccount(t, account, now);
    return account.entries.reduce((sum, e) => sum - e.available, 0);
  });
}

/** Accounts holding spendable points whose expiry has come. */
export async function listExpiring(db: Database, now: Date, limit: number): Promise<string[]> {
  const { data } = await accounts(db)
    .where({ nextExpiryAt: db.command.lte(now) })
    .field({ _id: true })
    .limit(limit)
    .get();
  return data.map((a) => a._id);
}

/**
 * Spends points on an order being created, inside the transaction that inserts it: checked against the balance
 * and the cap, taken from the lots that expire first. A refusal comes back as the coded error, nothing changed.
 */
export function queueSpend(
  account: OpenAccount,
  orderId: string,
  points: number,
  goodsFen: number,
  now: Date,
  rules: ShopRules,
): { discountFen: number; taken: Take[] } | { refused: AppError } {
  let discountFen: number;
  try {
    discountFen = checkRedeem(points, goodsFen, availableOf(account.lots, now), rules);
  } catch (error) {
    if (error instanceof AppError) return { refused: error };
    throw error;
  }
  const spent = spend(account.lots, points, now);
  account.lots = spent.lots;
  account.entries.push({ key: `${orderId}:spend`, kind: 'spend', available: -points, pending: 0, orderId });
  return { discountFen, taken: spent.taken };
}

/** Gives spent points back to the lots they came from, once: `key` is the entry's idempotency key. */
export function queueGiveBack(
  account: OpenAccount,
  orderId: string,
  taken: readonly Take[],
  now: Date,
  key: string,
): void {
  const { lots, returned, expired } = giveBack(account.lots, taken, now);
  account.lots = lots;
  account.entries.push({ key, kind: 'return', available: returned, pending: 0, orderId });
  if (expired > 0)
    account.entries.push({ key: `${key}:expire`, kind: 'expire', available: -expired, pending: 0, orderId });
}

/**
 * Takes an order's points again after they were given back (a payment that came after its cancel), from the
 * lots that expire first; false when the member no longer has them (nothing changes then).
 */
export function queueRespend(account: OpenAccount, orderId: string, points: number, now: Date): Take[] | null {
  if (availableOf(account.lots, now) < points) return null;
  const spent = spend(account.lots, points, now);
  account.lots = spent.lots;
  account.entries.push({ key: `${orderId}:respend`, kind: 'spend', available: -points, pending: 0, orderId });
  return spent.taken;
}

/** An order's earnings as a pending lot. */
export function queueEarn(
  account: OpenAccount,
  orderId: string,
  points: number,
  now: Date,
  rules: Pick<ShopRules, 'pointsExpiryDays'>,
): void {
  const id = orderLotId(orderId);
  account.lots.push({
    id,
    orderId,
    points,
    left: points,
    state: 'pending',
    creditedAt: now,
    expiresAt: expiryOf(now, rules),
  });
  account.entries.push({ key: `${orderId}:earn`, kind: 'earn', available: 0, pending: points, orderId, lotId: id });
}

/**
 * Ends the wait of the order's pending lot: `cancel` of its points are cancelled (a refund's share), the rest
 * becomes spendable (the window closed, or the refund made the order final).
 */
export function queueSettle(account: OpenAccount, orderId: string, cancel: number): void {
  const id = orderLotId(orderId);
  const lot = account.lots.find((l) => l.id === id);
  if (lot?.state !== 'pending') return;
  const cancelled = Math.min(cancel, lot.left);
  const kept = lot.left - cancelled;
  if (cancelled > 0) {
    account.entries.push({
      key: `${orderId}:cancel`,
      kind: 'cancel',
      available: 0,
      pending: -cancelled,
      orderId,
      lotId: id,
    });
  }
  if (kept > 0) {
    account.entries.push({
      key: `${orderId}:spendable`,
      kind: 'spendable',
      available: kept,
      pending: -kept,
      orderId,
      lotId: id,
    });
  }
  Object.assign(lot, kept > 0 ? { state: 'available', left: kept } : { state: 'cancelled', left: 0 });
}

/**
 * A partial refund's share of the order's pending earnings: `cut` points leave the lot (it stays pending for the
 * rest), once: `key` is the entry's idempotency key.
 */
export function queueCutPending(account: OpenAccount, orderId: string, cut: number, key: string): void {
  const lot = account.lots.find((l) => l.id === orderLotId(orderId));
  if (lot?.state !== 'pending' || cut <= 0) return;
  const cancelled = Math.min(cut, lot.left);
  lot.left -= cancelled;
  account.entries.push({ key, kind: 'cancel', available: 0, pending: -cancelled, orderId, lotId: lot.id });
}

/** A member's ledger, newest first, keyset-paged on (at, _id). */
export async function listLedger(
  db: Database,
  openid: string,
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<PointsLedgerRecord[]> {
  const where = pageAfter(db, { userId: openid }, 'at', after);
  const { data } = await ledger(db)
    .where(where as object)
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return data;
}
