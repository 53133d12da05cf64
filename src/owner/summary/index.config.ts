export default definePageConfig({
  navigationBarTitleText: '今日概况',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
