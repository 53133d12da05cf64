// 经营数据: the range's figures and the previous range's, from the day rollups (core/stats.ts): a stored summary of the
// settled days (core/range-summary.ts) and the day documents of yesterday and today, in one read; the names of the
// top products and sharers in one read each. Its cost stays flat however many orders the shop has and whatever
// the range. The first call of a day, or the first after a past day was edited, rebuilds the summary from the days.
import type { Dashboard, ReportChannel, ReportInput } from '../contracts/report';
import { chinaDay } from '../core/order-id';
import { addToSummary, emptySummary, type RangeSummary } from '../core/range-summary';
import { addDays, totalsOf } from '../core/stats';
import { findProducts } from '../data/products';
import { readDashboardDocs, readDays, saveSummary } from '../data/stats';
import { findUsersByShareCodes } from '../data/users';
import type { OwnerContext } from '../platform/handler';

const TOP = 10;

export async function dashboard(input: ReportInput<'dashboard'>, ctx: OwnerContext): Promise<Dashboard> {
  const to = chinaDay(ctx.now);
  const from = addDays(to, 1 - input.days);
  // Yesterday and today are read live: a payment folded on its day, or one that began before midnight, lands there.
  const settled = addDays(to, -2);
  const read = await readDashboardDocs(ctx.db, input.days, [addDays(to, -1), to]);
  let summary: RangeSummary;
  if (read.stored?.to === to && read.stored.stamp === read.stamp && read.stored.summary.from === from)
    summary = read.stored.summary;
  else {
    const docs = await readDays(ctx.db, addDays(from, -input.days), settled);
    summary = addToSummary(emptySummary(from, input.days), docs, settled);
    await saveSummary(ctx.db, input.days, to, read.stamp, summary);
  }
  const range = addToSummary(summary, read.live, to);
  const products = top(range.products, (r) => [r.gmvFen ?? 0, r.units ?? 0]);
  const sharers = top(range.sharers, (r) => [r.gmvFen ?? 0, r.orders ?? 0]);
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
  return {
    days: input.days,
    from,
    to,
    totals: totalsOf(range.current),
    previous: totalsOf(range.previous),
    daily: Array.from({ length: input.days }, (_, i) => {
      const day = addDays(from, i);
      return { day, ...(range.daily[day] ?? { gmvFen: 0, orders: 0, buyers: 0 }) };
    }),
    channels: Object.entries(range.channels)
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

/** 群聊 and 单聊 add up to the chat visits: every chat visit not from a group was from a one-to-one chat. */
function chatSplitOf(visits: number, groupVisits: number): { group: number; single: number } {
  const group = Math.min(groupVisits, visits);
  return { group, single: visits - group };
}

/** The first TOP rows by the figures `rank` gives (larger first), then key. */
function top<R>(rows: Record<string, R>, rank: (r: R) => number[]): Array<[string, R]> {
  const cmp = (a: number[], b: number[]) => a.reduce((c, x, i) => c || b[i] - x, 0);
  return Object.entries(rows)
    .sort(([ka, a], [kb, b]) => cmp(rank(a), rank(b)) || ka.localeCompare(kb))
    .slice(0, TOP);
}
