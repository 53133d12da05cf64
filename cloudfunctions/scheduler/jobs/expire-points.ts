// Lots of points past their expiry are expired (any other change of an account does it too).
import { expireAccount, listExpiring } from '../../data/points';
import { BATCH, drain, type JobContext } from '../job';

export async function expirePoints(ctx: JobContext) {
  let points = 0;
  const accounts = await drain(
    ctx,
    'points of',
    (now) => listExpiring(ctx.db, now, BATCH),
    async (openid, now) => {
      points += await expireAccount(ctx.db, openid, now);
      return true;
    },
    (openid) => openid,
  );
  return { accounts, points };
}
