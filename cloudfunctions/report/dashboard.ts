// 经营数据: the range's figures and the previous range's, from the day rollups (core/stats.ts) in one read, and the
// names of the top products and sharers in one read each: its cost stays flat however many orders the shop has.
import type { Dashboard, ReportChannel, ReportInput } from '../contracts/report';
import { chinaDay } from '../core/order-id';
import { addDays, dayBuyers, rangeTotals, type DayStats } from '../core/stats';
import { findProducts } from '../data/products';
import { readDays } from '../data/stats';
import { findUsersByShareCodes } from '../data/users';
import type { OwnerContext } from '../platform/handler';

const TOP = 10;

export async function dashboard(input: ReportInput<'dashboard'>, ctx: OwnerContext): Promise<Dashboard> {
  const to = chinaDay(ctx.now);
  const from = addDays(to, 1 - input.days);
  const docs = await readDays(ctx.db, addDays(from, -input.days), to);
  const inRange = docs.filter((d) => d.day >= from);
  const products = top(
    sum(inRange, (d) => d.products),
    (r) => [r.gmvFen ?? 0, r.units ?? 0],
  );
  const sharers = top(
    sum(inRange, (d) => d.sharers),
    (r) => [r.gmvFen ?? 0, r.orders ?? 0],
  );
  const [titles, users] = await Promise.all([
    products.length
      ? findProducts(
          ctx.db,
          products.map(([id]) => id),
        )
      : new Map(),
    sharers.length
      ? findUsersByShareCodes(
          ctx.db,
          sharers.map(([code]) => code),
        )
      : new Map(),
  ]);
  const byDay = new Map(inRange.map((d) => [d.day, d]));
  return {
    days: input.days,
    from,
    to,
    totals: rangeTotals(docs, from, to),
    previous: rangeTotals(docs, addDays(from, -input.days), addDays(from, -1)),
    daily: Array.from({ length: input.days }, (_, i) => {
      const day = addDays(from, i);
      const d = byDay.get(day);
      return { day, gmvFen: d ? d.paidFen - d.refundFen : 0, orders: d?.orders ?? 0, buyers: d ? dayBuyers(d) : 0 };
    }),
    channels: Object.entries(sum(inRange, (d) => d.channels))
      .map(([channel, r]) => ({
        channel: channel as ReportChannel,
        visits: r.visits ?? 0,
        orders: r.orders ?? 0,
        gmvFen: r.gmvFen ?? 0,
        ...(channel === 'chat' ? { chatSplit: chatSplitOf(r.visits ?? 0, r.groupVisits ?? 0) } : {}),
      }))
      .sort((a, b) => b.gmvFen - a.gmvFen || b.visits - a.visits || a.channel.localeCompare(b.channel)),
    topProducts: products.map(([productId, r]) => ({
      productId,
      title: titles.get(productId)?.title ?? '已删除的商品',
      units: r.units ?? 0,
      gmvFen: r.gmvFen ?? 0,
    })),
    topSharers: sharers.map(([shareCode, r]) => ({
      shareCode,
      nickname: users.get(shareCode)?.nickname ?? '',
      orders: r.orders ?? 0,
      gmvFen: r.gmvFen ?? 0,
      commissionFen: r.commissionFen ?? 0,
    })),
  };
}

/** The rows of one map of every day added up by key. */
/** 群聊 and 单聊 add up to the chat visits: every chat visit not from a group was from a one-to-one chat. */
function chatSplitOf(visits: number, groupVisits: number): { group: number; single: number } {
  const group = Math.min(groupVisits, visits);
  return { group, single: visits - group };
}

function sum<R extends Record<string, number | undefined>>(
  docs: readonly DayStats[],
  rows: (d: DayStats) => Record<string, R> | undefined,
): Record<string, R> {
  const out: Record<string, Record<string, number>> = {};
  for (const d of docs) {
    for (const [key, row] of Object.entries(rows(d) ?? {})) {
      const into = (out[key] ??= {});
      for (const [field, n] of Object.entries(row)) into[field] = (into[field] ?? 0) + (n ?? 0);
    }
  }
  return out as Record<string, R>;
}

/** The first TOP rows by the figures `rank` gives (larger first), then key. */
function top<R>(rows: Record<string, R>, rank: (r: R) => number[]): Array<[string, R]> {
  const cmp = (a: number[], b: number[]) => a.reduce((c, x, i) => c || b[i] - x, 0);
  return Object.entries(rows)
    .sort(([ka, a], [kb, b]) => cmp(rank(a), rank(b)) || ka.localeCompare(kb))
    .slice(0, TOP);
}
