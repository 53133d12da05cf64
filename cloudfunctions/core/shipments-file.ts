// The owner's file of shipments, `orderId, carrier, trackingNo` per row (a header row allowed): each row read into a
// shipment or the coded reason it is not one. A file over the row limit is refused whole.
import { AppError, type ErrorCode } from '../contracts/errors';
import { COURIERS, IMPORT_ROWS_MAX, ORDER_ID_PATTERN, TRACKING_NO_PATTERN } from '../contracts/limits';
import type { CsvRecord } from './csv';

export type ShipmentRow =
  | { line: number; orderId: string; courier: string; trackingNo: string }
  | { line: number; orderId?: string; refused: ErrorCode };

/** The header the owner may keep on top: its first cell names the order id column. */
const HEADER_FIRST = new Set(['orderid', 'order id', 'order_id', '订单号', '订单编号']);

/** A courier by its code (any case) or its name, as the owner typed it. */
function courierOf(text: string): string | undefined {
  const upper = text.toUpperCase();
  return COURIERS.find((c) => c.code === upper || c.name === text)?.code;
}

/**
 * The rows of the file's records, in the file's order. `import.row_invalid`: a quote out of place, not three cells
 * (trailing empty cells are allowed) or no order id; `input.invalid`: a courier not on the list or a tracking number
 * out of bounds; `import.row_duplicate`: an order already on an earlier row (only the first is shipped).
 * Throws `import.too_large` past IMPORT_ROWS_MAX rows.
 */
export function shipmentRows(records: readonly CsvRecord[]): ShipmentRow[] {
  const body =
    records.length > 0 && HEADER_FIRST.has(records[0].fields[0]?.trim().toLowerCase() ?? '')
      ? records.slice(1)
      : records;
  if (body.length > IMPORT_ROWS_MAX) throw new AppError('import.too_large');
  const seen = new Set<string>();
  return body.map(({ line, fields, malformed }): ShipmentRow => {
    const cells = fields.map((f) => f.trim());
    while (cells.length > 3 && cells[cells.length - 1] === '') cells.pop();
    const orderId = cells[0]?.toUpperCase() ?? '';
    if (malformed || cells.length !== 3 || !ORDER_ID_PATTERN.test(orderId))
      return { line, refused: 'import.row_invalid' };
    if (seen.has(orderId)) return { line, orderId, refused: 'import.row_duplicate' };
    seen.add(orderId);
    const courier = courierOf(cells[1]);
    if (!courier || !TRACKING_NO_PATTERN.test(cells[2])) return { line, orderId, refused: 'input.invalid' };
    return { line, orderId, courier, trackingNo: cells[2] };
  });
}
