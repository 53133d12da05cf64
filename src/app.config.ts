export default defineAppConfig({
  pages: ['pages/index/index', 'pages/product/index', 'pages/me/index'],
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
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
});
