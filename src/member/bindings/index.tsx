// 绑定记录: whom the member's orders counted for, newest first: the current recommender (with 解除绑定 behind a
// confirmation) and the past ones, from when to when and how each ended. Opened from 我的.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import PageState from '../../components/PageState';
import { PAGES } from '../../routes';
import type { BindingHistoryItem } from '../../../cloudfunctions/contracts/commission';
import { bindingSpan, bindingState, channelText } from './text';
import { useBindingHistory, type BindingHistory } from './useBindingHistory';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export default function BindingsPage() {
  const history = useBindingHistory();
  usePullDownRefresh(() => {
    void history.reload().finally(() => void Taro.stopPullDownRefresh());
  });

  if (history.error && !history.items) {
    return (
      <PageState
        kind="error"
        message={history.error.message}
        actionText="重新加载"
        onAction={() => void history.reload()}
      />
    );
  }
  if (!history.items) return <PageState kind="loading" />;
  if (history.items.length === 0) {
    return (
      <PageState
        kind="empty"
        message="还没有绑定记录：打开朋友分享的商品后，TA 会成为你的推荐人"
        actionText="去逛逛"
        onAction={() => void Taro.switchTab({ url: PAGES.home })}
      />
    );
  }
  return (
    <View className="bindings">
      <Text className="bindings__intro">推荐期内你的订单计入推荐人的推广，价格不变；可随时解除。</Text>
      {history.items.map((item) => (
        <BindingRow key={`${item.sharer.shareCode}:${item.since}`} item={item} onRelease={history.release} />
      ))}
      <Text className="bindings__more" onClick={() => void Taro.navigateTo({ url: PAGES.memberMutes })}>
        不看推荐的人 ›
      </Text>
    </View>
  );
}

function BindingRow({ item, onRelease }: { item: BindingHistoryItem; onRelease: BindingHistory['release'] }) {
  const [busy, setBusy] = useState(false);
  const release = async () => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '解除绑定',
      content: `解除后，你之后的订单不再计入 ${item.sharer.nickname} 的推广`,
      confirmText: '解除',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    const res = await onRelease();
    setBusy(false);
    toast(res.ok ? '已解除绑定' : res.message);
  };
  const active = item.ended === null;
  return (
    <View
      className={active ? 'bindings__row bindings__row--active' : 'bindings__row'}
      aria-label={item.sharer.nickname}
    >
      <View className="bindings__head">
        <Text className="bindings__name">{`${item.sharer.nickname}（${item.sharer.shareCode}）`}</Text>
        <Text className={active ? 'bindings__state bindings__state--active' : 'bindings__state'}>
          {bindingState(item)}
        </Text>
      </View>
      <Text className="bindings__span">{bindingSpan(item)}</Text>
      <View className="bindings__foot">
        <Text className="bindings__channel">{channelText(item.channel)}</Text>
        {active ? (
          <Text className="bindings__release" onClick={() => void release()}>
            {busy ? '解除中…' : '解除绑定'}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
