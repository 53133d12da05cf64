// Every page of the app and the links to them: navigateTo/redirectTo/switchTab urls, share paths and queries. Pages
// link through PAGES and these builders only, so a path is written once. app.config.ts must declare the same pages as
// literals (Taro reads it at build time); routes.test.ts holds the two equal.
import type { GroupStatus } from '../cloudfunctions/contracts/campaign';
import type { ShareChannel } from '../cloudfunctions/contracts/commission';
import type { BuyerTab, OrderInput, OwnerView } from '../cloudfunctions/contracts/order';

/**
 * Each page's path, by name. The tab pages (home, category, cart, me) are opened with switchTab, which takes no query.
 */
export const PAGES = {
  // Main package (tab pages first).
  home: '/pages/index/index',
  category: '/pages/category/index',
  cart: '/pages/cart/index',
  me: '/pages/me/index',
  product: '/pages/product/index',
  orders: '/pages/orders/index',
  // Subpackage owner/.
  ownerOrders: '/owner/orders/index',
  ownerOrder: '/owner/order/index',
  ownerAfterSale: '/owner/aftersale/index',
  ownerSummary: '/owner/summary/index',
  ownerSharers: '/owner/sharers/index',
  ownerWithdrawals: '/owner/withdrawals/index',
  ownerRates: '/owner/rates/index',
  ownerPoints: '/owner/points/index',
  ownerReviews: '/owner/reviews/index',
  ownerProducts: '/owner/products/index',
  ownerProduct: '/owner/product/index',
  ownerSettings: '/owner/settings/index',
  ownerCoupons: '/owner/coupons/index',
  ownerCoupon: '/owner/coupon/index',
  ownerCategories: '/owner/categories/index',
  // 营销活动: the owner's group buys (拼团) with their groups, and flash sales (秒杀).
  ownerGroupBuys: '/owner/group-buys/index',
  ownerGroupBuy: '/owner/group-buy/index',
  ownerGroups: '/owner/groups/index',
  ownerFlashSales: '/owner/flash-sales/index',
  ownerFlashSale: '/owner/flash-sale/index',
  // 导出订单 and 批量发货 (the report function's CSV work), from the order desk.
  ownerExportOrders: '/owner/export-orders/index',
  ownerImportShipments: '/owner/import-shipments/index',
  // 经营数据 and the customers (客户, one customer).
  ownerDashboard: '/owner/dashboard/index',
  ownerCustomers: '/owner/customers/index',
  ownerCustomer: '/owner/customer/index',
  // The sharer's kit: the owner's Moments material (素材) of a product.
  ownerMaterial: '/owner/material/index',
  // Subpackage share/.
  shareCenter: '/share/center/index',
  sharePoster: '/share/poster/index',
  shareRules: '/share/rules/index',
  // 一键发圈: a product's pictures and words to post in Moments.
  shareMoments: '/share/moments/index',
  // Subpackage member/ (preloaded from the product page, the cart and the order list: app.config.ts preloadRule).
  checkout: '/member/checkout/index',
  order: '/member/order/index',
  memberAfterSaleApply: '/member/aftersale-apply/index',
  memberAfterSale: '/member/aftersale/index',
  memberAfterSales: '/member/aftersales/index',
  memberPoints: '/member/points/index',
  memberReview: '/member/review/index',
  memberReviews: '/member/reviews/index',
  memberCouponCenter: '/member/coupon-center/index',
  memberCoupons: '/member/coupons/index',
  memberFavorites: '/member/favorites/index',
  // 绑定记录 and 不看推荐的人, from 我的.
  memberBindings: '/member/bindings/index',
  memberMutes: '/member/mutes/index',
  // Subpackage browse/ (the catalogue search).
  search: '/browse/search/index',
  // Subpackage campaign/ (拼团: a group, the group card's target; 我的拼团).
  campaignGroup: '/campaign/group/index',
  campaignMyGroups: '/campaign/my-groups/index',
} as const;

export type PageName = keyof typeof PAGES;
export type PagePath = (typeof PAGES)[PageName];

type QueryValue = string | number | undefined;

