export default definePageConfig({
  navigationBarTitleText: '推广中心',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
