export default definePageConfig({
  navigationBarTitleText: '单级分佣说明',
});
