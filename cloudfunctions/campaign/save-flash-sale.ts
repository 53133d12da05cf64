// The owner saves a flash sale (a new one, or an edit before it starts): its units move out of the SKUs' stock into
// the sale in the transaction that writes it (the product and the sale by doc(id): both moves or neither), one sale
// per product that has not ended, flash prices below the SKUs' prices, enough stock (core/flash-sale.ts).
import { randomBytes } from 'node:crypto';
import type { CampaignInput, CampaignResults } from '../contracts/campaign';
import { AppError } from '../contracts/errors';
import { pointerOf, saleFromDraft, type FlashSaleRecord } from '../core/flash-sale';
import type { ProductRecord } from '../core/product';
import { transact } from '../data/db';
import { txFindProduct, txFindSale, txMoveStock, txWriteSale } from '../data/flash-sales';
import { endSale } from '../flows/flash-sale';
import type { OwnerContext } from '../platform/handler';
import { viewFlashSale } from './flash-view';

type Outcome = { refused: AppError } | { endFirst: string } | { sale: FlashSaleRecord; product: ProductRecord | null };

/** A product's ended sale still holding units is returned first; then the save runs again (once is enough). */
const ROUNDS = 3;

export async function saveFlashSale(
  input: CampaignInput<'saveFlashSale'>,
  ctx: OwnerContext,
): Promise<CampaignResults['saveFlashSale']> {
  const draft = input.flashSale;
  const id = draft.id ?? randomBytes(6).toString('hex');
  const now = ctx.now;
  for (let round = 1; round <= ROUNDS; round++) {
    const outcome = await transact(ctx.db, async (t): Promise<Outcome> => {
      const existing = draft.id === undefined ? null : await txFindSale(t, id);
      if (draft.id !== undefined && !existing) return { refused: new AppError('campaign.not_found') };
      const product = await txFindProduct(t, draft.productId);
      const pointer = product?.flashSale;
      if (pointer && pointer.id !== id && new Date(pointer.endAt).getTime() <= now.getTime())
        return { endFirst: pointer.id };
      try {
        const { sale, moves } = saleFromDraft(draft, id, product, existing, now);
        if (product) await txMoveStock(t, ctx.db, product, moves, pointerOf(sale));
        await txWriteSale(t, sale);
        return { sale, product };
      } catch (error) {
        if (error instanceof AppError) return { refused: error };
        throw error;
      }
    }).catch(busy);
    if ('refused' in outcome) throw outcome.refused;
    if ('sale' in outcome) return { flashSale: viewFlashSale(outcome.sale, outcome.product, now) };
    await endSale(ctx.db, outcome.endFirst, now, false).catch(busy);
  }
  throw new AppError('campaign.busy');
}

/** A save that lost every retry to orders taking the product's stock: the owner saves again (nothing changed). */
function busy(error: unknown): never {
  if (error instanceof AppError && error.code === 'system.busy') throw new AppError('campaign.busy');
  throw error;
}
