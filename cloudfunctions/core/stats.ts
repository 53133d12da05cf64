// The shop's rollups: what a payment, a refund or a visit adds to the China day documents (`shop_stats`) and how a
// range's figures are read back from them, so the dashboard never scans orders. Distinct buyers over any range come
// from each member's distinct paid days: a paid day D whose previous paid day is P is counted on D by its gap D - P
// ('f' when it is the member's first), and a member's second paid day by its gap to the first. Then for [a, b]:
// buyers = events on D in [a, b] with no P or P < a (gap > D - a); new buyers = the 'f' events; buyers who paid on
// two or more days up to b = buyers - new + second days in [a, b] whose first day is in [a, b] (gap <= D - a).
// Folding is exact in any order: a day inserted between two known days moves the later day's gap (backfills, and a
// sweep that catches up after a newer payment).
import { commissionShares, reversalOf, type PaidLine } from './commission';
import { DAY_MS } from './rules';

export type Counter = Record<string, number>;

export interface DayStats {
  _id: string;
  /** The China day, 'YYYY-MM-DD'. */
  day: string;
  orders: number;
  paidFen: number;
  refundFen: number;
  /** Paid days of members by their gap to the member's previous paid day ('f': first ever). */
  gaps: Counter;
  /** Members' second paid days by their gap to the first. */
  seconds: Counter;
  /** `groupVisits`: the chat channel's visits opened from a group chat (issue 21). */
  channels: Record<string, { visits?: number; groupVisits?: number; orders?: number; gmvFen?: number }>;
  products: Record<string, { units?: number; gmvFen?: number }>;
  sharers: Record<string, { orders?: number; gmvFen?: number; commissionFen?: number }>;
}

/** One increment of one field of one day document (`path` is dotted: `products.<id>.units`). */
export interface Bump {
  day: string;
  path: string;
  by: number;
}

export const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
export const dayOfNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayOfNumber(dayNumber(day) + n);

/** The buyer-count events of a member's sorted distinct paid days. */
function dayEvents(days: readonly string[]): Bump[] {
  const out: Bump[] = [];
  days.forEach((day, i) => {
    const gap = i === 0 ? 'f' : String(dayNumber(day) - dayNumber(days[i - 1]));
    out.push({ day, path: `gaps.${gap}`, by: 1 });
    if (i === 1) out.push({ day, path: `seconds.${dayNumber(day) - dayNumber(days[0])}`, by: 1 });
  });
  return out;
}

/** What adding paid day `day` to a member's paid days changes in the histograms, and the member's days after it. */
export function addPaidDay(days: readonly string[], day: string): { bumps: Bump[]; days: string[] } {
  if (days.includes(day)) return { bumps: [], days: [...days] };
  const after = [...days, day].sort();
  const key = (b: Bump) => `${b.day}|${b.path}`;
  const net = new Map<string, Bump>();
  for (const b of dayEvents(after)) net.set(key(b), { ...b, by: (net.get(key(b))?.by ?? 0) + 1 });
  for (const b of dayEvents(days)) net.set(key(b), { ...b, by: (net.get(key(b))?.by ?? 0) - 1 });
  return { bumps: [...net.values()].filter((b) => b.by !== 0), days: after };
}

/** What the rollups need of an order. */
export interface StatsOrder {
  paidFen: number;
  items: ReadonlyArray<PaidLine & { qty: number }>;
  pointsDiscountFen: number;
  /** The order's sharer binding: its code, channel and commission rates (absent: a direct order). */
  sharer?: { code: string; channel: string; rateOf: (productId: string) => number };
}

/** The goods paid per line, and the sharer's commission on them (as flows/commission.ts credits it). */
function linesOf(order: StatsOrder) {
  const shares = commissionShares(order.items, order.pointsDiscountFen, order.sharer?.rateOf ?? (() => 0));
  return order.items.map((l, i) => ({
    productId: l.productId,
    skuId: l.skuId,
    qty: l.qty,
    paidFen: shares[i].baseFen as number,
    commissionFen: shares[i].amountFen as number,
  }));
}

export const channelOf = (order: StatsOrder): string => order.sharer?.channel ?? 'direct';

/** A payment on `day`: the order, what was paid, its channel, its products' units and goods, its sharer's share. */
export function paymentBumps(order: StatsOrder, day: string): Bump[] {
  const bumps: Bump[] = [
    { day, path: 'orders', by: 1 },
    { day, path: 'paidFen', by: order.paidFen },
    { day, path: `channels.${channelOf(order)}.orders`, by: 1 },
    { day, path: `channels.${channelOf(order)}.gmvFen`, by: order.paidFen },
  ];
  const lines = linesOf(order);
  for (const l of lines) {
    bumps.push({ day, path: `products.${l.productId}.units`, by: l.qty });
    bumps.push({ day, path: `products.${l.productId}.gmvFen`, by: l.paidFen });
  }
  if (order.sharer) {
    const code = order.sharer.code;
    bumps.push({ day, path: `sharers.${code}.orders`, by: 1 });
    bumps.push({ day, path: `sharers.${code}.gmvFen`, by: order.paidFen });
    bumps.push({ day, path: `sharers.${code}.commissionFen`, by: lines.reduce((s, l) => s + l.commissionFen, 0) });
  }
  return merge(bumps);
}

/** One refund of an order: its amount, which units it covered (absent: the whole order) and the total before it. */
export interface StatsRefund {
  refundFen: number;
  lines?: ReadonlyArray<{ skuId: string; qty: number }>;
  /** Goods refunded by the order's earlier refunds (for the sharer's reversal, pro rata as flows/commission.ts). */
  refundedBefore: number;
  /** The order ends refunded with this refund: every commission line is reversed in full. */
  whole: boolean;
}

