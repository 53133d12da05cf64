// The buyer's binding: who their orders are attributed to now, and until when; the buyer may end it.
import type { BindingView } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import { findBinding, releaseBinding as endBinding } from '../data/bindings';
import type { CallContext } from '../platform/handler';
import { recordBindingEnd } from './binding-ends';
import { viewBinding } from './views';

export async function getBinding(_input: object, ctx: CallContext): Promise<{ binding: BindingView | null }> {
  if (!ctx.openid) throw new AppError('auth.required');
  return { binding: viewBinding(await findBinding(ctx.db, ctx.openid), ctx.now) };
}

/** Ends the caller's binding now; orders already placed keep their attribution. */
export async function releaseBinding(_input: object, ctx: CallContext): Promise<{ binding: null }> {
  if (!ctx.openid) throw new AppError('auth.required');
  await endBinding(ctx.db, ctx.openid, ctx.now);
  // Recorded from what the document now says, so a retry after a crash here still records the release.
  const ended = await findBinding(ctx.db, ctx.openid);
  if (ended?.releasedAt) await recordBindingEnd(ctx.db, ended, ctx.now);
  return { binding: null };
}
