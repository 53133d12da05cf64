// The sharer's commission lines, newest first, each saying when it settles (its order's completion + after-sale days).
import type { CommissionInput, CommissionLine, Page } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import { afterSaleClosesAt } from '../core/after-sale';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import { listSharerLines } from '../data/commissions';
import type { CallContext } from '../platform/handler';
import { completionOf } from '../data/orders';
import { loadSettings } from '../data/settings';
import { viewLine } from './views';

export async function myCommissions(
  input: CommissionInput<'myCommissions'>,
  ctx: CallContext,
): Promise<Page<CommissionLine>> {
  if (!ctx.openid) throw new AppError('auth.required');
  const limit = input.limit ?? 20;
  const after = decodeTimeCursor(input.cursor);
  const [found, settings] = await Promise.all([
    listSharerLines(ctx.db, ctx.openid, after && { createdAt: after.at, id: after.id }, limit + 1),
    loadSettings(ctx.db),
  ]);
  const { rows, nextCursor } = splitTimePage(found, limit, (l) => l.createdAt);
  const completed = await completionOf(ctx.db, [
    ...new Set(rows.filter((l) => l.status === 'pending').map((l) => l.orderId)),
  ]);
  const due = (orderId: string) => {
    const at = completed.get(orderId);
    return at ? afterSaleClosesAt(at, settings.rules.afterSaleDays) : null;
  };
  return { items: rows.map((l) => viewLine(l, due(l.orderId))), nextCursor };
}
