// CSV as Excel reads and writes it (RFC 4180): written with a UTF-8 BOM (so Excel takes the Chinese for UTF-8),
// CRLF line ends and a cell quoted when it holds a comma, a quote or a line break. No library: the quoting is these
// few lines, and the import's reading is a small state machine that says which line a record started on.

/** Excel opens a CSV as UTF-8 only when it starts with the byte order mark. */
export const BOM = '\uFEFF';

/**
 * A cell Excel would read as a formula (=, +, -, @, or a tab or CR before one) is written with a leading "'" so
 * that it shows as text and never runs (OWASP CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text guarded against formulas, quoted when needed (quotes doubled). Numbers are written as they are. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the BOM, then one CRLF-ended line per row. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return BOM + rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

export interface CsvRecord {
  /** The line of the file the record starts on (1: the first). */
  line: number;
  fields: string[];
  /** A quote out of place (inside a bare cell, text after a closing quote, or never closed). */
  malformed: boolean;
}

/**
 * The records of a CSV text (a BOM, CRLF or LF line ends, quoted cells with "" and line breaks in them). Blank lines
 * are left out; a malformed record is kept and marked, so that its line can be answered for.
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let malformed = false;
  /** 'start': at a cell's start; 'bare': in an unquoted cell; 'quoted': inside quotes; 'closed': after one. */
  let state: 'start' | 'bare' | 'quoted' | 'closed' = 'start';
  const endRecord = () => {
    fields.push(cell);
    if (malformed || fields.length > 1 || fields[0] !== '') records.push({ line: start, fields, malformed });
    fields = [];
    cell = '';
    malformed = false;
    state = 'start';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (state === 'quoted') {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') state = 'closed';
      else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === ',') {
      fields.push(cell);
      cell = '';
      state = 'start';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else if (c === '"' && state === 'start') state = 'quoted';
    else if (c === '"' || state === 'closed') {
      malformed = true;
      cell += c;
    } else {
      state = 'bare';
      cell += c;
    }
  }
  if (state === 'quoted') malformed = true;
  if (state !== 'start' || fields.length > 0 || malformed) endRecord();
  return records;
}

/**
 * A file's text: UTF-8 (with or without a BOM), else GB18030, which Excel on a Chinese Windows writes when it saves
 * "CSV"; answers null for bytes that are neither (a binary file).
 */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}
