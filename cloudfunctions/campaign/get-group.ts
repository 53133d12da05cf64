// One group, as its card's link opens it (anyone with the link may look): its members, time left and result, the
// activity and the product; a group whose time ran out is settled first.
import type { CampaignInput, CampaignResults } from '../contracts/campaign';
import { AppError } from '../contracts/errors';
import { findGroupBuy } from '../data/group-buys';
import { findGroup, paidUnits } from '../data/groups';
import { displayUrls, THUMBNAIL } from '../data/files';
import { findProduct } from '../data/products';
import type { CallContext } from '../platform/handler';
import { settledNow, viewGroupBuy, viewGroups } from './group-view';

export async function getGroup(input: CampaignInput<'group'>, ctx: CallContext): Promise<CampaignResults['group']> {
  const found = await findGroup(ctx.db, input.groupId);
  if (!found) throw new AppError('group.not_found');
  const [group] = await settledNow(ctx, [found]);
  const [gb, product, sold, [view]] = await Promise.all([
    findGroupBuy(ctx.db, group.groupBuyId),
    findProduct(ctx.db, group.productId),
    paidUnits(ctx.db, group.groupBuyId),
    viewGroups(ctx, [group]),
  ]);
  if (!gb) throw new AppError('campaign.not_found');
  const cover = product?.images[0] ?? '';
  const urls = await displayUrls(ctx.cloud, cover ? [cover] : [], THUMBNAIL);
  return {
    group: view,
    groupBuy: viewGroupBuy(gb, product ?? undefined, sold, ctx.now),
    title: product?.title ?? '',
    image: urls.get(cover) ?? '',
  };
}
