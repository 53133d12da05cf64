// The product page's group buy: the product's live activity with its groups still taking joins that have a paid
// member (closest to full first), and how many units the caller may still buy in it; null when there is none.
import type { CampaignInput, CampaignResults } from '../contracts/campaign';
import { canBuy, closestToFull, groupBuyStatus, memberKeyOf } from '../core/group-buy';
import { findOpenGroupBuys } from '../data/group-buys';
import { listOpenGroups, paidUnits } from '../data/groups';
import { findProduct } from '../data/products';
import type { CallContext } from '../platform/handler';
import { viewGroupBuy, viewGroups } from './group-view';

const OPEN_GROUPS_SHOWN = 10;

export async function liveGroupBuy(
  input: CampaignInput<'groupBuy'>,
  ctx: CallContext,
): Promise<CampaignResults['groupBuy']> {
  const gb = (await findOpenGroupBuys(ctx.db, input.productId, ctx.now)).find(
    (g) => groupBuyStatus(g, ctx.now) === 'live',
  );
  if (!gb) return { live: null };
  const [product, groups, sold] = await Promise.all([
    findProduct(ctx.db, gb.productId),
    listOpenGroups(ctx.db, gb._id, ctx.now, 50),
    paidUnits(ctx.db, gb._id),
  ]);
  const open = closestToFull(groups.filter((g) => g.held < g.size && g.paid > 0)).slice(0, OPEN_GROUPS_SHOWN);
  return {
    live: {
      groupBuy: viewGroupBuy(gb, product ?? undefined, sold, ctx.now),
      openGroups: await viewGroups(ctx, open),
      canBuy: canBuy(gb, memberKeyOf(ctx.openid)),
    },
  };
}
