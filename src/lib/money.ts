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

/** 1290 → "12.90": fen as yuan digits to prefill an amount field (no sign for the currency, no grouping). */
export function fenToYuanText(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * What a person typed as yuan → integer fen, or null when it is not a plain amount: "12" → 1200, "12.5" → 1250,
 * "¥0.01" → 1. At most two decimals, no sign, no exponent; read digit by digit so no float rounding creeps in.
 */
export function parseYuanToFen(text: string): number | null {
  const match = /^¥?\s*(\d+)(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, yuan, cents = ''] = match;
  const fen = Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}
