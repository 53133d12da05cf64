// The desk's 售后 tab: the shop's after-sale cases, filtered by status (each tab with how many cases are open in it),
// in the order the order function gives them (the nearest deadline first); a card opens the case.
import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { orderApi } from '../../api/order';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { formatFen } from '../../lib/money';
import { AFTER_SALE_STATUS_LABELS, AFTER_SALE_TYPE_LABELS } from '../../lib/order-status';
import { formatTime } from '../../lib/time';
import { routes } from '../../routes';
import type { AfterSaleStatus, AfterSaleSummary, OrderResults } from '../../../cloudfunctions/contracts/order';
import NotOwner from '../shared/NotOwner';

export const AFTER_SALE_PAGE_SIZE = 20;

type Filter = AfterSaleStatus | 'all';
/** The status tabs, in the order shown: the open steps first. */
const FILTERS: Filter[] = [
  'all',
  'requested',
  'awaiting_return',
  'returning',
  'refunding',
  'refunded',
  'rejected',
  'closed',
  'cancelled',
];

export default function AfterSaleDesk({ tabs }: { tabs: ReactNode }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [counts, setCounts] = useState<OrderResults['ownerAfterSales']['counts']>({});
  const list = usePagedList(async (page) => {
    const res = await orderApi.ownerAfterSales({
      ...(filter === 'all' ? {} : { status: filter }),
      ...page,
      limit: AFTER_SALE_PAGE_SIZE,
    });
    if (res.ok) setCounts(res.data.counts);
    return res;
  }, filter);
  usePagedListScroll(list, '.owner-orders__list');
  // Back from a case the owner just decided: show its new state.
  useRefreshOnReturn(list.refresh);

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') return <NotOwner />;

  return (
    <View className="owner-orders">
      <View className="owner-orders__head">
        {tabs}
        <View className="owner-orders__filters">
          {FILTERS.map((f) => {
            const n = f === 'all' ? 0 : (counts[f] ?? 0);
            return (
              <View
                key={f}
                className={f === filter ? 'owner-orders__filter owner-orders__filter--active' : 'owner-orders__filter'}
                onClick={() => setFilter(f)}
              >
                {f === 'all' ? '全部售后' : AFTER_SALE_STATUS_LABELS[f]}
                {n > 0 ? <Text className="owner-orders__count">{String(n)}</Text> : null}
              </View>
            );
          })}
        </View>
      </View>
      <PagedList
        list={list}
        block="owner-orders"
        empty={{ message: '没有待处理的售后', actionText: '刷新', onAction: () => void list.refresh() }}
        renderItem={(c) => <CaseCard summary={c} />}
      />
    </View>
  );
}

function CaseCard({ summary: c }: { summary: AfterSaleSummary }) {
  return (
    <View
      className="owner-card"
      hoverClass="owner-card--pressed"
      onClick={() => void Taro.navigateTo({ url: routes.ownerAfterSale(c.id) })}
    >
      <View className="owner-card__row">
        <Text className="owner-card__id">{c.id}</Text>
        <Text className="owner-card__status">{AFTER_SALE_STATUS_LABELS[c.status]}</Text>
      </View>
      <Text className="owner-card__time">{`申请于 ${formatTime(c.createdAt)}`}</Text>
      <Text className="owner-card__lines">{`${AFTER_SALE_TYPE_LABELS[c.type]} · ${c.title} 等 ${c.units} 件`}</Text>
      {c.deadline ? <Text className="owner-card__deadline">{`处理期限 ${formatTime(c.deadline)}`}</Text> : null}
      <View className="owner-card__foot">
        <Text className="owner-card__payable-label">退款</Text>
        <Text className="owner-card__payable">{formatFen(c.refundFen)}</Text>
      </View>
    </View>
  );
}
