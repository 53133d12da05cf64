// The `shop` function: actions, input schemas and result types. src/ imports these as types only.
import * as v from 'valibot';
import type { ProductFlashSale } from './campaign';
import {
  CATEGORIES_PER_PRODUCT_MAX,
  CATEGORY_NAME_BOUNDS,
  CATEGORY_SORT_MAX,
  FILE_ID_MAX,
  MATERIAL_IMAGES_MAX,
  MATERIAL_TEXT_MAX,
  MATERIAL_TEXTS_MAX,
  MEMBER_PHOTO_PATTERN,
  ORDER_ID_PATTERN,
  POINTS_RULE_BOUNDS,
  PRODUCT_DESCRIPTION_MAX,
  PRODUCT_PHOTOS_MAX,
  PRODUCT_SKUS_MAX,
  PRODUCT_TITLE_MAX,
  REQUEST_ID_PATTERN,
  REVIEW_HIDE_REASON_MAX,
  REVIEW_PHOTOS_MAX,
  REVIEW_REPLY_MAX,
  REVIEW_TEXT_MAX,
  SEARCH_QUERY_BOUNDS,
  SHARE_CODE_PATTERN,
  SHOP_NAME_MAX,
  SERVICE_PHONE_PATTERN,
  SERVICE_WECHAT_PATTERN,
  SHOP_RULE_BOUNDS,
  SHORT_ID_PATTERN,
  SKU_PRICE_MAX_FEN,
  SKU_SPEC_MAX,
  STOCK_MAX,
  STOCK_REASON_MAX,
} from './limits';
import { address, type Address } from './order';
import { optionalText, requiredText } from './text';

// Where the functions and tests have always imported them from (the limits live in ./limits, free of valibot).
export {
  MEMBER_PHOTO_PATTERN,
  PRODUCT_DESCRIPTION_MAX,
  PRODUCT_PHOTOS_MAX,
  PRODUCT_SKUS_MAX,
  PRODUCT_TITLE_MAX,
  REVIEW_PHOTOS_MAX,
  REVIEW_TEXT_MAX,
  SHOP_NAME_MAX,
  SHOP_RULE_BOUNDS,
  SKU_PRICE_MAX_FEN,
  SKU_SPEC_MAX,
  STOCK_MAX,
  STOCK_REASON_MAX,
} from './limits';

export const SHOP_FUNCTION = 'shop';

const shortId = v.pipe(v.string(), v.regex(SHORT_ID_PATTERN, 'id'));
const shareCode = v.pipe(v.string(), v.regex(SHARE_CODE_PATTERN, 'shareCode'));

/** A review's id is its order line: `<orderId>:<skuId>`. */
const reviewIdSchema = v.pipe(v.string(), v.regex(/^YJ[0-9A-Z]{16}:[A-Za-z0-9_-]{1,16}$/, 'reviewId'));

const bounded = (b: { min: number; max: number }) =>
  v.optional(v.pipe(v.number(), v.integer(), v.minValue(b.min), v.maxValue(b.max)));
const allRuleBounds = { ...SHOP_RULE_BOUNDS, ...POINTS_RULE_BOUNDS };

/** A product photo: a file in the shop's own cloud storage, under `products/`. */
export const PRODUCT_PHOTO_PATTERN = /^cloud:\/\/[A-Za-z0-9._-]+\/products\/[A-Za-z0-9._/-]{1,200}$/;
/** The shop's logo: a file in its own cloud storage, under `shop/`. */
export const SHOP_LOGO_PATTERN = /^cloud:\/\/[A-Za-z0-9._-]+\/shop\/[A-Za-z0-9._/-]{1,200}$/;
const requestId = v.pipe(v.string(), v.regex(REQUEST_ID_PATTERN, 'requestId'));
const stockCount = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(STOCK_MAX));

const cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)));

