// What buyers see of a product (its lowest price on a card, whether anything is left) and how the owner's edit of
// its SKUs applies: SKUs never move or disappear (orders and reservations address them by position and id), so a
// SKU the owner removes is retired in place and a new one is appended.
import { createHash } from 'node:crypto';
import { minFen, toFen, type Fen } from './money';

export interface SkuRecord {
  id: string;
  spec: string;
  priceFen: number;
  stock: number;
  /** Removed by the owner: no longer shown or sold, kept for the orders that name it. */
  retired?: true;
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
  /** The categories it is in (absent on products saved before categories existed: none). */
  categoryIds?: string[];
}

/** Most SKUs a product document ever holds, retired ones included (the owner may list 50 at a time). */
export const SKU_SLOTS_MAX = 100;

/** The SKUs on sale: the ones the owner has not removed. */
export function activeSkus(product: Pick<ProductRecord, 'skus'>): SkuRecord[] {
  return product.skus.filter((sku) => !sku.retired);
}

/** A card shows the lowest price of the SKUs on sale. */
export function lowestPrice(product: Pick<ProductRecord, 'skus'>): Fen {
  const skus = activeSkus(product);
  return skus.length ? minFen(skus.map((sku) => toFen(sku.priceFen))) : toFen(0);
}

export function isSoldOut(product: Pick<ProductRecord, 'skus'>): boolean {
  return activeSkus(product).every((sku) => sku.stock <= 0);
}

export function stockLeft(product: Pick<ProductRecord, 'skus'>): number {
  return activeSkus(product).reduce((sum, sku) => sum + Math.max(0, sku.stock), 0);
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A short public id derived from the request that makes it, so a retried request makes the same one. */
export function derivedId(prefix: string, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  let id = prefix;
  for (let i = 0; i < 10; i++) id += ALPHABET[digest[i] % 32];
  return id;
}

export interface WantedSku {
  id?: string;
  spec: string;
  priceFen: number;
  initialStock?: number;
}

export type SkuPlan =
  | {
      refused:
        | 'product.sku_unknown'
        | 'product.sku_duplicate'
        | 'product.stock_by_adjustment'
        | 'product.too_many_skus';
    }
  | { skus: SkuRecord[]; created: SkuRecord[] };

/**
 * The product's SKUs after the owner's edit. Listed SKUs with an id keep their position and stock and take the new
 * spec and price; listed ones without an id are new, get `newId(position in the list)` and start at their initial
 * stock; existing ones not listed are retired. A new id that already exists is the same request replayed: it is
 * treated as listed with that id (nothing is added twice).
 */
export function planSkus(
  existing: readonly SkuRecord[],
  wanted: readonly WantedSku[],
  newId: (i: number) => string,
): SkuPlan {
  const byId = new Map(existing.map((sku) => [sku.id, sku]));
  // `derived`: listed without an id, so its id comes from the request (new, or the same request replayed).
  const listed = wanted.map((w, i) => {
    const id = w.id ?? newId(i);
    return { ...w, id, derived: !w.id, isNew: !w.id && !byId.has(id) };
  });
  const specs = new Set(listed.map((w) => w.spec));
  if (specs.size !== listed.length || new Set(listed.map((w) => w.id)).size !== listed.length)
    return { refused: 'product.sku_duplicate' };
  for (const w of listed) {
    if (w.isNew) continue;
    const prior = byId.get(w.id);
    if (!prior || prior.retired) return { refused: 'product.sku_unknown' };
    // A replayed new SKU carries its initial stock again: that is the same request, not a change of stock.
    if (w.initialStock !== undefined && !w.derived) return { refused: 'product.stock_by_adjustment' };
  }
  const keep = new Map(listed.filter((w) => !w.isNew).map((w) => [w.id, w]));
  const skus: SkuRecord[] = existing.map((sku) => {
    const w = keep.get(sku.id);
    if (w) return { id: sku.id, spec: w.spec, priceFen: w.priceFen, stock: sku.stock };
    return { ...sku, retired: true };
  });
  const created = listed
    .filter((w) => w.isNew)
    .map((w) => ({ id: w.id, spec: w.spec, priceFen: w.priceFen, stock: w.initialStock ?? 0 }));
  if (skus.length + created.length > SKU_SLOTS_MAX) return { refused: 'product.too_many_skus' };
  return { skus: [...skus, ...created], created };
}

/**
 * A search's words as a pattern that matches them literally: every character a regular expression gives a meaning
 * to is escaped, so `.*`, `(` or `\\` in a search are plain characters (and an unbalanced one cannot fail the query).
 */
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a past order's line is now: on sale with enough units, fewer than asked, none, or no longer sold. */
export type LineAvailability = 'ok' | 'short' | 'sold_out' | 'off_sale';

/**
 * A past line as it could be bought again: today's price and units of its SKU, and whether `qty` of them can be
 * had. A product gone or off sale, or a SKU retired or unknown, is `off_sale` at price 0 and no stock.
 */
export function lineNow(
  product: Pick<ProductRecord, 'skus' | 'status'> | null | undefined,
  skuId: string,
  qty: number,
): { status: LineAvailability; priceFen: number; stock: number } {
  const sku = product?.status === 'on_sale' ? activeSkus(product).find((s) => s.id === skuId) : undefined;
  if (!sku) return { status: 'off_sale', priceFen: 0, stock: 0 };
  const stock = Math.max(0, sku.stock);
  const status = stock === 0 ? 'sold_out' : stock < qty ? 'short' : 'ok';
  return { status, priceFen: sku.priceFen, stock };
}
