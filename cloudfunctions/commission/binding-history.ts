// The caller's own bindings, newest first: whom, through which channel, from when to when, and how each ended.
import type { BindingHistoryItem } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import { BINDING_HISTORY_MAX } from '../contracts/limits';
import { readHistory } from '../data/binding-history';
import type { CallContext } from '../platform/handler';

export async function bindingHistory(_input: object, ctx: CallContext): Promise<{ items: BindingHistoryItem[] }> {
  if (!ctx.openid) throw new AppError('auth.required');
  const entries = await readHistory(ctx.db, ctx.openid, ctx.now, BINDING_HISTORY_MAX);
  return {
    items: entries.map((e) => ({
      sharer: { nickname: e.sharerNickname, shareCode: e.sharerCode },
      channel: e.channel,
      ...(e.productId ? { productId: e.productId } : {}),
      since: new Date(e.since).toISOString(),
      until: new Date(e.until).toISOString(),
      ended: e.ended,
    })),
  };
}
