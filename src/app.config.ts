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
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
