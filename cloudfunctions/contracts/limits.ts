// Every limit the contracts' input schemas enforce and the client also checks or shows (a field's maxlength, a
// form's message, a bad link not worth a request). Plain values only: src/ imports this module as values, and
// must not pull the schema library into the mini program with it (the schemas in order.ts, shop.ts,
// commission.ts and points.ts import valibot and are imported by src/ as types only).

/** Short public ids (products, SKUs): they travel in share links and in a 32-character QR scene. */
export const SHORT_ID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
/** A member's share code: no 0/O, 1/I to misread. */
export const SHARE_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{6}$/;
/** Order ids double as WeChat Pay's out_trade_no (at most 32 of [0-9A-Za-z_-]). */
export const ORDER_ID_PATTERN = /^YJ[0-9A-Z]{16}$/;
export const WITHDRAWAL_ID_PATTERN = /^W[0-9A-Z]{4,40}$/;
/** A client-made idempotency key: a retried request with the same key changes nothing twice. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Trimmed text of `min` to `max` characters (the schemas' `requiredText`, contracts/text.ts). */
export interface TextBounds {
  readonly min: number;
  readonly max: number;
}

// Characters that show nothing: white space (tabs, newlines, NBSP, U+3000, U+FEFF …) and Unicode's
// default-ignorable code points (zero-width space, non-joiner and joiner U+200B–U+200D, word joiner U+2060,
// soft hyphen, Hangul fillers, variation selectors, tags …). Spelt without the `u` flag and property escapes so
// that every mini program engine parses it; text.test.ts holds it equal to /[\s\p{Default_Ignorable_Code_Point}]/u.
const INVISIBLE = [
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner and selector is matched on its own
  /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F]/g,
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner and selector is matched on its own
  /[\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]/g,
  /\uD82F[\uDCA0-\uDCA3]|\uD834[\uDD73-\uDD7A]|[\uDB40-\uDB43][\uDC00-\uDFFF]/g,
];

/**
 * Whether a text has one character that shows. Trimming is not enough: it keeps the zero-width characters, so a
 * name of two U+200B passed a minimum length of 2 and showed as nothing.
 */
export function hasVisibleText(text: string): boolean {
  return INVISIBLE.reduce((rest, invisible) => rest.replace(invisible, ''), text) !== '';
}

// Orders.
/** Most a buyer can take of one SKU in one order. */
export const MAX_LINE_QTY = 99;
export const MAX_LINES = 20;
/** A mainland mobile number: what couriers call. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const ADDRESS_BOUNDS = {
  name: { min: 1, max: 20 },
  region: { min: 2, max: 60 },
  detail: { min: 2, max: 120 },
} as const satisfies Record<string, TextBounds>;
/** The buyer's note to the owner at checkout. */
export const ORDER_NOTE_MAX = 100;
/** A refund's reason: the buyer's request, and the owner's when refusing one. */
export const REFUND_REASON_BOUNDS = { min: 2, max: 200 } as const;
export const CARRIER_BOUNDS = { min: 2, max: 20 } as const;
/**
 * The couriers the owner's ship form offers, each with WeChat's express-company code (the `express_company` of
 * 发货信息管理服务's uploadShippingInfo, from WeChat's list of delivery companies). The buyer's return form offers
 * the same list.
 */
export const COURIERS = [
  { code: 'SF', name: '顺丰速运' },
  { code: 'ZTO', name: '中通快递' },
  { code: 'YTO', name: '圆通速递' },
  { code: 'STO', name: '申通快递' },
  { code: 'YD', name: '韵达快递' },
  { code: 'JTSD', name: '极兔速递' },
  { code: 'JD', name: '京东物流' },
  { code: 'EMS', name: 'EMS' },
  { code: 'YZPY', name: '邮政快递包裹' },
  { code: 'DBL', name: '德邦快递' },
] as const;
export type CourierCode = (typeof COURIERS)[number]['code'];

// After-sale cases (售后).
/** `<orderId>S<n>`: the n-th case of an order. */
export const AFTER_SALE_ID_PATTERN = /^YJ[0-9A-Z]{16}S[0-9]{1,3}$/;
/** The reasons the buyer picks from (the text is free; the form offers these). */
export const AFTER_SALE_REASONS = [
  '不想要了',
  '商品与描述不符',
  '质量问题',
  '少件/漏发',
  '商品破损',
  '发错货',
  '未按约定时间发货',
  '其他',
] as const;
export const AFTER_SALE_DESCRIPTION_MAX = 500;
/**
 * A fileID of a member's photo; whose it is and whether it is stored is the use case's to check (core/photos.ts), so
 * that a photo that is not the caller's own answers `photo.not_yours` rather than a bare `input.invalid`.
 */
