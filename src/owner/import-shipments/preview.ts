// What the page shows of a picked file before it is sent: its first rows as cells (a quick split on commas, for the
// eye only: the report function reads the file for real) and how many rows it holds.

/** The file's non-blank lines, a header line (订单号 / orderId first) left out. */
function bodyLines(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const first = lines[0]?.split(',')[0]?.trim().toLowerCase() ?? '';
  return ['订单号', '订单编号', 'orderid', 'order id', 'order_id'].includes(first) ? lines.slice(1) : lines;
}

export interface PreviewRow {
  /** Its place among the rows (1: the first after a header). */
  n: number;
  orderId: string;
  carrier: string;
  trackingNo: string;
}

export function previewOf(text: string, count = 5): { rows: PreviewRow[]; total: number } {
  const lines = bodyLines(text);
  const rows = lines.slice(0, count).map((l, i) => {
    const [orderId = '', carrier = '', trackingNo = ''] = l.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    return { n: i + 1, orderId, carrier, trackingNo };
  });
  return { rows, total: lines.length };
}
