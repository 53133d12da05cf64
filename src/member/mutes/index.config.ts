export default definePageConfig({
  navigationBarTitleText: '不看推荐的人',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