/**
 * A refund on `day`: GMV leaves that day (the channel's, the sharer's), the products it covered lose their share
 * of it (pro rata to what the refunded units paid; shipping is nobody's product), the sharer's commission loses
 * what the refund reverses.
 */
export function refundBumps(order: StatsOrder, refund: StatsRefund, day: string): Bump[] {
  const bumps: Bump[] = [
    { day, path: 'refundFen', by: refund.refundFen },
    { day, path: `channels.${channelOf(order)}.gmvFen`, by: -refund.refundFen },
  ];
  const lines = linesOf(order);
  const weights = lines.map((l) => {
    if (!refund.lines) return l.paidFen;
    const qty = refund.lines.filter((r) => r.skuId === l.skuId).reduce((s, r) => s + r.qty, 0);
    return l.qty > 0 ? Math.floor((l.paidFen * qty) / l.qty) : 0;
  });
  const goods = weights.reduce((s, w) => s + w, 0);
  const shares = split(Math.min(refund.refundFen, goods), weights);
  lines.forEach((l, i) => {
    if (shares[i]) bumps.push({ day, path: `products.${l.productId}.gmvFen`, by: -shares[i] });
  });
  if (order.sharer) {
    const code = order.sharer.code;
    const goodsPaid = lines.reduce((s, l) => s + l.paidFen, 0);
    const after = refund.whole ? goodsPaid : refund.refundedBefore + refund.refundFen;
    const reversed = lines.reduce(
      (s, l) =>
        s +
        reversalOf(l.commissionFen, goodsPaid, after) -
        reversalOf(l.commissionFen, goodsPaid, refund.refundedBefore),
      0,
    );
    bumps.push({ day, path: `sharers.${code}.gmvFen`, by: -refund.refundFen });
    if (reversed) bumps.push({ day, path: `sharers.${code}.commissionFen`, by: -reversed });
  }
  return merge(bumps);
}

/** `total` split over `weights` in proportion, largest remainder first, so the parts add up exactly. */
export function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

export function merge(bumps: readonly Bump[]): Bump[] {
  const out = new Map<string, Bump>();
  for (const b of bumps) {
    const key = `${b.day}|${b.path}`;
    out.set(key, { ...b, by: (out.get(key)?.by ?? 0) + b.by });
  }
  return [...out.values()].filter((b) => b.by !== 0);
}

/** An empty day document with `bumps` applied (the first write of a day). */
export function applyBumps(doc: DayStats, bumps: readonly Bump[]): DayStats {
  const next = structuredClone(doc);
  for (const b of bumps) {
    const keys = b.path.split('.');
    let at = next as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      at[k] = (at[k] as Record<string, unknown> | undefined) ?? {};
      at = at[k] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1];
    at[last] = ((at[last] as number | undefined) ?? 0) + b.by;
  }
  return next;
}

export const emptyDay = (day: string): DayStats => ({
  _id: day,
  day,
  orders: 0,
  paidFen: 0,
  refundFen: 0,
  gaps: {},
  seconds: {},
  channels: {},
  products: {},
  sharers: {},
});

/** What a range's figures add up from its days: for a fixed first day `from`, a sum over the days (any split). */
export interface RangeSums {
  orders: number;
  paidFen: number;
  refundFen: number;
  buyers: number;
  newBuyers: number;
  /** Buyers whose first and second paid days are both in the range. */
  bothInRange: number;
}

export const noSums = (): RangeSums => ({
  orders: 0,
  paidFen: 0,
  refundFen: 0,
  buyers: 0,
  newBuyers: 0,
  bothInRange: 0,
});

/** Adds one day document's share of the range starting at `from` to `sums` (in place). */
export function addDaySums(sums: RangeSums, d: DayStats, from: string): RangeSums {
  sums.orders += d.orders;
  sums.paidFen += d.paidFen;
  sums.refundFen += d.refundFen;
  const sinceStart = dayNumber(d.day) - dayNumber(from);
  for (const [gap, n] of Object.entries(d.gaps ?? {})) {
    if (gap === 'f') sums.newBuyers += n;
    if (gap === 'f' || Number(gap) > sinceStart) sums.buyers += n;
  }
  for (const [gap, n] of Object.entries(d.seconds ?? {})) if (Number(gap) <= sinceStart) sums.bothInRange += n;
  return sums;
}

/** The figures of a range from its sums, as contracts/report.ts defines them. */
export function totalsOf(s: RangeSums) {
  const repeaters = s.buyers - s.newBuyers + s.bothInRange;
  return {
    gmvFen: s.paidFen - s.refundFen,
    paidFen: s.paidFen,
    orders: s.orders,
    buyers: s.buyers,
    newBuyers: s.newBuyers,
    returningBuyers: s.buyers - s.newBuyers,
    repeatRate: s.buyers ? repeaters / s.buyers : 0,
    aovFen: s.orders ? Math.floor(s.paidFen / s.orders) : 0,
    refundFen: s.refundFen,
    refundRate: s.paidFen ? s.refundFen / s.paidFen : 0,
  };
}

/** The figures of the days `from` to `to` (inclusive) as contracts/report.ts defines them. */
export function rangeTotals(docs: readonly DayStats[], from: string, to: string) {
  const sums = noSums();
  for (const d of docs) if (d.day >= from && d.day <= to) addDaySums(sums, d, from);
  return totalsOf(sums);
}

/** Distinct buyers of one day: every paid day of a member is one event of that day. */
export const dayBuyers = (d: DayStats): number => Object.values(d.gaps ?? {}).reduce((s, n) => s + n, 0);
