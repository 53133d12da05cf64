export default definePageConfig({
  navigationBarTitleText: '积分设置',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
