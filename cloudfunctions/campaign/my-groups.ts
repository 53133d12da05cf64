// 我的拼团: the groups the caller holds a slot in (forming, succeeded or failed), newest first.
import type { CampaignInput, CampaignResults } from '../contracts/campaign';
import { AppError } from '../contracts/errors';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import { listMemberGroups } from '../data/groups';
import { displayUrls, THUMBNAIL } from '../data/files';
import { findProducts } from '../data/products';
import type { CallContext } from '../platform/handler';
import { settledNow, viewGroups } from './group-view';

export async function myGroups(
  input: CampaignInput<'myGroups'>,
  ctx: CallContext,
): Promise<CampaignResults['myGroups']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const limit = input.limit ?? 20;
  const fetched = await listMemberGroups(ctx.db, ctx.openid, decodeTimeCursor(input.cursor), limit + 1);
  const { rows, nextCursor } = splitTimePage(fetched, limit, (r) => r.startedAt);
  const [groups, products] = await Promise.all([
    settledNow(ctx, rows).then((g) => viewGroups(ctx, g)),
    findProducts(
      ctx.db,
      rows.map((r) => r.productId),
    ),
  ]);
  const covers = [...products.values()].map((p) => p.images[0]).filter(Boolean);
  const urls = await displayUrls(ctx.cloud, covers, THUMBNAIL);
  const items = groups.map((g) => {
    const product = products.get(g.productId);
    return { ...g, title: product?.title ?? '', image: urls.get(product?.images[0] ?? '') ?? '' };
  });
  return { items, nextCursor };
}
