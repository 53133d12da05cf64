export default definePageConfig({ navigationBarTitleText: '友荐' });
