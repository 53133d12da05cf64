export default definePageConfig({
  navigationBarTitleText: '订单详情',
  navigationBarBackgroundColor: '#e4393c',
  navigationBarTextStyle: 'white',
});
