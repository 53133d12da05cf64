export default definePageConfig({
  navigationBarTitleText: '友荐',
  // The red bar runs into the page's red header.
  navigationBarBackgroundColor: '#e4393c',
  navigationBarTextStyle: 'white',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
});
