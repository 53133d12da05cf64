// 推广员: the members whose shares sold, ranked by the goods paid through them, with their orders, distinct buyers
// and commission. One level only: each order counts for the one sharer it was attributed to.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { formatFen } from '../../lib/money';
import { PAGES } from '../../routes';
import NotOwner from '../shared/NotOwner';
import { useSharers, type RankedSharer } from './useSharers';
import './index.scss';

export default function OwnerSharersPage() {
  const list = useSharers();
  usePagedListScroll(list, '.owner-sharers__list');

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') {
    return <NotOwner />;
  }

  return (
    <View className="owner-sharers">
      <View className="owner-sharers__head">
        <Text className="owner-sharers__intro">按成交金额排序，佣金含待结算与已结算</Text>
        <View className="owner-sharers__links">
          <Text className="owner-sharers__link" onClick={() => void Taro.navigateTo({ url: PAGES.ownerWithdrawals })}>
            提现审批 ›
          </Text>
          <Text className="owner-sharers__link" onClick={() => void Taro.navigateTo({ url: PAGES.ownerRates })}>
            佣金设置 ›
          </Text>
        </View>
      </View>

      <PagedList
        list={list}
        block="owner-sharers"
        empty={{ message: '还没有推广成交', actionText: '刷新', onAction: () => void list.refresh() }}
        renderItem={(sharer, i) => <SharerRow rank={i + 1} sharer={sharer} />}
      />
    </View>
  );
}

function SharerRow({ rank, sharer }: { rank: number; sharer: RankedSharer }) {
  return (
    <View className="owner-sharer">
      <Text className={rank <= 3 ? 'owner-sharer__rank owner-sharer__rank--top' : 'owner-sharer__rank'}>
        {String(rank)}
      </Text>
      <View className="owner-sharer__body">
        <View className="owner-sharer__who">
          <Text className="owner-sharer__name">{sharer.nickname}</Text>
          <Text className="owner-sharer__code">{sharer.shareCode}</Text>
        </View>
        <View className="owner-sharer__stats">
          <Stat label="成交金额" value={formatFen(sharer.gmvFen)} strong />
          <Stat label="订单" value={String(sharer.orders)} />
          <Stat label="买家" value={String(sharer.buyers)} />
          <Stat label="佣金" value={formatFen(sharer.commissionFen)} />
        </View>
      </View>
    </View>
  );
}

function Stat({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <View className="owner-sharer__stat">
      <Text className={strong ? 'owner-sharer__value owner-sharer__value--strong' : 'owner-sharer__value'}>
        {value}
      </Text>
      <Text className="owner-sharer__label">{label}</Text>
    </View>
  );
}
