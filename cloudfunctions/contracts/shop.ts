// The `shop` function: actions, input schemas and result types. src/ imports these as types only.
import * as v from 'valibot';

export const SHOP_FUNCTION = 'shop';

/** Short public ids (products, SKUs): they travel in share links and in a 32-character QR scene. */
const shortId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,16}$/, 'id'));
const shareCode = v.pipe(v.string(), v.regex(/^[A-Z2-9]{6}$/, 'shareCode'));

export const shopInputs = {
  session: v.strictObject({}),
  listProducts: v.strictObject({
    cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  getProduct: v.strictObject({
    id: shortId,
    s: v.optional(shareCode),
  }),
};

export type ShopAction = keyof typeof shopInputs;
export type ShopInput<A extends ShopAction> = v.InferOutput<(typeof shopInputs)[A]>;

export interface Sku {
  id: string;
  spec: string;
  priceFen: number;
  stock: number;
}

export interface Product {
  id: string;
  title: string;
  description: string;
  /** Display URLs of the photos (temporary URLs of cloud storage files). */
  images: string[];
  /** The lowest SKU price: what a card shows. */
  priceFen: number;
  skus: Sku[];
  commissionRateBp?: number;
  status: 'on_sale' | 'off_sale';
}

export interface ProductCard {
  id: string;
  title: string;
  image: string;
  priceFen: number;
  soldOut: boolean;
}

export interface Member {
  id: string;
  shareCode: string;
  nickname: string;
  isOwner: boolean;
  isMember: boolean;
  points: { available: number; pending: number };
}

export interface Binding {
  sharerCode: string;
  nickname: string;
  until: string;
}

export interface SessionResult {
  user: Member;
  binding: Binding | null;
}

export interface ProductPage {
  items: ProductCard[];
  nextCursor: string | null;
}

export interface ProductDetail {
  product: Product;
  trust: {
    sharer?: { nickname: string; shareCode: string };
    note?: string;
    sharerVerifiedPurchases?: number;
  };
  reviews: { count: number; avgRating: number | null };
  /** The caller's own note on this product (what their cards and posters say), when they wrote one. */
  myNote?: string;
}

export interface ShopResults {
  session: SessionResult;
  listProducts: ProductPage;
  getProduct: ProductDetail;
}
