export default definePageConfig({
  navigationBarTitleText: '订单管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
