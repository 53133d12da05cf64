// The owner's withdrawal desk: open requests (or all), and the decision. Approving records that the owner paid the
// sharer (through WeChat transfer); rejecting needs a reason and returns the amount to the sharer's balance.
import type { CommissionInput, OwnerWithdrawal, Page } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import type { CallContext } from '../platform/handler';
import { findUsersByOpenids } from '../data/users';
import { decideWithdrawalRecord, listWithdrawals } from '../data/withdrawals';
import { viewOwnerWithdrawal } from './views';

export async function ownerWithdrawals(
  input: CommissionInput<'withdrawals'>,
  ctx: CallContext,
): Promise<Page<OwnerWithdrawal>> {
  const limit = input.limit ?? 20;
  const after = decodeTimeCursor(input.cursor);
  const filter = (input.view ?? 'open') === 'open' ? { status: 'open' as const } : {};
  const found = await listWithdrawals(ctx.db, filter, after && { requestedAt: after.at, id: after.id }, limit + 1);
  const { rows, nextCursor } = splitTimePage(found, limit, (w) => w.requestedAt);
  const users = await findUsersByOpenids(
    ctx.db,
    rows.map((w) => w.sharerId),
  );
  return { items: rows.map((w) => viewOwnerWithdrawal(w, users.get(w.sharerId)?.nickname)), nextCursor };
}

export async function decideWithdrawal(
  input: CommissionInput<'decideWithdrawal'>,
  ctx: CallContext,
): Promise<{ withdrawal: OwnerWithdrawal }> {
  if (!input.approve && !input.reason) throw new AppError('withdraw.reason_required');
  const result = await decideWithdrawalRecord(
    ctx.db,
    input.withdrawalId,
    input.approve,
    input.approve ? undefined : input.reason,
    ctx.now,
  );
  if ('refused' in result) throw new AppError(result.refused);
  const users = await findUsersByOpenids(ctx.db, [result.sharerId]);
  return { withdrawal: viewOwnerWithdrawal(result, users.get(result.sharerId)?.nickname) };
}
