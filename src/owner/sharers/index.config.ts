export default definePageConfig({
  navigationBarTitleText: '推广员',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
