// The member card: joining (开卡, the welcome gift once) and the balance. Due lots are expired before the balance
// is read, so what it shows as spendable can be spent.
import type { PointsBalance } from '../contracts/points';
import { AppError } from '../contracts/errors';
import type { CallContext } from '../platform/handler';
import { balanceOfAccount, expireAccount, findAccount, joinMember, type PointsAccount } from '../data/points';
import { loadSettings } from '../data/settings';

export async function join(_input: object, ctx: CallContext): Promise<{ gift: number; balance: PointsBalance }> {
  if (!ctx.openid) throw new AppError('auth.required');
  const { rules } = await loadSettings(ctx.db);
  const { gift } = await joinMember(ctx.db, ctx.openid, ctx.now, rules);
  return { gift, balance: balanceOfAccount(await findAccount(ctx.db, ctx.openid), ctx.now, rules) };
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
