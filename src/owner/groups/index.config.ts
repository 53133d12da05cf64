export default definePageConfig({
  navigationBarTitleText: '团列表',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
