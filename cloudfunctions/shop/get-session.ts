// A member exists from their first call: created here with a short, stable shareCode that is not their openid.
import { randomBytes } from 'node:crypto';
import { AppError } from '../contracts/errors';
import type { SessionResult } from '../contracts/shop';
import { defaultNickname, makeShareCode, SHARE_CODE_LENGTH } from '../core/share-code';
import { findBinding } from '../data/bindings';
import { isDuplicateKey } from '../data/db';
import type { CallContext } from '../platform/handler';
import { balanceOfAccount, findAccount } from '../data/points';
import { loadSettings } from '../data/settings';
import { findUserByOpenid, insertUser, type UserRecord } from '../data/users';

const MAX_ATTEMPTS = 5;

export async function getSession(_input: object, ctx: CallContext): Promise<SessionResult> {
  if (!ctx.openid) throw new AppError('auth.required');
  const [user, settings, binding, account] = await Promise.all([
    ensureMember(ctx),
    loadSettings(ctx.db),
    findBinding(ctx.db, ctx.openid),
    findAccount(ctx.db, ctx.openid),
  ]);
  const { available, pending, isMember } = balanceOfAccount(account, ctx.now, settings.rules);
  return {
    user: {
      id: user._id,
      openid: ctx.openid,
      shareCode: user.shareCode,
      nickname: user.nickname,
      isOwner: settings.owners.includes(ctx.openid),
      isMember,
      // As stored: lots past their expiry are swept by the scheduler and by points.balance.
      points: { available, pending },
    },
    binding:
      binding && new Date(binding.until) > ctx.now
        ? {
            sharerCode: binding.sharerCode,
            nickname: binding.sharerNickname,
            until: new Date(binding.until).toISOString(),
          }
        : null,
    // 联系客服 in the h5 build (weapp opens WeChat's own customer service).
    service: { phone: settings.service.phone, wechatId: settings.service.wechatId },
  };
}

/** The caller's member record, created on their first call (whichever action it is). */
export async function ensureMember(ctx: CallContext): Promise<UserRecord> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const existing = await findUserByOpenid(ctx.db, ctx.openid);
    if (existing) return existing;
    const shareCode = makeShareCode(randomBytes(SHARE_CODE_LENGTH));
    try {
      return await insertUser(ctx.db, {
        openid: ctx.openid,
        shareCode,
        nickname: defaultNickname(shareCode),
        createdAt: ctx.now,
      });
    } catch (error) {
      // A concurrent first call created the member (unique openid), or the code was taken (unique shareCode): look
      // again.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error(`could not create a member for a caller after ${MAX_ATTEMPTS} attempts`);
}
