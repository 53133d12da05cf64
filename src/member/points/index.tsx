// 积分明细: the member's spendable and pending points and what expires soon, how points work, and every change to
// them newest first (its reason, the order it belongs to, when). Pull down to refresh; more entries at the bottom.
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import PageState from '../../components/PageState';
import { useFillScreen } from '../../hooks/useFillScreen';
import { expiringText } from '../../lib/points';
import { formatDateTime } from '../../lib/time';
import { PAGES, routes } from '../../routes';
import type { PointsEntry } from '../../../cloudfunctions/contracts/points';
import { entryText, rulesText } from './text';
import { usePointsLedger } from './usePointsLedger';
import './index.scss';

export default function PointsLedgerPage() {
  const ledger = usePointsLedger();
  const { balance, balanceError, entries } = ledger;

  usePullDownRefresh(() => {
    void ledger.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void entries.loadMore();
  });
  useFillScreen(
    '.points-ledger__entries',
    entries.items.length,
    entries.status === 'ready' && !entries.done && !entries.loadingMore && !entries.loadMoreError,
    () => {
      void entries.loadMore();
    },
  );

  if (!balance) {
    return balanceError ? (
      <PageState
        kind="error"
        message={balanceError.message}
        actionText="重新加载"
        onAction={() => void ledger.reloadBalance()}
      />
    ) : (
      <PageState kind="loading" />
    );
  }
  if (!balance.isMember) {
    return (
      <PageState
        kind="empty"
        message="还没有开通会员卡"
        actionText="去开卡"
        onAction={() => void Taro.switchTab({ url: PAGES.me })}
      />
    );
  }

  const expiring = expiringText(balance);
  return (
    <View className="points-ledger">
      <View className="points-ledger__head">
        <Text className="points-ledger__head-label">可用积分</Text>
        <Text className="points-ledger__available">{String(balance.available)}</Text>
        <Text className="points-ledger__pending">{`待到账 ${balance.pending}`}</Text>
        {expiring ? <Text className="points-ledger__expiring">{expiring}</Text> : null}
      </View>

      {balanceError ? <View className="points-ledger__notice">{`刷新失败：${balanceError.message}`}</View> : null}

      <View className="points-ledger__card">
        <Text className="points-ledger__card-title">积分明细</Text>
        <PagedList
          list={entries}
          variant="inline"
          block="points-ledger"
          classes={{ list: 'points-ledger__entries' }}
          empty="还没有积分记录：购物完成后，得到的积分会记在这里"
          renderItem={(entry) => <Entry entry={entry} />}
        />
      </View>

      <View className="points-ledger__card">
        <Text className="points-ledger__card-title">积分说明</Text>
        {rulesText(balance.rules).map((rule) => (
          <Text key={rule} className="points-ledger__rule">{`· ${rule}`}</Text>
        ))}
      </View>
    </View>
  );
}

function Entry({ entry }: { entry: PointsEntry }) {
  const text = entryText(entry);
  const { orderId } = entry;
  return (
    <View className="points-entry">
      <View className="points-entry__main">
        <Text className="points-entry__reason">{text.reason}</Text>
        <Text className="points-entry__when">{formatDateTime(entry.at)}</Text>
        {orderId ? (
          <Text className="points-entry__order" onClick={() => void Taro.navigateTo({ url: routes.order(orderId) })}>
            查看订单 ›
          </Text>
        ) : null}
      </View>
      <View className="points-entry__side">
        <Text className={text.gain ? 'points-entry__amount points-entry__amount--gain' : 'points-entry__amount'}>
          {text.amount}
        </Text>
        {text.bucket ? <Text className="points-entry__bucket">{text.bucket}</Text> : null}
      </View>
    </View>
  );
}
