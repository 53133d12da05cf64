export default definePageConfig({
  navigationBarTitleText: '新建秒杀',
});
