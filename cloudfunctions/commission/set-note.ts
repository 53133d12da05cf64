// The sharer's note on a product: their own words on their cards and posters (anyone may write one for any product).
import type { CommissionInput } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import type { CallContext } from '../platform/handler';
import { saveNote } from '../data/notes';
import { findProduct } from '../data/products';
import { checkText } from '../platform/content-security';

export async function setNote(
  input: CommissionInput<'setNote'>,
  ctx: CallContext,
): Promise<{ productId: string; note: string }> {
  if (!ctx.openid) throw new AppError('auth.required');
  if (!(await findProduct(ctx.db, input.productId))) throw new AppError('product.not_found');
  // Others read it on the sharer's cards and posters: checked before it is stored (scene 4, 社交日志).
  await checkText(ctx.cloud, { openid: ctx.openid, scene: 'social', content: input.note });
  await saveNote(ctx.db, ctx.openid, input.productId, input.note, ctx.now);
  return { productId: input.productId, note: input.note };
}
