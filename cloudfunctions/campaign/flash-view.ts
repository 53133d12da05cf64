// A flash sale as the owner sees it: each SKU's spec, flash and normal price, units set aside and left; its state.
import type { FlashSale, OwnerFlashSale } from '../contracts/campaign';
import { saleStatus, type FlashSaleRecord } from '../core/flash-sale';
import type { ProductRecord } from '../core/product';

export function viewFlashSale(sale: FlashSaleRecord, product: ProductRecord | null, now: Date): FlashSale {
  return {
    id: sale._id,
    productId: sale.productId,
    skus: sale.skus.map((s) => {
      const sku = product?.skus.find((k) => k.id === s.skuId);
      return {
        skuId: s.skuId,
        spec: sku?.spec ?? '',
        priceFen: s.priceFen,
        originalFen: sku?.priceFen ?? s.priceFen,
        stock: s.stock,
        stockLeft: s.left,
      };
    }),
    startAt: new Date(sale.startAt).toISOString(),
    endAt: new Date(sale.endAt).toISOString(),
    perMember: sale.perMember,
    status: saleStatus(sale, now),
  };
}

export function viewOwnerFlashSale(sale: FlashSaleRecord, product: ProductRecord | null, now: Date): OwnerFlashSale {
  return {
    ...viewFlashSale(sale, product, now),
    title: product?.title ?? '',
    sold: sale.skus.reduce((n, s) => n + s.sold, 0),
  };
}
