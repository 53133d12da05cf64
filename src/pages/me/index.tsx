// Me: who I am in this shop, the share code my links carry, my orders by state, the owner's way into the shop's
// management, and the points card (points land in a later release).
import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageState from '../../components/PageState';
import { BUYER_TAB_LABELS } from '../../lib/order-status';
import { useSession } from '../../stores/session';
import type { BuyerTab } from '../../../cloudfunctions/contracts/order';
import './index.scss';

function copyShareCode(code: string) {
  Taro.setClipboardData({ data: code })
    .then(() => Taro.showToast({ title: '推荐码已复制', icon: 'success' }))
    .catch(() => Taro.showToast({ title: '复制失败', icon: 'none' }));
}

const ORDER_SHORTCUTS: BuyerTab[] = ['pending_payment', 'to_ship', 'to_receive', 'after_sale'];

function openOrders(tab: BuyerTab) {
  void Taro.navigateTo({ url: `/pages/orders/index?tab=${tab}` });
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

      <View className='me__card me__orders'>
        <View className='me__card-head'>
          <Text className='me__card-title'>我的订单</Text>
          <Text className='me__card-more' onClick={() => openOrders('all')}>
            全部订单 ›
          </Text>
        </View>
        <View className='me__shortcuts'>
          {ORDER_SHORTCUTS.map((tab) => (
            <View key={tab} className='me__shortcut' hoverClass='me__shortcut--pressed' onClick={() => openOrders(tab)}>
              <View className={`me__shortcut-icon me__shortcut-icon--${tab}`} />
              <Text className='me__shortcut-label'>{BUYER_TAB_LABELS[tab]}</Text>
            </View>
          ))}
        </View>
      </View>

      {user.isOwner ? (
        <View className='me__card me__owner'>
          <Text className='me__card-title'>店主专区</Text>
          <View className='me__entry' hoverClass='me__entry--pressed' onClick={() => void Taro.navigateTo({ url: '/owner/orders/index' })}>
            <Text className='me__entry-label'>店铺管理</Text>
            <Text className='me__entry-hint'>发货、处理退款 ›</Text>
          </View>
          <View className='me__entry' hoverClass='me__entry--pressed' onClick={() => void Taro.navigateTo({ url: '/owner/summary/index' })}>
            <Text className='me__entry-label'>今日概况</Text>
            <Text className='me__entry-hint'>订单与销售额 ›</Text>
          </View>
        </View>
      ) : null}

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
