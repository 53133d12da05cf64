// The owner's order desk: 待发货 / 售后 / 全部. The order views have a search by order id or buyer phone and a paged
// list of cards that open the order; 售后 lists the after-sale cases instead (AfterSaleDesk). Only owners see
// them; anyone else gets a plain "仅店主可以查看".
import { useState, type ReactNode } from 'react';
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
import AfterSaleDesk from './AfterSaleDesk';
import { useOwnerOrders } from './useOwnerOrders';
import './index.scss';

type OrderView = Exclude<OwnerView, 'after_sale'>;

const EMPTY_TEXT: Record<OrderView, string> = {
  to_ship: '没有待发货的订单',
  all: '店里还没有订单',
};

export default function OwnerOrdersPage() {
  const { params } = useRouter();
  const [view, setView] = useState<OwnerView>(isOwnerView(params.view) ? params.view : 'to_ship');
  const [q, setQ] = useState('');

  const tabs = (
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
      <View className="owner-orders__summary-link" onClick={() => void Taro.navigateTo({ url: PAGES.ownerSummary })}>
        今日概况 ›
      </View>
      <View className="owner-orders__desk-link" onClick={() => void Taro.navigateTo({ url: PAGES.ownerExportOrders })}>
        导出
      </View>
      <View
        className="owner-orders__desk-link"
        onClick={() => void Taro.navigateTo({ url: PAGES.ownerImportShipments })}
      >
        批量发货
      </View>
    </View>
  );

  if (view === 'after_sale') return <AfterSaleDesk tabs={tabs} />;
  return <OrderList view={view} q={q} tabs={tabs} onSearch={setQ} />;
}

interface OrderListProps {
  view: OrderView;
  q: string;
  tabs: ReactNode;
  onSearch: (q: string) => void;
}

function OrderList({ view, q, tabs, onSearch }: OrderListProps) {
  const list = useOwnerOrders(view, q);
  usePagedListScroll(list, '.owner-orders__list');
  // Back from an order the owner just shipped: show its new state.
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
        onSearch={onSearch}
        onClear={() => onSearch('')}
      >
        {tabs}
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