export const shopInputs = {
  session: v.strictObject({}),
  listProducts: v.strictObject({
    /** Only the products of this category (an unknown one lists nothing). */
    categoryId: v.optional(shortId),
    /** Words in a product's title or a SKU's spec, case-insensitive, as literal text (no pattern). */
    q: v.optional(
      v.pipe(v.string(), v.trim(), v.minLength(SEARCH_QUERY_BOUNDS.min), v.maxLength(SEARCH_QUERY_BOUNDS.max)),
    ),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  getProduct: v.strictObject({
    id: shortId,
    s: v.optional(shareCode),
  }),
  /** The shop's categories, in the owner's order (`sort`, then name). */
  categories: v.strictObject({}),
  /** Creates (no `id`) or renames and re-sorts a category. */
  saveCategory: v.strictObject({
    id: v.optional(shortId),
    name: requiredText(CATEGORY_NAME_BOUNDS),
    sort: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(CATEGORY_SORT_MAX)),
    /** A picture for the category (uploaded under `products/`); absent: unchanged (none for a new one); null: none. */
    image: v.optional(v.nullable(v.pipe(v.string(), v.regex(PRODUCT_PHOTO_PATTERN, 'image')))),
  }),
  /** Removes a category; its products stay, they only leave it. */
  removeCategory: v.strictObject({ id: shortId }),
  /** Keeps (`on`) or drops a product in the caller's favourites; the same call twice changes nothing. */
  favorite: v.strictObject({ productId: shortId, on: v.boolean() }),
  /** The caller's favourites, the latest first (a product taken off sale stays, marked). */
  favorites: v.strictObject({ cursor, limit }),
  /** A verified buyer's review of one line of their completed order (once per line). */
  review: v.strictObject({
    orderId: v.pipe(v.string(), v.regex(ORDER_ID_PATTERN, 'orderId')),
    skuId: shortId,
    rating: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
    text: optionalText(REVIEW_TEXT_MAX),
    /** fileIDs of photos the buyer uploaded to the shop's storage under `reviews/<their openid>/`. */
    photos: v.optional(
      v.pipe(v.array(v.pipe(v.string(), v.regex(MEMBER_PHOTO_PATTERN, 'photo'))), v.maxLength(REVIEW_PHOTOS_MAX)),
    ),
  }),
  /** The caller's own review of one line of their order, whatever became of it (a withdrawn one is marked). */
  myReview: v.strictObject({
    orderId: v.pipe(v.string(), v.regex(ORDER_ID_PATTERN, 'orderId')),
    skuId: shortId,
  }),
  listReviews: v.strictObject({
    productId: shortId,
    /** Only reviews with photos. */
    photos: v.optional(v.boolean()),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  replyReview: v.strictObject({
    reviewId: reviewIdSchema,
    reply: requiredText({ min: 1, max: REVIEW_REPLY_MAX }),
  }),
  /** The owner's list of every review, newest first; `hidden` lists only the hidden ones. */
  ownerReviews: v.strictObject({
    view: v.optional(v.picklist(['all', 'hidden'] as const)),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  /** Creates (no `id`) or edits a product. SKUs keep their ids; a listed SKU without an id is new and takes
   * `initialStock`; an existing SKU left out is retired (kept for past orders, no longer sold). Stock of existing
   * SKUs changes only through setStock. */
  saveProduct: v.strictObject({
    id: v.optional(shortId),
    requestId,
    title: requiredText({ min: 1, max: PRODUCT_TITLE_MAX }),
    description: optionalText(PRODUCT_DESCRIPTION_MAX),
    photos: v.pipe(
      v.array(v.pipe(v.string(), v.regex(PRODUCT_PHOTO_PATTERN, 'photo'))),
      v.minLength(1),
      v.maxLength(PRODUCT_PHOTOS_MAX),
    ),
    skus: v.pipe(
      v.array(
        v.strictObject({
          id: v.optional(shortId),
          spec: requiredText({ min: 1, max: SKU_SPEC_MAX }),
          priceFen: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SKU_PRICE_MAX_FEN)),
          initialStock: v.optional(stockCount),
        }),
      ),
      v.minLength(1),
      v.maxLength(PRODUCT_SKUS_MAX),
    ),
    /** The product's own commission rate; null: the shop default applies. */
    commissionRateBp: v.nullable(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(SHOP_RULE_BOUNDS.commissionRateBp.min),
        v.maxValue(SHOP_RULE_BOUNDS.commissionRateBp.max),
      ),
    ),
    /** The categories the product is in (each once; absent: unchanged, or none for a new product). */
    categoryIds: v.optional(
      v.pipe(
        v.array(shortId),
        v.maxLength(CATEGORIES_PER_PRODUCT_MAX),
        v.check((ids) => new Set(ids).size === ids.length, 'categoryIds'),
      ),
    ),
    /** Only when creating: whether the new product goes on sale at once (default off sale). */
    status: v.optional(v.picklist(['on_sale', 'off_sale'] as const)),
  }),
  /** Adds (delta > 0) or removes (delta < 0) units of one SKU, with why; never below zero. */
  setStock: v.strictObject({
    productId: shortId,
    skuId: shortId,
    requestId,
    delta: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(-STOCK_MAX),
      v.maxValue(STOCK_MAX),
      v.check((d) => d !== 0, 'delta'),
    ),
    reason: requiredText({ min: 1, max: STOCK_REASON_MAX }),
  }),
  setSaleStatus: v.strictObject({ productId: shortId, status: v.picklist(['on_sale', 'off_sale'] as const) }),
  /** The owner's catalogue: every product, searched by title and filtered, in catalogue order. */
  ownerProducts: v.strictObject({
    query: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(PRODUCT_TITLE_MAX))),
    filter: v.optional(v.picklist(['all', 'on_sale', 'off_sale', 'sold_out'] as const)),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  /** One product as the editor shows it (photos as fileIDs with display URLs, stock per SKU). */
  ownerProduct: v.strictObject({ id: shortId }),
  /** A product's stock ledger, newest first. */
  stockLedger: v.strictObject({
    productId: shortId,
    cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  settings: v.strictObject({}),
  /** Any of: the shop's name, rule values (each within its bounds), an owner added or removed by member code. */
  updateSettings: v.strictObject({
    shopName: v.optional(requiredText({ min: 1, max: SHOP_NAME_MAX })),
    /** The logo's fileID (uploaded under `shop/`). */
    logo: v.optional(v.pipe(v.string(), v.regex(SHOP_LOGO_PATTERN, 'logo'))),
    rules: v.optional(
      v.strictObject(
        Object.fromEntries(Object.entries(allRuleBounds).map(([k, b]) => [k, bounded(b)])) as {
          [K in keyof typeof allRuleBounds]: ReturnType<typeof bounded>;
        },
      ),
    ),
    addOwner: v.optional(shareCode),
    removeOwner: v.optional(shareCode),
    /** The shop's customer service for the h5 build ('' clears a field). */
    service: v.optional(
      v.strictObject({
        phone: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.regex(SERVICE_PHONE_PATTERN, 'phone'))])),
        wechatId: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.regex(SERVICE_WECHAT_PATTERN, 'wechatId'))])),
      }),
    ),
    /** Where returned goods go (the default of an approved return). */
    returnAddress: v.optional(address),
    /** Upload shipping info to WeChat (发货信息管理服务) when an order ships; off for shops outside the service. */
    shippingInfoUpload: v.optional(v.boolean()),
  }),
  /** Hides an abusive review from the public (it stays in the data, marked), or shows it again. */
  hideReview: v.strictObject({
    reviewId: reviewIdSchema,
    hidden: v.boolean(),
    reason: v.optional(optionalText(REVIEW_HIDE_REASON_MAX)),
  }),
  /** The product's Moments material (一键发圈): the owner's words and pictures, replaced whole. Each image must be a
   * file the shop uploaded to `products/` in this env (else `material.image_not_shop`). */
  saveMaterial: v.strictObject({
    productId: shortId,
    texts: v.pipe(
      v.array(requiredText({ min: 1, max: MATERIAL_TEXT_MAX })),
      v.minLength(1),
      v.maxLength(MATERIAL_TEXTS_MAX),
    ),
    images: v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(FILE_ID_MAX))),
      v.maxLength(MATERIAL_IMAGES_MAX),
      v.check((ids) => new Set(ids).size === ids.length, 'images'),
    ),
  }),
  /** The owner's editor reads the material back (texts [] and images [] when none was saved). */
  ownerMaterial: v.strictObject({ productId: shortId }),
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
  categoryIds: string[];
}

