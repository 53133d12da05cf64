import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { link, PAGES, productQuery, routes, toQuery } from './routes';

interface AppConfig {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
  tabBar: { list: Array<{ pagePath: string }> };
}

/** src/app.config.ts as Taro reads it: `defineAppConfig` is a global of the build. */
function appConfig(): AppConfig {
  const global = globalThis as { defineAppConfig?: (config: AppConfig) => AppConfig };
  global.defineAppConfig = (config) => config;
  try {
    return (require('./app.config') as { default: AppConfig }).default;
  } finally {
    delete global.defineAppConfig;
  }
}

describe('routes and app.config.ts', () => {
  const config = appConfig();
  const declared = [
    ...config.pages.map((p) => `/${p}`),
    ...config.subPackages.flatMap(({ root, pages }) => pages.map((p) => `/${root}/${p}`)),
  ];
  const paths: string[] = Object.values(PAGES);

  it('every route is a page app.config.ts declares (main package or subpackage), and every page has a route', () => {
    expect([...paths].sort()).toEqual([...declared].sort());
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('every route has its page component in src/', () => {
    for (const path of paths) expect([path, existsSync(join(__dirname, `${path}.tsx`))]).toEqual([path, true]);
  });

  it('the tab pages are the tab bar of app.config.ts', () => {
    expect([PAGES.home, PAGES.category, PAGES.cart, PAGES.me]).toEqual(config.tabBar.list.map((t) => `/${t.pagePath}`));
  });

  it('every builder leads to its own page', () => {
    const samples: Record<keyof typeof routes, string> = {
      product: routes.product('p1'),
      orders: routes.orders('all'),
      order: routes.order('YJ0000000000000001'),
      ownerOrders: routes.ownerOrders('to_ship'),
      ownerOrder: routes.ownerOrder('YJ0000000000000001'),
      ownerProduct: routes.ownerProduct('p1'),
      ownerCoupon: routes.ownerCoupon('c1'),
      ownerCustomer: routes.ownerCustomer('0123456789abcdef'),
      sharePoster: routes.sharePoster('p1'),
      shareMoments: routes.shareMoments('p1'),
      ownerMaterial: routes.ownerMaterial('p1'),
      memberReview: routes.memberReview('YJ0000000000000001', 's1'),
      memberReviews: routes.memberReviews('p1'),
      memberAfterSaleApply: routes.memberAfterSaleApply('YJ0000000000000001'),
      memberAfterSale: routes.memberAfterSale('YJ0000000000000001S1'),
      memberCouponCenter: routes.memberCouponCenter('p1'),
      ownerAfterSale: routes.ownerAfterSale('YJ0000000000000001S1'),
      ownerGroups: routes.ownerGroups({ groupBuyId: 'gb1', status: 'forming' }),
      checkout: routes.checkout({ groupBuyId: 'gb1', groupId: 'g1' }),
      campaignGroup: routes.campaignGroup('g1'),
    };
    for (const [name, url] of Object.entries(samples)) {
      expect([name, url.split('?')[0]]).toEqual([name, PAGES[name as keyof typeof PAGES]]);
    }
  });
});

describe('route builders', () => {
  it('product: the id, then the sharer and channel when known, encoded', () => {
    expect(routes.product('p1')).toBe('/pages/product/index?id=p1');
    expect(routes.product('p1', { s: 'ABC234', c: 'chat' })).toBe('/pages/product/index?id=p1&s=ABC234&c=chat');
    expect(routes.product('p1', { c: 'poster' })).toBe('/pages/product/index?id=p1&c=poster');
    expect(routes.product('a&b c')).toBe('/pages/product/index?id=a%26b%20c');
    expect(productQuery('p1', { s: 'ABC234', c: 'moments' })).toBe('id=p1&s=ABC234&c=moments');
    expect(productQuery('p1', { s: '', c: 'moments' })).toBe('id=p1&c=moments');
  });

  it('orders: the tab to open on, or none', () => {
    expect(routes.orders()).toBe('/pages/orders/index');
    expect(routes.orders('pending_payment')).toBe('/pages/orders/index?tab=pending_payment');
  });

  it('order: the id, and paid=1 only right after paying', () => {
    expect(routes.order('YJ0000000000000001')).toBe('/member/order/index?id=YJ0000000000000001');
    expect(routes.order('YJ0000000000000001', { paid: false })).toBe('/member/order/index?id=YJ0000000000000001');
    expect(routes.order('YJ0000000000000001', { paid: true })).toBe('/member/order/index?id=YJ0000000000000001&paid=1');
  });

  it('owner pages: the desk by view, one order, the editors with or without a product or coupon', () => {
    expect(routes.ownerOrders()).toBe('/owner/orders/index');
    expect(routes.ownerOrders('after_sale')).toBe('/owner/orders/index?view=after_sale');
    expect(routes.ownerOrder('YJ20261123ABCD0001')).toBe('/owner/order/index?id=YJ20261123ABCD0001');
    expect(routes.ownerProduct()).toBe('/owner/product/index');
    expect(routes.ownerProduct('honey')).toBe('/owner/product/index?id=honey');
    expect(routes.ownerCoupon()).toBe('/owner/coupon/index');
    expect(routes.ownerCoupon('c1')).toBe('/owner/coupon/index?id=c1');
  });

  it('member and share pages carry what they open on', () => {
    const review = '/member/review/index?orderId=YJ0000000000000001&skuId=s%2F1';
    expect(routes.memberReview('YJ0000000000000001', 's/1')).toBe(review);
    expect(routes.memberReviews('a&b')).toBe('/member/reviews/index?id=a%26b');
    expect(routes.sharePoster('p1')).toBe('/share/poster/index?id=p1');
    expect(routes.memberAfterSaleApply('YJ0000000000000001')).toBe(
      '/member/aftersale-apply/index?orderId=YJ0000000000000001',
    );
    expect(routes.memberAfterSale('YJ0000000000000001S1')).toBe('/member/aftersale/index?id=YJ0000000000000001S1');
    expect(routes.memberCouponCenter('p1')).toBe('/member/coupon-center/index?productId=p1');
    expect(routes.memberCouponCenter()).toBe('/member/coupon-center/index');
    expect(routes.ownerAfterSale('YJ0000000000000001S1')).toBe('/owner/aftersale/index?id=YJ0000000000000001S1');
    expect(routes.ownerGroups()).toBe('/owner/groups/index');
    expect(routes.ownerGroups({ groupBuyId: 'gb1' })).toBe('/owner/groups/index?groupBuyId=gb1');
    expect(routes.ownerGroups({ status: 'failed' })).toBe('/owner/groups/index?status=failed');
  });

  it('the checkout and the order page are in member/, preloaded from the product page, the cart and the orders', () => {
    const { preloadRule } = appConfig() as AppConfig & {
      preloadRule: Record<string, { packages: string[] }>;
    };
    const member = appConfig().subPackages.find((p) => p.root === 'member');
    expect(member?.pages).toEqual(expect.arrayContaining(['order/index', 'checkout/index']));
    expect(appConfig().pages).not.toContain('pages/order/index');
    expect(appConfig().pages).not.toContain('pages/checkout/index');
    for (const from of [PAGES.product, PAGES.cart, PAGES.orders]) {
      expect(preloadRule[from.slice(1)].packages).toEqual(['member']);
      // preloadRule keys must be pages of the main package.
      expect(appConfig().pages).toContain(from.slice(1));
    }
  });

  it('the checkout carries a group buy to start or join; a group page its id; 参团 there preloads member/', () => {
    expect(routes.checkout()).toBe('/member/checkout/index');
    expect(routes.checkout({ groupBuyId: 'gb1' })).toBe('/member/checkout/index?groupBuyId=gb1');
    expect(routes.checkout({ groupBuyId: 'gb1', groupId: 'g_1' })).toBe(
      '/member/checkout/index?groupBuyId=gb1&groupId=g_1',
    );
    expect(routes.campaignGroup('g_1')).toBe('/campaign/group/index?id=g_1');
    const { preloadRule } = appConfig() as AppConfig & { preloadRule: Record<string, { packages: string[] }> };
    expect(preloadRule['campaign/group/index'].packages).toEqual(['member']);
  });

  it('toQuery leaves out what is not set and keeps the order given; link adds it to a path', () => {
    expect(toQuery({ b: 2, a: 'x y', c: undefined, d: '' })).toBe('b=2&a=x%20y');
    expect(toQuery({})).toBe('');
    expect(link(PAGES.orders, { tab: undefined })).toBe('/pages/orders/index');
    expect(link(PAGES.orders, { tab: 'all' })).toBe('/pages/orders/index?tab=all');
  });
});