/** `a=1&b=x%26y`: values URI-encoded, undefined and '' left out, in the order given. */
export function toQuery(query: Record<string, QueryValue>): string {
  const parts: string[] = [];
  // A plain loop: this module ships in the main package, whose size has a budget (BENCHMARKS.md).
  for (const key in query) {
    const value = query[key];
    if (value !== undefined && value !== '') parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

/** A page with a query: `/pages/orders/index?tab=all`, or the bare path when nothing is set. */
export function link(path: PagePath, query: Record<string, QueryValue>): string {
  const q = toQuery(query);
  return q ? `${path}?${q}` : path;
}

/** How a product link came: the sharer's code and the channel it was shared through. */
export interface ProductLinkOptions {
  s?: string;
  c?: ShareChannel;
}

/** A product's query, `id=<productId>&s=<shareCode>&c=<channel>` (Moments shares the query without the path). */
export const productQuery = (id: string, share?: ProductLinkOptions) => toQuery({ id, s: share?.s, c: share?.c });

/**
 * The pages opened with a query. A page opened without one is linked by its path (`PAGES.cart`); the tab pages
 * always are, as switchTab takes no query.
 */
export const routes = {
  /** A product, and who shared it through which channel when it came through a share. */
  product: (id: string, share?: ProductLinkOptions) => `${PAGES.product}?${productQuery(id, share)}`,
  /** My orders, on a tab. */
  orders: (tab?: BuyerTab) => link(PAGES.orders, { tab }),
  /** `paid`: just paid, the page waits for the payment to be confirmed. */
  order: (id: string, options?: { paid?: boolean }) => link(PAGES.order, { id, paid: options?.paid ? 1 : undefined }),
  /** The owner's desk, on a view. */
  ownerOrders: (view?: OwnerView) => link(PAGES.ownerOrders, { view }),
  ownerOrder: (id: string) => link(PAGES.ownerOrder, { id }),
  /** One after-sale case on the owner's side. */
  ownerAfterSale: (id: string) => link(PAGES.ownerAfterSale, { id }),
  /** The product editor: a product to edit, or none to create one. */
  ownerProduct: (id?: string) => link(PAGES.ownerProduct, { id }),
  /** The coupon editor: a coupon to edit, or none to create one. */
  ownerCoupon: (id?: string) => link(PAGES.ownerCoupon, { id }),
  sharePoster: (productId: string) => link(PAGES.sharePoster, { id: productId }),
  /** 一键发圈 of a product, and the owner's 素材 editor of it. */
  shareMoments: (productId: string) => link(PAGES.shareMoments, { id: productId }),
  ownerMaterial: (productId: string) => link(PAGES.ownerMaterial, { id: productId }),
  /** Writing the review of one line of a completed order. */
  memberReview: (orderId: string, skuId: string) => link(PAGES.memberReview, { orderId, skuId }),
  /** One product's full reviews. */
  memberReviews: (productId: string) => link(PAGES.memberReviews, { id: productId }),
  /** 申请售后 of an order. */
  memberAfterSaleApply: (orderId: string) => link(PAGES.memberAfterSaleApply, { orderId }),
  /** One after-sale case, for its buyer. */
  memberAfterSale: (id: string) => link(PAGES.memberAfterSale, { id }),
  /** 领券中心: every coupon on offer, or those of one product. */
  memberCouponCenter: (productId?: string) => link(PAGES.memberCouponCenter, { productId }),
  /** The owner's groups: of one group buy or all, in one status or any. */
  ownerGroups: (filter: { groupBuyId?: string; status?: GroupStatus } = {}) =>
    link(PAGES.ownerGroups, { groupBuyId: filter.groupBuyId, status: filter.status }),
  /** The checkout of the draft's lines; with a group buy: start a group (no groupId) or join that group. */
  checkout: (groupBuy?: OrderInput<'create'>['groupBuy']) =>
    link(PAGES.checkout, { groupBuyId: groupBuy?.groupBuyId, groupId: groupBuy?.groupId }),
  /** One customer of the shop, by the member's opaque key. */
  ownerCustomer: (memberId: string) => link(PAGES.ownerCustomer, { id: memberId }),
  /** One group (拼团): the group card's target. */
  campaignGroup: (id: string) => link(PAGES.campaignGroup, { id }),
} satisfies Partial<Record<PageName, (...args: never[]) => string>>;