export interface Category {
  id: string;
  name: string;
  sort: number;
  /** Display URL of its picture, when it has one. */
  image?: string;
  /** Owner views only: its fileID and how many products are in it. */
  imageFileId?: string;
  products?: number;
}

/** A product in the caller's favourites, as a card, with when it was kept and whether it is still on sale. */
export interface FavoriteItem extends ProductCard {
  favoritedAt: string;
  offSale: boolean;
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
  /**
   * The member's own openid, given to them alone: their uploads go under `<folder>/<openid>/` (MEMBER_UPLOAD_FOLDERS),
   * the only place the storage rule lets them write. Never part of what other members see.
   */
  openid: string;
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
  /** 联系客服 in the h5 build (weapp opens WeChat's own customer service). */
  service: ShopService;
}

export interface ProductPage {
  items: ProductCard[];
  nextCursor: string | null;
  /** The first page only: the shop's name and logo (a thumbnail URL, '' without one) for the storefront. */
  shop?: { name: string; logo: string };
}

export interface Review {
  /** `<orderId>:<skuId>`. */
  id: string;
  productId: string;
  spec: string;
  nickname: string;
  rating: number;
  text: string;
  /** Display URLs of the photos the viewer may see (others: only those content security passed). */
  photos: string[];
  /** The author's views only: those of `photos` still waiting for content security (others do not see them yet). */
  pendingPhotos?: string[];
  /** The author's views only: how many photos did not pass content security (hidden from everyone). */
  rejectedPhotos?: number;
  createdAt: string;
  reply?: { text: string; at: string };
  /** Owner views only: hidden from the public, with why. */
  hidden?: { at: string; reason?: string };
  /**
   * The owner's views and the buyer's own: no longer public (not listed, not counted) because its order was
   * refunded in full.
   */
  withdrawn?: { at: string; reason: 'refunded' };
  /** Owner views only: the product's title. */
  productTitle?: string;
}

