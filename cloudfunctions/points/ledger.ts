// The member's points ledger, newest first: each entry's reason, the order it belongs to and when.
import type { PointsEntry, PointsInput, PointsResults } from '../contracts/points';
import { AppError } from '../contracts/errors';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import type { CallContext } from '../platform/handler';
import { listLedger, type PointsLedgerRecord } from '../data/points';

const DEFAULT_LIMIT = 20;

export async function ledger(input: PointsInput<'ledger'>, ctx: CallContext): Promise<PointsResults['ledger']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const limit = input.limit ?? DEFAULT_LIMIT;
  const rows = await listLedger(ctx.db, ctx.openid, decodeTimeCursor(input.cursor), limit + 1);
  const page = splitTimePage(rows, limit, (r) => new Date(r.at));
  return { items: page.rows.map(viewEntry), nextCursor: page.nextCursor };
}

function viewEntry(r: PointsLedgerRecord): PointsEntry {
  return {
    id: r._id,
    kind: r.kind,
    available: r.available,
    pending: r.pending,
    ...(r.orderId ? { orderId: r.orderId } : {}),
    at: new Date(r.at).toISOString(),
  };
}
