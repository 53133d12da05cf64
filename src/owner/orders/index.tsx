// The owner's order desk: 待发货 / 售后 / 全部, a search by order id or buyer phone, and a paged list of cards
// that open the order. Only owners see orders; anyone else gets a plain "仅店主可以查看".
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import OwnerAttention from '../../components/OwnerAttention';
import PagedList from '../../components/PagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { formatFen } from '../../lib/money';
import { PAGES, routes } from '../../routes';
import { ORDER_QUERY_MAX } from '../../../cloudfunctions/contracts/limits';
import type { Order, OwnerView } from '../../../cloudfunctions/contracts/order';
import NotOwner from '../shared/NotOwner';
import { shippingSyncLabel, shippingSyncNeedsAttention } from '../shared/shipping-sync';
import { formatTime, isOwnerView, linesSummary, OWNER_VIEW_LIST, STATUS_LABEL, VIEW_LABEL } from '../shared/order-text';
import OwnerSearch from '../shared/OwnerSearch';
import { useOwnerOrders } from './useOwnerOrders';
import './index.scss';

const EMPTY_TEXT: Record<OwnerView, string> = {
  to_ship: '没有待发货的订单',
  after_sale: '没有待处理的售后',
  all: '店里还没有订单',
};

export default function OwnerOrdersPage() {
  const { params } = useRouter();
  const [view, setView] = useState<OwnerView>(isOwnerView(params.view) ? params.view : 'to_ship');
  const [q, setQ] = useState('');
  const list = useOwnerOrders(view, q);
  usePagedListScroll(list, '.owner-orders__list');
  // Back from an order the owner just shipped or refunded: show its new state.
  useRefreshOnReturn(list.refresh);

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') {
    return <NotOwner />;
  }

  return (
    <View className="owner-orders">
      <OwnerSearch
        placeholder="搜索订单号或买家手机号"
        maxlength={ORDER_QUERY_MAX}
        query={q}
        onSearch={setQ}
        onClear={() => setQ('')}
      >
        <View className="owner-orders__tabs">
          {OWNER_VIEW_LIST.map((v) => (
            <View
              key={v}
              className={v === view ? 'owner-orders__tab owner-orders__tab--active' : 'owner-orders__tab'}
              onClick={() => setView(v)}
            >
              {VIEW_LABEL[v]}
            </View>
          ))}
          <View
            className="owner-orders__summary-link"
            onClick={() => void Taro.navigateTo({ url: PAGES.ownerSummary })}
          >
            今日概况 ›
          </View>
        </View>
      </OwnerSearch>

      <PagedList
        list={list}
        block="owner-orders"
        empty={{
          message: q ? '没有找到匹配的订单' : EMPTY_TEXT[view],
          actionText: '刷新',
          onAction: () => void list.refresh(),
        }}
        renderItem={(order) => <OrderCard order={order} />}
      />
    </View>
  );
}

function OrderCard({ order }: { order: Order }) {
  const open = () => void Taro.navigateTo({ url: routes.ownerOrder(order.id) });
  return (
    <View className="owner-card" hoverClass="owner-card--pressed" onClick={open}>
      <View className="owner-card__row">
        <Text className="owner-card__id">{order.id}</Text>
        <Text className={`owner-card__status owner-card__status--${order.status}`}>{STATUS_LABEL[order.status]}</Text>
      </View>
      <Text className="owner-card__time">{formatTime(order.createdAt)}</Text>
      <OwnerAttention attention={order.attention} />
      {order.shippingSync ? (
        <Text
          className={
            shippingSyncNeedsAttention(order.shippingSync)
              ? 'owner-card__sync owner-card__sync--warn'
              : 'owner-card__sync'
          }
        >
          {shippingSyncLabel(order.shippingSync)}
        </Text>
      ) : null}
      <View className="owner-card__buyer">
        <Text className="owner-card__name">{order.address.name}</Text>
        <Text className="owner-card__phone">{order.address.phone}</Text>
      </View>
      <Text className="owner-card__lines">{linesSummary(order.items)}</Text>
      <View className="owner-card__foot">
        <Text className="owner-card__payable-label">实付</Text>
        <Text className="owner-card__payable">{formatFen(order.amounts.payableFen)}</Text>
      </View>
    </View>
  );
}
