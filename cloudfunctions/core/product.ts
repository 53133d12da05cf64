// What buyers see of a product: its lowest price on a card and whether anything is left.
import { minFen, toFen, type Fen } from './money';

export interface SkuRecord {
  id: string;
  spec: string;
  priceFen: number;
  stock: number;
}

export interface ProductRecord {
  _id: string;
  title: string;
  description: string;
  /** Cloud storage fileIDs (cloud://…), first is the cover. */
  images: string[];
  skus: SkuRecord[];
  commissionRateBp?: number;
  status: 'on_sale' | 'off_sale';
  /** Position in the catalogue, ascending. */
  sort: number;
}

/** A card shows the lowest SKU price. */
export function lowestPrice(product: Pick<ProductRecord, 'skus'>): Fen {
  return minFen(product.skus.map((sku) => toFen(sku.priceFen)));
}

export function isSoldOut(product: Pick<ProductRecord, 'skus'>): boolean {
  return product.skus.every((sku) => sku.stock <= 0);
}
