export default definePageConfig({
  navigationBarTitleText: '商品详情',
  // The share menu's two entries; the page answers them with useShareAppMessage / useShareTimeline.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
