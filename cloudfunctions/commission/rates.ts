// Commission rates: the shop default and per-product overrides. A change applies to orders placed after it
// (each order keeps the rates it was placed with).
import type { CommissionInput, RateTable } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import type { CallContext, OwnerContext } from '../platform/handler';
import { findProduct, listAllProducts, setProductRate } from '../data/products';
import { saveRules } from '../data/settings';

export async function rates(_input: object, ctx: OwnerContext): Promise<RateTable> {
  return rateTable(ctx, ctx.settings.rules.commissionRateBp);
}

export async function setRate(input: CommissionInput<'setRate'>, ctx: OwnerContext): Promise<RateTable> {
  if (input.productId === undefined) {
    if (input.rateBp === null) throw new AppError('input.invalid', '店铺默认佣金比例不能为空');
    await saveRules(ctx.db, { commissionRateBp: input.rateBp });
    return rateTable(ctx, input.rateBp);
  }
  if (!(await findProduct(ctx.db, input.productId))) throw new AppError('product.not_found');
  await setProductRate(ctx.db, input.productId, input.rateBp);
  return rateTable(ctx, ctx.settings.rules.commissionRateBp);
}

async function rateTable(ctx: CallContext, defaultRateBp: number): Promise<RateTable> {
  const products = await listAllProducts(ctx.db);
  return {
    defaultRateBp,
    products: products.map((p) => ({ id: p._id, title: p.title, rateBp: p.commissionRateBp ?? null })),
  };
}
