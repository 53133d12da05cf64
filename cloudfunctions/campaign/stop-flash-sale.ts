// The owner stops a flash sale now: its price ends and its unsold units go back to the SKUs in the same
// transaction (flows/flash-sale.ts endSale). Units unpaid orders hold go back to the SKUs when those are cancelled.
// Stopping a sale that has ended already changes nothing.
import type { CampaignInput, CampaignResults } from '../contracts/campaign';
import { AppError } from '../contracts/errors';
import { findProduct } from '../data/products';
import { endSale } from '../flows/flash-sale';
import type { OwnerContext } from '../platform/handler';
import { viewFlashSale } from './flash-view';

export async function stopFlashSale(
  input: CampaignInput<'stopFlashSale'>,
  ctx: OwnerContext,
): Promise<CampaignResults['stopFlashSale']> {
  const sale = await endSale(ctx.db, input.id, ctx.now, true).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'system.busy') throw new AppError('campaign.busy');
    throw error;
  });
  if (!sale) throw new AppError('campaign.not_found');
  return { flashSale: viewFlashSale(sale, await findProduct(ctx.db, sale.productId), ctx.now) };
}
