export default definePageConfig({
  navigationBarTitleText: '批量发货',
});
