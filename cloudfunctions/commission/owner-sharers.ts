// The owner's view of sharers, ranked by goods paid through them, from the counters (offset paging).
import type { CommissionInput, Page, SharerRank } from '../contracts/commission';
import { AppError, ERRORS } from '../contracts/errors';
import type { CallContext } from '../platform/handler';
import { rankSharers } from '../data/sharer-stats';
import { findUsersByOpenids } from '../data/users';

export async function listSharers(input: CommissionInput<'sharers'>, ctx: CallContext): Promise<Page<SharerRank>> {
  const limit = input.limit ?? 20;
  const offset = input.cursor === undefined ? 0 : Number(input.cursor);
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new AppError('input.invalid', `${ERRORS['input.invalid']}：cursor`);
  const found = await rankSharers(ctx.db, offset, limit + 1);
  const rows = found.slice(0, limit);
  const users = await findUsersByOpenids(
    ctx.db,
    rows.map((r) => r.sharerId),
  );
  return {
    items: rows.map((r) => ({
      nickname: users.get(r.sharerId)?.nickname ?? r.sharerCode,
      shareCode: r.sharerCode,
      orders: r.orders,
      buyers: r.buyers,
      gmvFen: r.gmvFen,
      commissionFen: r.pendingFen + r.settledFen,
    })),
    nextCursor: found.length > limit ? String(offset + limit) : null,
  };
}
