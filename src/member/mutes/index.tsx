// 不看推荐的人: the sharers the member muted (their cards open without a recommendation and never bind the member),
// newest first, each with 恢复 behind a confirmation. Muted from the trust banner on a product page.
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { commissionApi } from '../../api/commission';
import PageState from '../../components/PageState';
import { formatMonthDay } from '../../lib/time';
import type { MutedSharer } from '../../../cloudfunctions/contracts/commission';
import { useLoadedList } from '../shared/useLoadedList';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export default function MutesPage() {
  const { items, error, reload, setItems } = useLoadedList(commissionApi.mutes);
  usePullDownRefresh(() => {
    void reload().finally(() => void Taro.stopPullDownRefresh());
  });

  const unmute = async (sharer: MutedSharer) => {
    const { confirm } = await Taro.showModal({
      title: '恢复推荐',
      content: `恢复后，${sharer.nickname} 分享的商品会再显示 TA 的推荐`,
      confirmText: '恢复',
      cancelText: '再想想',
    });
    if (!confirm) return;
    const res = await commissionApi.muteSharer({ shareCode: sharer.shareCode, on: false });
    if (!res.ok) {
      toast(res.error.message);
      return;
    }
    setItems((now) => (now ?? []).filter((m) => m.shareCode !== sharer.shareCode));
    toast(`已恢复 ${sharer.nickname} 的推荐`);
  };

  if (error && !items) {
    return <PageState kind="error" message={error.message} actionText="重新加载" onAction={() => void reload()} />;
  }
  if (!items) return <PageState kind="loading" />;
  if (items.length === 0) {
    return <PageState kind="empty" message="没有不看推荐的人：在商品页的推荐卡片上可以选择不再看 TA 的推荐" />;
  }
  return (
    <View className="mutes">
      <Text className="mutes__intro">他们分享的商品照常打开，但不显示推荐，也不会绑定推荐关系。</Text>
      {items.map((m) => (
        <View key={m.shareCode} className="mutes__row" aria-label={m.nickname}>
          <View className="mutes__who">
            <Text className="mutes__name">{`${m.nickname}（${m.shareCode}）`}</Text>
            <Text className="mutes__at">{`${formatMonthDay(m.at)} 起不看`}</Text>
          </View>
          <Text className="mutes__restore" onClick={() => void unmute(m)}>
            恢复
          </Text>
        </View>
      ))}
    </View>
  );
}
