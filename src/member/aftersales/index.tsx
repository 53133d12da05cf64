// 我的售后: the buyer's after-sale cases, newest first, each with its type, goods, amount and status; a tap opens
// the case (which says the time its current step has left). Pull down to refresh; more at the bottom. Opened from
// 我的 (售后).
import { Image, Text, View } from '@tarojs/components';
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
import type { AfterSaleSummary } from '../../../cloudfunctions/contracts/order';
import './index.scss';

export const AFTER_SALES_PAGE_SIZE = 20;

export default function AfterSalesPage() {
  const list = usePagedList((page) => orderApi.afterSales({ ...page, limit: AFTER_SALES_PAGE_SIZE }), 'mine');
  usePagedListScroll(list, '.after-sales__list');
  // Back from a case the buyer just cancelled or shipped back: show its new state.
  useRefreshOnReturn(list.refresh);

  return (
    <View className="after-sales">
      <PagedList
        list={list}
        block="after-sales"
        empty={{ message: '还没有售后申请', actionText: '刷新', onAction: () => void list.refresh() }}
        renderItem={(c) => <CaseCard summary={c} />}
      />
    </View>
  );
}

function CaseCard({ summary: c }: { summary: AfterSaleSummary }) {
  return (
    <View
      className="after-sales__card"
      hoverClass="after-sales__card--pressed"
      onClick={() => void Taro.navigateTo({ url: routes.memberAfterSale(c.id) })}
    >
      <View className="after-sales__head">
        <Text className="after-sales__type">{AFTER_SALE_TYPE_LABELS[c.type]}</Text>
        <Text className="after-sales__status">{AFTER_SALE_STATUS_LABELS[c.status]}</Text>
      </View>
      <View className="after-sales__body">
        <Image className="after-sales__image" src={c.image} mode="aspectFill" />
        <View className="after-sales__info">
          <Text className="after-sales__title">{c.title}</Text>
          <Text className="after-sales__units">{`共 ${c.units} 件 · 退款 ${formatFen(c.refundFen)}`}</Text>
          <Text className="after-sales__time">{`申请于 ${formatTime(c.createdAt)}`}</Text>
        </View>
      </View>
    </View>
  );
}
