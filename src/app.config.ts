export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/product/index',
    'pages/cart/index',
    'pages/checkout/index',
    'pages/orders/index',
    'pages/order/index',
    'pages/me/index',
  ],
  // The owner's pages load only when an owner opens them: buyers never download them.
  // The sharer's pages and member/ (积分明细, writing a review, a product's full reviews) are subpackages too: the
  // main package stays within its size budget (BENCHMARKS.md).
  subPackages: [
    {
      root: 'owner',
      pages: [
        'orders/index',
        'order/index',
        'summary/index',
        'sharers/index',
        'withdrawals/index',
        'rates/index',
        'points/index',
        'reviews/index',
        'products/index',
        'product/index',
        'settings/index',
      ],
    },
    { root: 'share', pages: ['center/index', 'poster/index', 'rules/index'] },
    { root: 'member', pages: ['points/index', 'review/index', 'reviews/index'] },
  ],
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
