// The owner's group buys: save (a new activity, or an edit: before its start anything; after it only a later end or
// a larger stock cap), stop (no new groups or joins; forming groups run to their end), the list with its groups
// counted by status, and the groups themselves.
import { randomBytes } from 'node:crypto';
import type { CampaignInput, CampaignResults } from '../contracts/campaign';
import { AppError } from '../contracts/errors';
import { groupBuyFromDraft, type GroupBuyRecord } from '../core/group-buy';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import {
  editGroupBuy,
  findGroupBuy,
  findOpenGroupBuys,
  insertGroupBuy,
  listGroupBuys,
  stopGroupBuy as stop,
} from '../data/group-buys';
import { countGroups, listGroups, paidUnits } from '../data/groups';
import { findProduct, findProducts } from '../data/products';
import type { OwnerContext } from '../platform/handler';
import { settledNow, viewGroupBuy, viewGroups } from './group-view';

export async function saveGroupBuy(
  input: CampaignInput<'saveGroupBuy'>,
  ctx: OwnerContext,
): Promise<CampaignResults['saveGroupBuy']> {
  const draft = input.groupBuy;
  const id = draft.id ?? randomBytes(6).toString('hex');
  const [product, existing, open] = await Promise.all([
    findProduct(ctx.db, draft.productId),
    draft.id ? findGroupBuy(ctx.db, draft.id) : null,
    findOpenGroupBuys(ctx.db, draft.productId, ctx.now),
  ]);
  if (!product) throw new AppError('product.not_found');
  if (draft.id && !existing) throw new AppError('campaign.not_found');
  const record = groupBuyFromDraft(draft, id, existing, product, ctx.now);
  // One activity at a time per product: a buyer sees one group price.
  if (open.some((g) => g._id !== id)) throw new AppError('campaign.overlap');
  if (existing) {
    if (!(await editGroupBuy(ctx.db, record))) throw new AppError('input.invalid', '活动库存不能少于已占用的件数');
  } else await insertGroupBuy(ctx.db, { ...record, createdAt: ctx.now });
  return { groupBuy: await groupBuyNow(ctx, id) };
}

export async function stopGroupBuy(
  input: CampaignInput<'stopGroupBuy'>,
  ctx: OwnerContext,
): Promise<CampaignResults['stopGroupBuy']> {
  await stop(ctx.db, input.id, ctx.now);
  return { groupBuy: await groupBuyNow(ctx, input.id) };
}

async function groupBuyNow(ctx: OwnerContext, id: string) {
  const gb = await findGroupBuy(ctx.db, id);
  if (!gb) throw new AppError('campaign.not_found');
  const [product, sold] = await Promise.all([findProduct(ctx.db, gb.productId), paidUnits(ctx.db, id)]);
  return viewGroupBuy(gb, product ?? undefined, sold, ctx.now);
}

export async function ownerGroupBuys(
  input: CampaignInput<'ownerGroupBuys'>,
  ctx: OwnerContext,
): Promise<CampaignResults['ownerGroupBuys']> {
  const limit = input.limit ?? 20;
  const fetched = await listGroupBuys(ctx.db, decodeTimeCursor(input.cursor), limit + 1);
  const { rows, nextCursor } = splitTimePage(fetched, limit, (r) => r.createdAt);
  const [products, counts, sold] = await Promise.all([
    findProducts(
      ctx.db,
      rows.map((r) => r.productId),
    ),
    Promise.all(rows.map((r) => countGroups(ctx.db, r._id))),
    Promise.all(rows.map((r) => paidUnits(ctx.db, r._id))),
  ]);
  const items = rows.map((r: GroupBuyRecord, i) => {
    const product = products.get(r.productId);
    return { ...viewGroupBuy(r, product, sold[i], ctx.now), title: product?.title ?? '', groups: counts[i] };
  });
  return { items, nextCursor };
}

export async function ownerGroups(
  input: CampaignInput<'ownerGroups'>,
  ctx: OwnerContext,
): Promise<CampaignResults['ownerGroups']> {
  const limit = input.limit ?? 20;
  const filter = {
    ...(input.groupBuyId ? { groupBuyId: input.groupBuyId } : {}),
    ...(input.status ? { status: input.status } : {}),
  };
  const fetched = await listGroups(ctx.db, filter, decodeTimeCursor(input.cursor), limit + 1);
  const { rows, nextCursor } = splitTimePage(fetched, limit, (r) => r.startedAt);
  const [groups, products] = await Promise.all([
    settledNow(ctx, rows).then((g) => viewGroups(ctx, g)),
    findProducts(
      ctx.db,
      rows.map((r) => r.productId),
    ),
  ]);
  return { items: groups.map((g) => ({ ...g, title: products.get(g.productId)?.title ?? '' })), nextCursor };
}
