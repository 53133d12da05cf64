export default definePageConfig({
  navigationBarTitleText: '评价管理',
  onReachBottomDistance: 100,
});