export interface ReviewSummary {
  /** Visible reviews. */
  count: number;
  /** Their average rating to one decimal, null when there are none. */
  avgRating: number | null;
  withPhotos: number;
}

/**
 * The sharer as friends see them on the trust card (issue 21): their track record, counted by the shop from its
 * orders and reviews (core/track-record.ts), never declared. The sharer's centre shows the same (`MyStats`).
 */
export interface TrustedSharer {
  nickname: string;
  shareCode: string;
  /** When they joined the shop (their member record was made). */
  memberSince: string;
  /** Distinct products with some unit bought in a completed order and not refunded. */
  keptProducts: number;
  /** Visible reviews they wrote (hidden and withdrawn ones left out). */
  reviews: number;
  /**
   * Of the paid orders attributed to them, the share refunded in whole or in part, in whole percent; present only
   * from REFERRED_ORDERS_MIN (5) such orders on.
   */
  referredRefundRate?: number;
}

export interface ProductDetail {
  product: Product;
  trust: {
    sharer?: TrustedSharer;
    note?: string;
    /** The sharer's own completed, unrefunded orders of this product (counted by the shop, never declared). */
    sharerVerifiedPurchases?: number;
    /** The sharer's own review of this product, if they wrote one and it is visible. */
    sharerReview?: Review;
  };
  reviews: ReviewSummary & {
    /** The latest visible reviews, those with photos first. */
    latest: Review[];
    /** Members who completed an order of it in the last 30 days. */
    boughtLast30Days: number;
  };
  /** The caller's own note on this product (what their cards and posters say), when they wrote one. */
  myNote?: string;
  /** In the caller's favourites. */
  favorited: boolean;
  /** The product's flash sale (秒杀) while one is upcoming or live. */
  flashSale?: ProductFlashSale;
}

