// The member card: joining (开卡, the welcome gift once) and the balance. Due lots are expired before the balance
// is read, so what it shows as spendable can be spent.
import type { PointsBalance } from '../contracts/points';
import { AppError } from '../contracts/errors';
import type { CallContext } from '../platform/handler';
import type { ShopRules } from '../core/rules';
import { transact, type Database } from '../data/db';
import {
  balanceOfAccount,
  expireAccount,
  findAccount,
  openAccount,
  queueWelcome,
  recorded,
  saveAccount,
  welcomeKey,
  type PointsAccount,
} from '../data/points';
import { loadSettings } from '../data/settings';

export async function join(_input: object, ctx: CallContext): Promise<{ gift: number; balance: PointsBalance }> {
  if (!ctx.openid) throw new AppError('auth.required');
  const { rules } = await loadSettings(ctx.db);
  const { gift } = await joinMember(ctx.db, ctx.openid, ctx.now, rules);
  return { gift, balance: balanceOfAccount(await findAccount(ctx.db, ctx.openid), ctx.now, rules) };
}

/** Joins once, however many times and however concurrently it is asked: the gift goes with the first join only. */
async function joinMember(db: Database, openid: string, now: Date, rules: ShopRules): Promise<{ gift: number }> {
  return transact(db, async (t) => {
    const account = await openAccount(t, openid, now);
    if (account.joinedAt) {
      await saveAccount(t, account, now);
      return { gift: 0 };
    }
    account.joinedAt = now;
    account.changed = true;
    const gift = rules.welcomePoints;
    if (gift > 0 && !(await recorded(t, welcomeKey(openid)))) queueWelcome(account, gift, now, rules);
    await saveAccount(t, account, now);
    return { gift };
  });
}

export async function balance(_input: object, ctx: CallContext): Promise<PointsBalance> {
  if (!ctx.openid) throw new AppError('auth.required');
  const [{ rules }, account] = await Promise.all([loadSettings(ctx.db), currentAccount(ctx)]);
  return balanceOfAccount(account, ctx.now, rules);
}

/** The member's account with any due lots expired first (one transaction, only when some are due). */
export async function currentAccount(ctx: CallContext): Promise<PointsAccount | null> {
  const account = await findAccount(ctx.db, ctx.openid);
  if (!account?.nextExpiryAt || account.nextExpiryAt > ctx.now) return account;
  await expireAccount(ctx.db, ctx.openid, ctx.now);
  return findAccount(ctx.db, ctx.openid);
}
