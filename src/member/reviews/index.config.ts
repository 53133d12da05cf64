export default definePageConfig({
  navigationBarTitleText: '全部评价',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