export const MEMBER_PHOTO_PATTERN = /^cloud:\/\/[\x21-\x7e]{1,1000}$/;
export const AFTER_SALE_PHOTOS_MAX = 6;
/** The shop's customer service: a phone (mobile or landline) and a WeChat ID, shown in the h5 build. */
export const SERVICE_PHONE_PATTERN = /^[0-9][0-9-]{4,19}$/;
export const SERVICE_WECHAT_PATTERN = /^[A-Za-z][-_A-Za-z0-9]{5,19}$/;
export const TRACKING_NO_PATTERN = /^[A-Za-z0-9-]{6,32}$/;
/** The owner's order search: an order id or the buyer's phone number. */
export const ORDER_QUERY_MAX = 32;

// Commission.
/** Smallest withdrawal: ¥1. */
export const MIN_WITHDRAWAL_FEN = 100;
/** Most one withdrawal may ask for (WeChat's transfer to change caps a single transfer far below this). */
export const MAX_WITHDRAWAL_FEN = 2_000_000;
/** Highest commission rate the owner may set: 50%. */
export const MAX_RATE_BP = 5000;
/** The sharer's own words about a product, on their cards and posters. */
export const SHARER_NOTE_MAX = 60;
/** Why the owner refused a withdrawal. */
export const WITHDRAWAL_REJECT_REASON_BOUNDS = { min: 2, max: 100 } as const;
// Binding history and mute (issue 21).
/** commission.bindingHistory and report.customer show a member's latest this many bindings, newest first. */
export const BINDING_HISTORY_MAX = 50;
/** A member mutes at most this many sharers (不看推荐的人); commission.mutes lists them all. */
export const MUTES_MAX = 100;

// Points.
/** The balance also names the points that expire within this many days. */
export const EXPIRING_SOON_DAYS = 30;
/** Bounds of the owner's points rules (core/rules.ts keeps the same ones for stored values). */
export const POINTS_RULE_BOUNDS = {
  /** Points earned per ¥1 of goods paid. */
  pointsEarnPerYuan: { min: 0, max: 100 },
  /** Points that make ¥1 at checkout. */
  pointsPerYuan: { min: 1, max: 10_000 },
  /** Most of the goods amount points may pay, in basis points. */
  pointsCapBp: { min: 0, max: 9000 },
  welcomePoints: { min: 0, max: 100_000 },
  pointsExpiryDays: { min: 30, max: 3650 },
} as const;

// Shop: settings, reviews, the product desk.
/** Bounds of the owner's shop rules (the points rules' are above); core/rules.ts applies both. */
export const SHOP_RULE_BOUNDS = {
  shippingFeeFen: { min: 0, max: 100_000 },
  freeShippingFromFen: { min: 0, max: 10_000_000 },
  unpaidCancelMinutes: { min: 5, max: 24 * 60 },
  autoConfirmDays: { min: 3, max: 30 },
  afterSaleDays: { min: 1, max: 30 },
  /** The owner answers an after-sale request within this many days, or it is approved automatically. */
  afterSaleReplyDays: { min: 1, max: 7 },
  /** The buyer ships an approved return within this many days, or the case closes. */
  returnShipDays: { min: 3, max: 15 },
  /** Goods shipped back are received automatically this many days after the buyer shipped them. */
  returnReceiveDays: { min: 7, max: 30 },
  commissionRateBp: { min: 0, max: MAX_RATE_BP },
  bindingDays: { min: 1, max: 365 },
} as const;
export const SHOP_NAME_MAX = 20;
/** A catalogue search: 1 to 30 characters after trimming, matched as literal text. */
export const SEARCH_QUERY_BOUNDS = { min: 1, max: 30 } as const;
/** A category's name; a shop keeps at most CATEGORIES_MAX, a product is in at most CATEGORIES_PER_PRODUCT_MAX. */
export const CATEGORY_NAME_BOUNDS = { min: 1, max: 10 } as const;
export const CATEGORIES_MAX = 50;
export const CATEGORIES_PER_PRODUCT_MAX = 5;
export const CATEGORY_SORT_MAX = 9999;
/** Most products one member keeps in their favourites (收藏). */
export const FAVORITES_MAX = 500;
/** Coupons: a name, a face value within one order's ceiling, a percentage off of 1-90, how many and how long. */
export const COUPON_NAME_BOUNDS = { min: 1, max: 20 } as const;
export const COUPON_PERCENT_BOUNDS = { min: 1, max: 90 } as const;
export const COUPON_TOTAL_MAX = 1_000_000;
export const COUPON_PER_MEMBER_MAX = 10;
export const COUPON_VALID_DAYS_MAX = 365;
export const COUPON_PRODUCTS_MAX = 50;
/**
 * The terms a claimed coupon keeps (once anyone holds one, changing them would change what others got): the owner's
 * edit may then change only the name, `total` (not below `claimed`) and `perMember`. The editor sends these back as
 * it loaded them.
 */
