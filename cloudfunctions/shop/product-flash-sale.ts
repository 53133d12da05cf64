// A product page's flash sale (秒杀) while it is upcoming or live: the flash prices and units left per SKU, from one
// read of the sale the product points to (no query; none at all for a product without a sale). A sale past its end
// is not shown, and its unsold units are sent back to the SKUs as it is read (the scheduler would within a minute).
import type { ProductFlashSale } from '../contracts/campaign';
import { buyerStatus, type WithFlash } from '../core/flash-sale';
import type { Database } from '../data/db';
import { findSalePublic } from '../data/flash-sales';
import { endSaleSoon } from '../flows/flash-sale';

export async function productFlashSale(
  db: Database,
  product: WithFlash,
  now: Date,
): Promise<ProductFlashSale | undefined> {
  const pointer = product.flashSale;
  if (!pointer) return undefined;
  if (new Date(pointer.endAt).getTime() <= now.getTime()) {
    await endSaleSoon(db, pointer.id, now);
    return undefined;
  }
  const sale = await findSalePublic(db, pointer.id);
  if (!sale) return undefined;
  const status = buyerStatus(sale, now);
  if (status === 'ended') return undefined;
  return {
    id: sale._id,
    skus: sale.skus.map((s) => ({ skuId: s.skuId, priceFen: s.priceFen, stockLeft: Math.max(0, s.left) })),
    startAt: new Date(sale.startAt).toISOString(),
    endAt: new Date(sale.endAt).toISOString(),
    perMember: sale.perMember,
    status,
  };
}
