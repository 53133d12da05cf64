// Money arrives as integer fen; this is the only place it becomes a yuan string.

/** 1290 → "¥12.90" */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  // Grouped by hand: the first toLocaleString() call builds ICU's number formatter, about 20 ms on a phone-class CPU.
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${cents}`;
}
