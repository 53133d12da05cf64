// The collections of the shop and the indexes each needs. This is the one place they are declared:
// - the local emulator creates these collections at start and keeps these indexes (equality lookups on the
//   first field of an index never scan the collection; a sort on an index's fields after those the query pins, then
//   `_id`, reads only its page, in SQLite: emulator/order-plan.ts; unique indexes refuse duplicates like MongoDB's
//   E11000);
// - in production, `npm run deploy` (scripts/deploy/) creates the same collections and indexes in CloudBase,
//   ascending, unique where `unique: true`, and gives every collection the rule `{ read: false, write: false }`:
//   clients reach data only through cloud functions.

export interface IndexSpec {
  /** Fields of the index, in order (dot paths allowed). */
  readonly fields: readonly string[];
  readonly unique?: boolean;
  /** Name in CloudBase; defaults to the fields joined with "_" (a dotted path's '.' also becoming '_'). */
  readonly name?: string;
}

export interface CollectionSpec {
  readonly indexes: readonly IndexSpec[];
}

export const collections = {
  settings: { indexes: [] },
  users: {
    indexes: [
      { fields: ['openid'], unique: true },
      { fields: ['shareCode'], unique: true },
    ],
  },
  products: {
    indexes: [
      /** A category's products (listProducts `categoryId`); first, so the emulator picks it over `status`. */
      { fields: ['categoryIds', 'status', 'sort'] },
      { fields: ['status', 'sort'] },
    ],
  },
  /** The shop's categories (at most CATEGORIES_MAX); a name is used once. */
  categories: { indexes: [{ fields: ['name'], unique: true }, { fields: ['sort', 'name'] }] },
  /** A member's favourites, `_id` = `<openid>:<productId>` (one per member and product), newest first. */
  favorites: { indexes: [{ fields: ['memberId', 'at'] }] },
  orders: {
    indexes: [
      { fields: ['buyerId', 'createdAt'] },
      { fields: ['status', 'createdAt'] },
      /**
       * The owner's 全部 orders, newest first (order.ownerList without a view or a search), and the owner's export of
       * the orders placed in a range, oldest first (report/export-orders.ts).
       */
      { fields: ['createdAt'] },
      { fields: ['requestKey'], unique: true },
      { fields: ['address.phone'] },
      { fields: ['day'] },
      { fields: ['paidDay'] },
      { fields: ['commissionState', 'status'] },
      { fields: ['pointsEarn', 'status'] },
      { fields: ['pointsBack'] },
      { fields: ['purchase', 'status'] },
      { fields: ['reviewsState'] },
      /** Shipping info due for an upload to WeChat (scheduler/jobs/upload-shipping.ts). */
      { fields: ['shippingSync.retryAt'] },
      /** Group orders still holding a slot after they ended (scheduler/jobs/group-deadlines.ts). */
      { fields: ['group.holds', 'status'] },
      /** Payments and refunds the rollups have not folded yet (flows/stats.ts, scheduler/jobs/fold-stats.ts). */
      { fields: ['statsDue'] },
      /** Orders attributed to a sharer and paid: their track record's refund rate (flows/track-record.ts). */
      { fields: ['sharer.id', 'paidAt'] },
    ],
  },
  /** Stock changes other than orders' reservations (initial stock, the owner's adjustments), `_id` = key. */
  stock_ledger: { indexes: [{ fields: ['key'], unique: true }, { fields: ['productId', 'at'] }] },
  /** One document per buyer (`_id` = the buyer's openid): their current binding; nothing records a chain. */
  bindings: { indexes: [{ fields: ['sharerId'] }] },
  /** First visits: `_id` = sharer|product|channel|visitor and sharer|visitor, so a repeat visit is a duplicate. */
  visits: { indexes: [] },
  /** A sharer's counters: `<sharerId>:visits`, `<sharerId>:money`, and `<sharerId>:b:<buyerId>` buyer markers. */
  sharer_stats: { indexes: [{ fields: ['kind', 'gmvFen'] }] },
  /** The shop's rollups, one document per China day, `_id` = the day (core/stats.ts). */
  shop_stats: { indexes: [{ fields: ['day'] }] },
  /** Exports and imported CSVs, `_id` = a hash of the fileID: storage cannot list files, so this is their list. */
  report_files: { indexes: [{ fields: ['createdAt'] }] },
  /** A member with a paid order, `_id` = their member id (core/member-id.ts): the owner's customer list. */
  customers: {
    indexes: [{ fields: ['lastOrderAt'] }, { fields: ['paidFen'] }, { fields: ['orders'] }, { fields: ['tags'] }],
  },
  /** Commission lines, `_id` = `<orderId>:<skuId>`: the sharer's ledger. */
  commissions: { indexes: [{ fields: ['sharerId', 'createdAt'] }, { fields: ['orderId'] }] },
  withdrawals: { indexes: [{ fields: ['sharerId', 'requestedAt'] }, { fields: ['status', 'requestedAt'] }] },
  /** A sharer's note per product, `_id` = `<sharerId>:<productId>`. */
  notes: { indexes: [] },
  /** The owner's Moments material per product (一键发圈), `_id` = the product id. */
  materials: { indexes: [] },
  /** One document per member (`_id` = openid): the lots of points and their totals. */
  points_accounts: { indexes: [{ fields: ['nextExpiryAt'] }] },
  /** Points ledger entries, `_id` = the entry's idempotency key (`<orderId>:earn`, `<openid>:welcome` …). */
  points_ledger: { indexes: [{ fields: ['key'], unique: true }, { fields: ['userId', 'at'] }] },
  /** Reviews, `_id` = the order line `<orderId>:<skuId>` (one each). */
  reviews: {
    indexes: [
      { fields: ['productId', 'hidden', 'createdAt'] },
      { fields: ['productId', 'hidden', 'hasPhotos', 'createdAt'] },
      { fields: ['buyerId', 'productId'] },
      { fields: ['hidden', 'createdAt'] },
      { fields: ['createdAt'] },
      /** Content security: the verdict event names a photo's trace id; the scheduler asks again when due. */
      { fields: ['photoChecks.traceId'] },
      { fields: ['photoCheckDue'] },
    ],
  },
  /** A sharer's track record as last counted, `_id` = their openid: serves product pages for a few minutes. */
  track_records: { indexes: [] },
  /** Visible reviews' counters per product (`_id` = productId), kept with every review change. */
  product_stats: { indexes: [] },
  /** After-sale cases, `_id` = `<orderId>S<n>`. */
  after_sales: {
    indexes: [
      { fields: ['orderId', 'createdAt'] },
      { fields: ['buyerId', 'createdAt'] },
      { fields: ['status', 'sortAt'] },
      { fields: ['status', 'deadline'] },
      { fields: ['status', 'refundAskedAt'] },
      /** Content security of evidence photos, as for reviews. */
      { fields: ['photoChecks.traceId'] },
      { fields: ['photoCheckDue'] },
    ],
  },
  /** Verified purchases per member and product (`_id` = `<openid>:<productId>`). */
  purchases: { indexes: [{ fields: ['productId', 'lastAt'] }, { fields: ['buyerId'] }] },
  /** Coupons the owner issued; `claimed` kept with the member coupons in one transaction per claim. */
  coupons: { indexes: [{ fields: ['stopped', 'createdAt'] }, { fields: ['createdAt'] }] },
  /** Claimed coupons, `_id` = `<couponId>_<openid hash>_<n>` (a member's n-th claim of it: made once). */
  member_coupons: {
    indexes: [
      { fields: ['ownerId', 'claimedAt'] },
      { fields: ['ownerId', 'validTo'] },
      { fields: ['couponId', 'orderId'] },
    ],
  },
  /** A buyer's bindings, `_id` = `<buyer>:<since ms>` (one per binding, written again on a replay), newest first. */
  binding_history: { indexes: [{ fields: ['buyerId', 'since'] }] },
  /**
   * Friends' choices about a sharer, `_id` = `<kind>:<shareCode>:<buyer>`: the buyer's mute list (newest first) and
   * the sharer's centre's counts of friends who released or muted them.
   */
  sharer_marks: { indexes: [{ fields: ['buyerId', 'kind', 'at'] }, { fields: ['sharerId', 'kind'] }] },
  /** Group-buy activities (拼团); `units` and `members` counted with their orders' reservations (data/group-buys.ts). */
  group_buys: { indexes: [{ fields: ['productId', 'endAt'] }, { fields: ['createdAt'] }, { fields: ['holds.at'] }] },
  /** Groups of a group buy, `_id` derived from the order that started it; slots by reservation token. */
  groups: {
    indexes: [
      { fields: ['groupBuyId', 'status', 'endsAt'] },
      { fields: ['groupBuyId', 'startedAt'] },
      { fields: ['status', 'endsAt'] },
      { fields: ['status', 'startedAt'] },
      { fields: ['unpaid.at'] },
      { fields: ['memberIds', 'startedAt'] },
      { fields: ['settled'] },
    ],
  },
  /**
   * Flash sales (秒杀): their units, members' counts and reservations' marks (data/flash-sales.ts). The product
   * points to its sale (`products.flashSale`), so no reader queries by product.
   */
  flash_sales: {
    indexes: [
      { fields: ['createdAt'] },
      /** Sales past their end whose units have not gone back (scheduler/jobs/end-flash-sales.ts). */
      { fields: ['returned', 'endAt'] },
      /** Reservations' marks (flows/flash-sale.ts reclaimFlashMarks). */
      { fields: ['holds.at'] },
    ],
  },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof collections;
