// The owner's flash sales, newest first, with units sold and left; a sale past its end whose units have not gone
// back yet is ended as it is read (the scheduler would do it within a minute).
import type { CampaignInput, CampaignResults } from '../contracts/campaign';
import { isOver } from '../core/flash-sale';
import { decodeTimeCursor, splitTimePage } from '../core/paging';
import { listSales } from '../data/flash-sales';
import { findProducts } from '../data/products';
import { endSale } from '../flows/flash-sale';
import type { OwnerContext } from '../platform/handler';
import { viewOwnerFlashSale } from './flash-view';

export async function ownerFlashSales(
  input: CampaignInput<'ownerFlashSales'>,
  ctx: OwnerContext,
): Promise<CampaignResults['ownerFlashSales']> {
  const limit = input.limit ?? 20;
  const fetched = await listSales(ctx.db, decodeTimeCursor(input.cursor), limit + 1);
  const { rows, nextCursor } = splitTimePage(fetched, limit, (r) => r.createdAt);
  const sales = await Promise.all(
    rows.map(async (s) =>
      !s.returned && isOver(s, ctx.now) ? ((await endSale(ctx.db, s._id, ctx.now, false)) ?? s) : s,
    ),
  );
  const products = await findProducts(
    ctx.db,
    sales.map((s) => s.productId),
  );
  return {
    items: sales.map((s) => viewOwnerFlashSale(s, products.get(s.productId) ?? null, ctx.now)),
    nextCursor,
  };
}
