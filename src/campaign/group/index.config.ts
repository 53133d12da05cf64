export default definePageConfig({
  navigationBarTitleText: '拼团',
  // The group card: 邀请好友 and the share menu answer with useShareAppMessage.
  enableShareAppMessage: true,
});
