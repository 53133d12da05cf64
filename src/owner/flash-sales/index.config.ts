export default definePageConfig({
  navigationBarTitleText: '秒杀活动',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
