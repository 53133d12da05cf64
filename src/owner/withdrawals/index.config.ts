export default definePageConfig({
  navigationBarTitleText: '提现审批',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
