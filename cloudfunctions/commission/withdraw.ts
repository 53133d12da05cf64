// The sharer asks to withdraw settled commission: at least ¥1, at most what is available, one open request at a time.
import type { CommissionInput, Page, Withdrawal } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import type { CallContext } from '../platform/handler';
import { findUserByOpenid } from '../data/users';
import { listWithdrawals, requestWithdrawal } from '../data/withdrawals';
import { viewWithdrawal } from './views';

export async function withdraw(
  input: CommissionInput<'withdraw'>,
  ctx: CallContext,
): Promise<{ withdrawal: Withdrawal }> {
  if (!ctx.openid) throw new AppError('auth.required');
  const user = await findUserByOpenid(ctx.db, ctx.openid);
  if (!user) throw new AppError('withdraw.insufficient');
  const result = await requestWithdrawal(ctx.db, { id: ctx.openid, code: user.shareCode }, input.amountFen, ctx.now);
  if ('refused' in result) throw new AppError(result.refused);
  return { withdrawal: viewWithdrawal(result) };
}

export async function myWithdrawals(
  input: CommissionInput<'myWithdrawals'>,
  ctx: CallContext,
): Promise<Page<Withdrawal>> {
  if (!ctx.openid) throw new AppError('auth.required');
  const limit = input.limit ?? 20;
  const after = decodeTimeCursor(input.cursor);
  const found = await listWithdrawals(
    ctx.db,
    { sharerId: ctx.openid },
    after && { requestedAt: after.at, id: after.id },
    limit + 1,
  );
  const { rows, nextCursor } = splitTimePage(found, limit, (w) => w.requestedAt);
  return { items: rows.map(viewWithdrawal), nextCursor };
}
