export default definePageConfig({
  navigationBarTitleText: '店铺设置',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
