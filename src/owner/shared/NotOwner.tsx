// What an owner page shows to someone who is not (or no longer) an owner: the reason and a way back to the shop.
import Taro from '@tarojs/taro';
import PageState from '../../components/PageState';
import { PAGES } from '../../routes';

const toHome = () => void Taro.switchTab({ url: PAGES.home });

export default function NotOwner({ message = '仅店主可以查看' }: { message?: string }) {
  return <PageState kind="empty" message={message} actionText="返回首页" onAction={toHome} />;
}
