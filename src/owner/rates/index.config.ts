export default definePageConfig({
  navigationBarTitleText: '佣金设置',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
