// The owner's batch shipping: a CSV they uploaded to their own folder under `imports/`, one shipment a row. Each
// row is shipped exactly as order.ship ships (flows/ship.ts) or answers the coded reason it was not, and nothing of
// a refused row changes. The orders are read in batches and shipped a few at a time; rows not started before the
// time budget runs out answer `import.not_reached` (unchanged, to be imported again).
import { AppError, ERRORS, type ErrorCode } from '../contracts/errors';
import { IMPORT_BYTES_MAX, SHOP_UPLOAD_FOLDERS } from '../contracts/limits';
import type { ImportRowResult, ReportInput, ReportResults } from '../contracts/report';
import { decodeText, parseCsv } from '../core/csv';
import { isOwnPhoto } from '../core/photos';
import { type ShipmentRow, shipmentRows } from '../core/shipments-file';
import { readFile } from '../data/files';
import { findOrders, type OrderRecord } from '../data/orders';
import { recordReportFile } from '../data/report-files';
import { shipWith } from '../flows/ship';
import type { OwnerContext } from '../platform/handler';

/** Rows shipped at once: each is about 5 requests (move, read, notice, claim and record of the upload). */
const CONCURRENCY = 8;
/** Order ids per batched read. */
const READ_BATCH = 500;

export async function importShipments(
  input: ReportInput<'importShipments'>,
  ctx: OwnerContext,
  overBudget: () => boolean,
): Promise<ReportResults['importShipments']> {
  const owner = { env: ctx.env, openid: ctx.openid, folder: SHOP_UPLOAD_FOLDERS.imports };
  if (!isOwnPhoto(input.fileID, owner) || !input.fileID.toLowerCase().endsWith('.csv')) {
    throw new AppError('import.file_invalid');
  }
  await recordReportFile(ctx.db, 'import', input.fileID, ctx.now);
  const bytes = await readFile(ctx.cloud, input.fileID);
  if (!bytes) throw new AppError('import.file_invalid');
  if (bytes.length > IMPORT_BYTES_MAX) throw new AppError('import.too_large');
  const text = decodeText(bytes);
  if (text === null) throw new AppError('import.file_invalid');
  const rows = shipmentRows(parseCsv(text));
  const orders = await ordersOf(ctx, rows);
  const results = await mapBounded(rows, CONCURRENCY, (row) => shipRow(ctx, row, orders, overBudget));
  const shipped = results.filter((r) => r.outcome === 'shipped').length;
  return { results, shipped, refused: results.length - shipped };
}

async function ordersOf(ctx: OwnerContext, rows: readonly ShipmentRow[]): Promise<Map<string, OrderRecord>> {
  const ids = rows.flatMap((r) => ('courier' in r ? [r.orderId] : []));
  const found = new Map<string, OrderRecord>();
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    for (const order of await findOrders(ctx.db, ids.slice(i, i + READ_BATCH))) found.set(order._id, order);
  }
  return found;
}

const refusal = (row: ShipmentRow, code: ErrorCode | 'internal'): ImportRowResult => ({
  line: row.line,
  ...(row.orderId ? { orderId: row.orderId } : {}),
  outcome: code,
  message: ERRORS[code],
});

async function shipRow(
  ctx: OwnerContext,
  row: ShipmentRow,
  orders: ReadonlyMap<string, OrderRecord>,
  overBudget: () => boolean,
): Promise<ImportRowResult> {
  if (!('courier' in row)) return refusal(row, row.refused);
  const order = orders.get(row.orderId);
  if (!order) return refusal(row, 'order.not_found');
  if (overBudget()) return refusal(row, 'import.not_reached');
  try {
    await shipWith(ctx, order, row.courier, row.trackingNo);
    return { line: row.line, orderId: row.orderId, outcome: 'shipped' };
  } catch (error) {
    if (error instanceof AppError) return refusal(row, error.code);
    console.error(`[${ctx.requestId}] import row ${row.line} (${row.orderId})`, error);
    return refusal(row, 'internal');
  }
}

/** `fn` over `items` with at most `limit` running at once; the answers in the items' order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