export const COUPON_FROZEN_TERMS = [
  'kind',
  'offFen',
  'percentOff',
  'maxOffFen',
  'thresholdFen',
  'scope',
  'productIds',
  'validFrom',
  'validTo',
  'validDays',
] as const;
/** A member coupon's id (`mine` items, `couponId` of quote and create). */
export const MEMBER_COUPON_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Group buying (拼团) and flash sales (秒杀): a group of 2-10 that forms within 1-72 hours; SKUs and units. */
export const GROUP_SIZE_BOUNDS = { min: 2, max: 10 } as const;
export const GROUP_HOURS_BOUNDS = { min: 1, max: 72 } as const;
export const CAMPAIGN_SKUS_MAX = 20;
export const CAMPAIGN_STOCK_MAX = 100_000;
export const CAMPAIGN_PER_MEMBER_MAX = 99;
/** A group's id (the group card's link, `order.create`'s `groupBuy.groupId`). */
export const GROUP_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
// The owner's business view (contracts/report.ts).
/** A customer's key in the owner's lists: a hash of the member's openid (the lists never show openids). */
export const MEMBER_ID_PATTERN = /^[0-9a-f]{16}$/;
export const CUSTOMER_QUERY_MAX = 30;
export const CUSTOMER_TAG_BOUNDS = { min: 1, max: 8 } as const;
export const CUSTOMER_TAGS_MAX = 10;
/** The owner's tags the customer list offers as filters (the most used). */
export const CUSTOMER_TAGS_SHOWN = 50;
/** The longest range of one export of orders, in China days. */
export const EXPORT_DAYS_MAX = 366;
/** A fileID the owner passes (an uploaded CSV). */
export const FILE_ID_MAX = 1000;
/** An import of shipments: at most this many bytes and rows per file. */
export const IMPORT_BYTES_MAX = 1_048_576;
export const IMPORT_ROWS_MAX = 2_000;
/** Days an export or an imported CSV stays in storage (they hold addresses); then the scheduler deletes it. */
export const REPORT_FILE_DAYS = 7;
export const REVIEW_TEXT_MAX = 500;
export const REVIEW_PHOTOS_MAX = 6;
export const REVIEW_REPLY_MAX = 200;
/** Why the owner hid a review (optional). */
export const REVIEW_HIDE_REASON_MAX = 100;
export const PRODUCT_TITLE_MAX = 60;
export const PRODUCT_DESCRIPTION_MAX = 2000;
export const PRODUCT_PHOTOS_MAX = 9;
export const PRODUCT_SKUS_MAX = 50;
export const SKU_SPEC_MAX = 30;
/** ¥50,000: one SKU never costs more than an order may (core/pricing MAX_PAYABLE_FEN). */
export const SKU_PRICE_MAX_FEN = 5_000_000;
export const STOCK_MAX = 1_000_000;
export const STOCK_REASON_MAX = 50;
// The sharer's kit (一键发圈): the owner's Moments material of a product (shop.saveMaterial).
export const MATERIAL_TEXTS_MAX = 3;
export const MATERIAL_TEXT_MAX = 500;
/** WeChat Moments takes at most 9 pictures: the owner's, the sharer's review photos and the poster share them. */
export const MATERIAL_IMAGES_MAX = 9;

// Cloud storage.
/**
 * Folders of what members upload themselves, each file at `<folder>/<uploader's openid>/<name>`: the storage rule
 * lets a member write only under their own openid, and the functions accept a member's photo only from there
 * (core/photos.ts `isOwnPhoto`).
 */
export const MEMBER_UPLOAD_FOLDERS = { review: 'reviews', afterSale: 'aftersales' } as const;
/**
 * Folders of the shop's images, uploaded by an owner from the phone. The storage rule cannot tell an owner (owners
 * live in the database), so these uploads take the same `<folder>/<uploader's openid>/<name>` shape and the
 * owner-only functions decide which files become the shop's images.
 */
export const SHOP_UPLOAD_FOLDERS = { product: 'products', logo: 'shop', imports: 'imports' } as const;
/** Every folder a client uploads to (the storage rule's and the emulator's list). */
export const UPLOAD_FOLDERS: readonly string[] = [
  ...Object.values(MEMBER_UPLOAD_FOLDERS),
  ...Object.values(SHOP_UPLOAD_FOLDERS),
];

// The sharer's track record (issue 21): what friends see of a sharer on the trust card.
/** The referred orders' refund rate is shown only once this many paid orders were attributed to the sharer. */
export const REFERRED_ORDERS_MIN = 5;
