export default definePageConfig({
  navigationBarTitleText: '一键发圈',
});
