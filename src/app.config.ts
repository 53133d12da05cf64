export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/category/index',
    'pages/product/index',
    'pages/cart/index',
    'pages/orders/index',
    'pages/me/index',
  ],
  // The owner's pages load only when an owner opens them: buyers never download them.
  // The sharer's pages and member/ (the checkout, an order's detail, 售后, 积分明细, writing a review, a product's full
  // reviews, coupons) are subpackages too: the main package stays within its size budget (BENCHMARKS.md).
  subPackages: [
    {
      root: 'owner',
      pages: [
        'orders/index',
        'order/index',
        'aftersale/index',
        'summary/index',
        'sharers/index',
        'withdrawals/index',
        'rates/index',
        'points/index',
        'reviews/index',
        'products/index',
        'product/index',
        'settings/index',
        'coupons/index',
        'coupon/index',
        'categories/index',
        'group-buys/index',
        'group-buy/index',
        'groups/index',
        'flash-sales/index',
        'flash-sale/index',
        'export-orders/index',
        'import-shipments/index',
        // 经营数据, 客户 and one customer.
        'dashboard/index',
        'customers/index',
        'customer/index',
        // The owner's Moments material (素材) of a product.
        'material/index',
      ],
    },
    { root: 'share', pages: ['center/index', 'poster/index', 'rules/index', 'moments/index'] },
    {
      root: 'member',
      pages: [
        'order/index',
        'aftersale-apply/index',
        'aftersale/index',
        'aftersales/index',
        'points/index',
        'review/index',
        'reviews/index',
        'checkout/index',
        'coupon-center/index',
        'coupons/index',
        'favorites/index',
        // 绑定记录 and 不看推荐的人, from 我的.
        'bindings/index',
        'mutes/index',
      ],
    },
    // The catalogue search, opened from the home page and the 分类 tab.
    { root: 'browse', pages: ['search/index'] },
    // 拼团: a group (the group card's target) and 我的拼团.
    { root: 'campaign', pages: ['group/index', 'my-groups/index'] },
  ],
  // The checkout and the order page live in member/: the product page and the cart (which open the checkout) and the
  // order list load that subpackage in the background, so they open as fast as from the main package.
  // The search (browse/) is small and opened from the home page and the 分类 tab: both load it in the background.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['browse'] },
    'pages/category/index': { network: 'all', packages: ['browse'] },
    'pages/product/index': { network: 'all', packages: ['member'] },
    'pages/cart/index': { network: 'all', packages: ['member'] },
    'pages/orders/index': { network: 'all', packages: ['member'] },
    // A group card opens the group page first; its 参团 goes on to the checkout.
    'campaign/group/index': { network: 'all', packages: ['member'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '友荐',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f6f6',
  },
  tabBar: {
    color: '#888888',
    selectedColor: '#e4393c',
    backgroundColor: '#ffffff',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tab/category.png',
        selectedIconPath: 'assets/tab/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tab/cart.png',
        selectedIconPath: 'assets/tab/cart-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
