// The sharer's center: totals and the funnel per product and channel, read from counters kept with the events
// (two documents and the products' titles), never by scanning visits or orders; how many friends released or
// muted the sharer (two counts of their marks, never who); and the sharer's track record as friends see it on the
// trust card (flows/track-record.ts, the same computation as the product page's).
import type { ChatSplit, FunnelRow, MyStats, ShareChannel } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import type { CallContext } from '../platform/handler';
import { findProducts } from '../data/products';
import { countFriends } from '../data/sharer-marks';
import { readStats, type MoneyRow, type VisitRow } from '../data/sharer-stats';
import { findUserByOpenid } from '../data/users';
import { availableOf, findWithdrawal } from '../data/withdrawals';
import { trackRecordOf } from '../flows/track-record';
import { viewWithdrawal } from './views';

export async function myStats(_input: object, ctx: CallContext): Promise<MyStats> {
  if (!ctx.openid) throw new AppError('auth.required');
  const [{ visits, money }, friends, me] = await Promise.all([
    readStats(ctx.db, ctx.openid),
    countFriends(ctx.db, ctx.openid),
    findUserByOpenid(ctx.db, ctx.openid),
  ]);
  const keys = new Map<string, { productId: string; channel: ShareChannel }>();
  for (const source of [visits?.products ?? {}, money?.products ?? {}]) {
    for (const [productId, byChannel] of Object.entries(source)) {
      for (const channel of Object.keys(byChannel ?? {}) as ShareChannel[])
        keys.set(`${productId}|${channel}`, { productId, channel });
    }
  }
  const productIds = [...new Set([...keys.values()].map((k) => k.productId))];
  const [products, open, asFriendsSee] = await Promise.all([
    productIds.length > 0 ? findProducts(ctx.db, productIds) : Promise.resolve(new Map()),
    money?.openWithdrawalId ? findWithdrawal(ctx.db, money.openWithdrawalId) : Promise.resolve(null),
    me ? trackRecordOf(ctx.db, me, ctx.now) : Promise.resolve(undefined),
  ]);
  const rows: FunnelRow[] = [...keys.values()].map(({ productId, channel }) => {
    const v: Partial<VisitRow> = visits?.products[productId]?.[channel] ?? {};
    const m: Partial<MoneyRow> = money?.products[productId]?.[channel] ?? {};
    return {
      productId,
      title: products.get(productId)?.title ?? '已删除的商品',
      channel,
      visits: v.visits ?? 0,
      visitors: v.visitors ?? 0,
      orders: m.orders ?? 0,
      gmvFen: m.gmvFen ?? 0,
      pendingFen: m.pendingFen ?? 0,
      settledFen: m.settledFen ?? 0,
      reversedFen: m.reversedFen ?? 0,
      ...(channel === 'chat' ? { chatSplit: chatSplitOf(v) } : {}),
    };
  });
  rows.sort(
    (a, b) =>
      b.gmvFen - a.gmvFen || b.visits - a.visits || (a.productId + a.channel < b.productId + b.channel ? -1 : 1),
  );
  return {
    friends,
    visits: visits?.visits ?? 0,
    visitors: visits?.visitors ?? 0,
    orders: money?.orders ?? 0,
    gmvFen: money?.gmvFen ?? 0,
    commission: {
      pendingFen: money?.pendingFen ?? 0,
      settledFen: money?.settledFen ?? 0,
      withdrawnFen: money?.withdrawnFen ?? 0,
      reversedFen: money?.reversedFen ?? 0,
    },
    availableFen: availableOf(money),
    openWithdrawal: open ? viewWithdrawal(open) : null,
    rows,
    ...(asFriendsSee ? { asFriendsSee } : {}),
  };
}

/** 群聊 and 单聊 of a chat row: every chat visit not from a group was from a one-to-one chat. */
function chatSplitOf(v: Partial<VisitRow>): ChatSplit {
  const visits = v.visits ?? 0;
  const group = Math.min(v.groupVisits ?? 0, visits);
  return { group, single: visits - group, groups: v.groups ?? 0 };
}
