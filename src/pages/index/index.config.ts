export default definePageConfig({
  navigationBarTitleText: '友荐',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
