// 不看 TA 的推荐: a muted sharer's cards still open, but show no recommendation and never bind the caller to them;
// muting the sharer the caller is bound to ends that binding. Idempotent both ways; one's own code is refused.
import type { CommissionInput, CommissionResults } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import { MUTES_MAX } from '../contracts/limits';
import { addMark, countMutes, isMuted, listMutes, removeMute } from '../data/sharer-marks';
import { findUserByShareCode } from '../data/users';
import type { CallContext } from '../platform/handler';
import { endForMute } from './binding-ends';

export async function muteSharer(
  input: CommissionInput<'muteSharer'>,
  ctx: CallContext,
): Promise<CommissionResults['muteSharer']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const sharer = await findUserByShareCode(ctx.db, input.shareCode);
  if (!sharer) throw new AppError('share.sharer_not_found');
  if (sharer.openid === ctx.openid) throw new AppError('share.mute_self');
  const shown = { nickname: sharer.nickname, shareCode: sharer.shareCode };
  if (!input.on) {
    await removeMute(ctx.db, ctx.openid, sharer.shareCode);
    return { sharer: shown, muted: false };
  }
  // The cap is counted before the insert, as favourites do; a retry of a mute already made passes it.
  if (!(await isMuted(ctx.db, ctx.openid, sharer.shareCode)) && (await countMutes(ctx.db, ctx.openid)) >= MUTES_MAX)
    throw new AppError('share.mutes_full');
  const mark = { buyerId: ctx.openid, sharerId: sharer.openid, sharerCode: sharer.shareCode };
  await addMark(ctx.db, { kind: 'muted', ...mark, sharerNickname: sharer.nickname, at: ctx.now });
  await endForMute(ctx.db, ctx.openid, sharer.openid, ctx.now);
  return { sharer: shown, muted: true };
}

/** The sharers the caller mutes (不看推荐的人), newest first. */
export async function mutes(_input: object, ctx: CallContext): Promise<CommissionResults['mutes']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const items = await listMutes(ctx.db, ctx.openid, MUTES_MAX);
  return {
    items: items.map((m) => ({
      nickname: m.sharerNickname,
      shareCode: m.sharerCode,
      at: new Date(m.at).toISOString(),
    })),
  };
}
