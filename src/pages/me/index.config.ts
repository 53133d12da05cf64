export default definePageConfig({
  navigationBarTitleText: '我的',
  navigationBarBackgroundColor: '#e4393c',
  navigationBarTextStyle: 'white',
});
