// My orders: tabs by state (the first one from the `tab=` query), a paged list that refreshes by pulling down and
// extends at the bottom, and a card per order that opens its page (a group order's card also leads to its group).
import { useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import { useOrderList } from '../../hooks/useOrderList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { CAMPAIGN_PRICE_TAGS } from '../../lib/campaign';
import { formatFen } from '../../lib/money';
import { BUYER_TAB_LABELS, BUYER_TAB_LIST, ORDER_STATUS_LABELS, parseBuyerTab } from '../../lib/order-status';
import { formatTime } from '../../lib/time';
import { PAGES, routes } from '../../routes';
import type { BuyerTab, Order } from '../../../cloudfunctions/contracts/order';
import './index.scss';

const EMPTY_MESSAGES: Record<BuyerTab, string> = {
  all: '还没有订单，去挑点好物吧',
  pending_payment: '没有待付款的订单',
  to_ship: '没有待发货的订单',
  to_receive: '没有待收货的订单',
  completed: '没有已完成的订单',
  after_sale: '没有售后中的订单',
};

const toHome = () => void Taro.switchTab({ url: PAGES.home });

function openOrder(id: string) {
  void Taro.navigateTo({ url: routes.order(id) });
}

export default function OrdersPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<BuyerTab>(() => parseBuyerTab(params.tab));
  const list = useOrderList(tab);
  usePagedListScroll(list, '.orders__list');
  // Back from an order's page (paid, cancelled, received…): show the list as it is now.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void list.refresh();
    shownOnce.current = true;
  });

  // Only 全部 offers a way to the shop when empty: the other tabs are empty for a reason.
  const emptyText = EMPTY_MESSAGES[tab];
  return (
    <View className="orders">
      <View className="orders__tabs" role="tablist">
        {BUYER_TAB_LIST.map((t) => (
          <View
            key={t}
            className={t === tab ? 'orders__tab orders__tab--active' : 'orders__tab'}
            role="tab"
            aria-selected={t === tab}
            onClick={() => setTab(t)}
          >
            {BUYER_TAB_LABELS[t]}
          </View>
        ))}
      </View>

      <PagedList
        list={list}
        block="orders"
        empty={tab === 'all' ? { message: EMPTY_MESSAGES.all, actionText: '去逛逛', onAction: toHome } : emptyText}
        renderItem={(order) => <OrderCard order={order} />}
      />
    </View>
  );
}

function OrderCard({ order }: { order: Order }) {
  const first = order.items[0];
  const pieces = order.items.reduce((n, line) => n + line.qty, 0);
  return (
    <View className="order-card" hoverClass="order-card--pressed" onClick={() => openOrder(order.id)}>
      <View className="order-card__head">
        <Text className="order-card__time">{formatTime(order.createdAt)}</Text>
        <Text className={`order-card__status order-card__status--${order.status}`}>
          {ORDER_STATUS_LABELS[order.status]}
        </Text>
      </View>
      {first ? (
        <View className="order-card__line">
          <Image className="order-card__image" src={first.image} mode="aspectFill" />
          <View className="order-card__line-body">
            <Text className="order-card__title">{first.title}</Text>
            {first.campaign ? <Text className="order-card__tag">{CAMPAIGN_PRICE_TAGS[first.campaign]}</Text> : null}
            <Text className="order-card__spec">
              {order.items.length > 1 ? `${first.spec} 等 ${order.items.length} 种商品` : first.spec}
            </Text>
          </View>
        </View>
      ) : null}
      <View className="order-card__foot">
        <Text className="order-card__count">{`共 ${pieces} 件`}</Text>
        <Text className="order-card__payable-label">实付</Text>
        <Text className="order-card__payable">{formatFen(order.amounts.payableFen)}</Text>
      </View>
      {order.group ? <GroupLink groupId={order.group.groupId} waiting={order.status === 'grouping'} /> : null}
    </View>
  );
}

/** 邀请好友 on a group order waiting for its group (待成团), 查看拼团 on the others: the group's page. */
function GroupLink({ groupId, waiting }: { groupId: string; waiting: boolean }) {
  return (
    <View className="order-card__actions">
      <Text
        className={waiting ? 'order-card__group order-card__group--primary' : 'order-card__group'}
        onClick={(e) => {
          e.stopPropagation();
          void Taro.navigateTo({ url: routes.campaignGroup(groupId) });
        }}
      >
        {waiting ? '邀请好友' : '查看拼团'}
      </Text>
    </View>
  );
}
