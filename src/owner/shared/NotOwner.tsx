// What an owner page shows to someone who is not (or no longer) an owner: the reason and a way back to the shop.
import Taro from '@tarojs/taro';
import PageState from '../../components/PageState';

const toHome = () => void Taro.switchTab({ url: '/pages/index/index' });

export default function NotOwner({ message = '仅店主可以查看' }: { message?: string }) {
  return <PageState kind='empty' message={message} actionText='返回首页' onAction={toHome} />;
}
