export default definePageConfig({
  navigationBarTitleText: '商品管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
