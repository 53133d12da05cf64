export default definePageConfig({
  navigationBarTitleText: '分类',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
