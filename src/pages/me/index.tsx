// Me: who I am in this shop, the share code my links carry, and the points card (points land in a later release).
import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageState from '../../components/PageState';
import { useSession } from '../../stores/session';
import './index.scss';

function copyShareCode(code: string) {
  Taro.setClipboardData({ data: code })
    .then(() => Taro.showToast({ title: '推荐码已复制', icon: 'success' }))
    .catch(() => Taro.showToast({ title: '复制失败', icon: 'none' }));
}

export default function MePage() {
  const { user, status, error, reload } = useSession();

  useEffect(() => {
    void useSession.getState().load();
  }, []);

  if (status === 'error') {
    return <PageState kind='error' message={error?.message} actionText='重新加载' onAction={() => void reload()} />;
  }
  if (!user) return <PageState kind='loading' />;

  return (
    <View className='me'>
      <View className='me__profile'>
        <View className='me__avatar'>{user.nickname.slice(0, 1)}</View>
        <View className='me__who'>
          <View className='me__name-row'>
            <Text className='me__nickname'>{user.nickname}</Text>
            {user.isOwner ? <Text className='me__badge'>店主</Text> : null}
          </View>
          <View className='me__code' hoverClass='me__code--pressed' onClick={() => copyShareCode(user.shareCode)}>
            <Text>{`我的推荐码 ${user.shareCode}`}</Text>
            <Text className='me__copy'>复制</Text>
          </View>
        </View>
      </View>

      <View className='me__card me__points'>
        <Text className='me__card-title'>积分 · 即将上线</Text>
        <Text className='me__card-text'>积分功能正在准备中，上线后购物即可累积、下单可抵扣。</Text>
      </View>

      <View className='me__card'>
        <Text className='me__card-title'>分享好物</Text>
        <Text className='me__card-text'>在商品页点「分享」发给朋友，链接会带上你的推荐码，朋友打开时能看到是你推荐的。</Text>
      </View>
    </View>
  );
}