/** A product as the owner's list shows it. */
export interface OwnerProductCard {
  id: string;
  title: string;
  /** The cover as a thumbnail URL ('' without one). */
  image: string;
  /** The lowest price of the SKUs on sale. */
  priceFen: number;
  /** Units left over the SKUs on sale. */
  stock: number;
  skuCount: number;
  status: 'on_sale' | 'off_sale';
  soldOut: boolean;
}

/** A product as the editor shows it. */
export interface OwnerProductDetail {
  id: string;
  title: string;
  description: string;
  photos: Array<{ fileId: string; url: string }>;
  /** The SKUs on sale (retired ones are left out). */
  skus: Sku[];
  /** null: the shop default applies. */
  commissionRateBp: number | null;
  defaultCommissionRateBp: number;
  status: 'on_sale' | 'off_sale';
  categoryIds: string[];
}

/** One change of one SKU's stock: who, when, how much, why, and what was left after it. */
export interface StockEntry {
  id: string;
  skuId: string;
  spec: string;
  delta: number;
  stockAfter: number;
  reason: string;
  /** Who made it (the owner's nickname). */
  by: string;
  at: string;
}

export interface ShopSettings {
  shopName: string;
  /** The logo (fileID and display URL), when the shop has one. */
  logo?: { fileId: string; url: string };
  /** Every rule number (ShopRules in core/rules.ts): fees in fen, rates in basis points, times in minutes or days. */
  rules: Record<keyof typeof SHOP_RULE_BOUNDS | keyof typeof POINTS_RULE_BOUNDS, number>;
  owners: Array<{ nickname: string; shareCode: string; isMe: boolean }>;
  service: ShopService;
  returnAddress: Address | null;
  shippingInfoUpload: boolean;
}

/** The shop's customer service contacts ('' when not set). */
export interface ShopService {
  phone: string;
  wechatId: string;
}

/** The owner's Moments material of a product, as the 素材 editor shows it. */
export interface OwnerMaterial {
  productId: string;
  texts: string[];
  images: Array<{ fileId: string; url: string }>;
  /** ISO time of the last save; null when none was saved. */
  updatedAt: string | null;
}

export interface ShopResults {
  saveMaterial: { material: OwnerMaterial };
  ownerMaterial: { material: OwnerMaterial };
  saveProduct: { product: OwnerProductDetail };
  setStock: { sku: Sku; entry: StockEntry };
  setSaleStatus: { id: string; status: 'on_sale' | 'off_sale' };
  ownerProducts: { items: OwnerProductCard[]; nextCursor: string | null };
  ownerProduct: OwnerProductDetail;
  stockLedger: { items: StockEntry[]; nextCursor: string | null };
  settings: ShopSettings;
  updateSettings: ShopSettings;
  session: SessionResult;
  listProducts: ProductPage;
  getProduct: ProductDetail;
  review: { review: Review };
  myReview: { review: Review | null };
  listReviews: { items: Review[]; nextCursor: string | null; summary: ReviewSummary };
  ownerReviews: { items: Review[]; nextCursor: string | null };
  replyReview: { review: Review };
  hideReview: { review: Review };
  categories: { items: Category[] };
  saveCategory: { category: Category };
  removeCategory: { id: string };
  favorite: { productId: string; favorited: boolean };
  favorites: { items: FavoriteItem[]; nextCursor: string | null };
}
