export default definePageConfig({
  navigationBarTitleText: '我的拼团',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
