// The owner's export of the orders placed from `from` to `to` (China days): a CSV with one row per order line, read
// page by page by the createdAt index, stored under `exports/` and handed back as a temporary download URL.
import { randomUUID } from 'node:crypto';
import type { ReportInput, ReportResults } from '../contracts/report';
import { chinaDayRange } from '../core/china-range';
import { csvText } from '../core/csv';
import { downloadUrl, storeFile } from '../data/files';
import { listPlaced, type OrderPosition } from '../data/orders';
import { recordReportFile } from '../data/report-files';
import { findUsersByOpenids } from '../data/users';
import type { OwnerContext } from '../platform/handler';
import { EXPORT_HEADER, orderRows } from './order-rows';

/** Orders per read: the most one query answers. */
const PAGE = 1000;
/** Folder of the exports: the function writes there, no client does (it is not an upload folder). */
export const EXPORTS_FOLDER = 'exports';

export async function exportOrders(
  input: ReportInput<'exportOrders'>,
  ctx: OwnerContext,
): Promise<ReportResults['exportOrders']> {
  const range = chinaDayRange(input.from, input.to);
  const rows: Array<ReadonlyArray<string | number>> = [EXPORT_HEADER];
  for (let after: OrderPosition | null = null; ; ) {
    const page = await listPlaced(ctx.db, range, input.status, after, PAGE);
    const sharers = await findUsersByOpenids(ctx.db, [
      ...new Set(page.flatMap((o) => (o.sharer ? [o.sharer.id] : []))),
    ]);
    for (const order of page) rows.push(...orderRows(order, order.sharer && sharers.get(order.sharer.id)?.nickname));
    if (page.length < PAGE) break;
    const last = page[page.length - 1];
    after = { createdAt: last.createdAt, id: last._id };
  }
  const cloudPath = `${EXPORTS_FOLDER}/orders-${input.from}-${input.to}-${randomUUID()}.csv`;
  const fileID = await storeFile(ctx.cloud, cloudPath, Buffer.from(csvText(rows), 'utf8'));
  await recordReportFile(ctx.db, 'export', fileID, ctx.now);
  return { fileID, url: await downloadUrl(ctx.cloud, fileID), rows: rows.length - 1 };
}
