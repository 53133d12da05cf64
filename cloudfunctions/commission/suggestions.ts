// What the sharer might share: a recommendation is worth what the person behind it has used (体验经济), so the
// products they bought and reviewed come first, then those they bought, then the rest of what is on sale.
import type { CommissionResults } from '../contracts/commission';
import { AppError } from '../contracts/errors';
import { lowestPrice } from '../core/product';
import { displayUrls, THUMBNAIL } from '../data/files';
import type { CallContext } from '../platform/handler';
import { listAllProducts } from '../data/products';
import { purchasesOf } from '../data/purchases';
import { reviewedProducts } from '../data/reviews';

const SHOWN = 10;

export async function suggestions(_input: object, ctx: CallContext): Promise<CommissionResults['suggestions']> {
  if (!ctx.openid) throw new AppError('auth.required');
  const [catalogue, bought, reviewed] = await Promise.all([
    listAllProducts(ctx.db),
    purchasesOf(ctx.db, ctx.openid),
    reviewedProducts(ctx.db, ctx.openid),
  ]);
  const rank = (id: string) => (reviewed.has(id) && bought.has(id) ? 0 : bought.has(id) ? 1 : 2);
  const chosen = catalogue
    .filter((p) => p.status === 'on_sale')
    .map((p, order) => ({ p, order }))
    .sort(
      (a, b) =>
        rank(a.p._id) - rank(b.p._id) || (bought.get(b.p._id) ?? 0) - (bought.get(a.p._id) ?? 0) || a.order - b.order,
    )
    .slice(0, SHOWN)
    .map(({ p }) => p);
  const urls = await displayUrls(ctx.cloud, chosen.map((p) => p.images[0]).filter(Boolean), THUMBNAIL);
  return {
    items: chosen.map((p) => ({
      productId: p._id,
      title: p.title,
      image: urls.get(p.images[0] ?? '') ?? '',
      priceFen: lowestPrice(p),
      bought: bought.get(p._id) ?? 0,
      reviewed: reviewed.has(p._id),
    })),
  };
}
