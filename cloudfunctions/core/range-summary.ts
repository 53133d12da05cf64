// The dashboard's range summaries: what the days of a range (and of the range before it) add up to, up to a day.
// A dashboard of N days ending today reads one summary of its settled days and the day documents that can still
// change (yesterday and today) instead of 2 × N day documents; the summary is rebuilt from the days when its end
// day moves or when a past day was edited since it was made (data/stats.ts keeps that count).
import { addDaySums, addDays, dayBuyers, noSums, type DayStats, type RangeSums } from './stats';

type Rows = Record<string, Record<string, number>>;

export interface RangeSummary {
  /** The range's first day; the previous range is the `days` days before it. */
  from: string;
  days: number;
  /** The last day counted ('' before any): later days are added with `addToSummary`. */
  upTo: string;
  current: RangeSums;
  previous: RangeSums;
  /** The range's counted days that had any figure. */
  daily: Record<string, { gmvFen: number; orders: number; buyers: number }>;
  channels: Rows;
  products: Rows;
  sharers: Rows;
}

export function emptySummary(from: string, days: number): RangeSummary {
  return {
    from,
    days,
    upTo: '',
    current: noSums(),
    previous: noSums(),
    daily: {},
    channels: {},
    products: {},
    sharers: {},
  };
}

/** The summary with the documents of the days after its `upTo`, up to `upTo` (a new summary; the old one is kept). */
export function addToSummary(summary: RangeSummary, docs: readonly DayStats[], upTo: string): RangeSummary {
  const next = structuredClone(summary);
  const previousFrom = addDays(summary.from, -summary.days);
  const to = addDays(summary.from, summary.days - 1);
  for (const d of docs) {
    if (d.day <= summary.upTo || d.day > upTo || d.day < previousFrom || d.day > to) continue;
    if (d.day < summary.from) {
      addDaySums(next.previous, d, previousFrom);
      continue;
    }
    addDaySums(next.current, d, summary.from);
    next.daily[d.day] = { gmvFen: d.paidFen - d.refundFen, orders: d.orders, buyers: dayBuyers(d) };
    addRows(next.channels, d.channels);
    addRows(next.products, d.products);
    addRows(next.sharers, d.sharers);
  }
  next.upTo = upTo > summary.upTo ? upTo : summary.upTo;
  return next;
}

/** Adds every row of `rows` into `into` field by field (in place). */
function addRows(into: Rows, rows: Record<string, Record<string, number | undefined>> | undefined): void {
  for (const [key, row] of Object.entries(rows ?? {})) {
    const at = (into[key] ??= {});
    for (const [field, n] of Object.entries(row)) at[field] = (at[field] ?? 0) + (n ?? 0);
  }
}
