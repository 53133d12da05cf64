// The owner's order desk: 待发货 / 售后 / 全部, a search by order id or buyer phone, and a paged list of cards
// that open the order. Only owners see orders; anyone else gets a plain "仅店主可以查看".
import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import ListFooter from '../../components/ListFooter';
import OwnerAttention from '../../components/OwnerAttention';
import PageState from '../../components/PageState';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { formatFen } from '../../lib/money';
import type { Order, OwnerView } from '../../../cloudfunctions/contracts/order';
import { formatTime, isOwnerView, linesSummary, ownerOrderUrl, OWNER_SUMMARY_PAGE, OWNER_VIEW_LIST, STATUS_LABEL, VIEW_LABEL } from '../shared/order-text';
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
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const list = useOwnerOrders(view, q);
  usePagedListScroll(list, '.owner-orders__list');
  // Back from an order the owner just shipped or refunded: show its new state.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });

  const search = () => setQ(draft.trim());
  const clearSearch = () => {
    setDraft('');
    setQ('');
  };

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') {
    return <PageState kind='empty' message='仅店主可以查看' actionText='返回首页' onAction={() => void Taro.switchTab({ url: '/pages/index/index' })} />;
  }

  return (
    <View className='owner-orders'>
      <View className='owner-orders__head'>
        <View className='owner-orders__search'>
          <Input
            className='owner-orders__input'
            type='text'
            value={draft}
            maxlength={32}
            placeholder='搜索订单号或买家手机号'
            confirmType='search'
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={search}
          />
          <View className='owner-orders__search-button' hoverClass='owner-orders__search-button--pressed' onClick={search}>
            搜索
          </View>
        </View>
        <View className='owner-orders__tabs'>
          {OWNER_VIEW_LIST.map((v) => (
            <View key={v} className={v === view ? 'owner-orders__tab owner-orders__tab--active' : 'owner-orders__tab'} onClick={() => setView(v)}>
              {VIEW_LABEL[v]}
            </View>
          ))}
          <View className='owner-orders__summary-link' onClick={() => void Taro.navigateTo({ url: OWNER_SUMMARY_PAGE })}>
            今日概况 ›
          </View>
        </View>
        {q ? (
          <View className='owner-orders__query'>
            <Text>{`“${q}”的搜索结果`}</Text>
            <Text className='owner-orders__clear' onClick={clearSearch}>
              清除
            </Text>
          </View>
        ) : null}
      </View>

      {list.status === 'loading' ? <PageState kind='loading' /> : null}
      {list.status === 'error' ? <PageState kind='error' message={list.error?.message} actionText='重新加载' onAction={() => void list.refresh()} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <PageState kind='empty' message={q ? '没有找到匹配的订单' : EMPTY_TEXT[view]} actionText='刷新' onAction={() => void list.refresh()} />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='owner-orders__list'>
          {list.error ? <View className='owner-orders__notice'>{`刷新失败：${list.error.message}`}</View> : null}
          {list.items.map((order) => (
            <OrderCard key={order.id} order={order} />
          ))}
          <ListFooter list={list} className='owner-orders__footer' />
        </View>
      ) : null}
    </View>
  );
}

function OrderCard({ order }: { order: Order }) {
  const open = () => void Taro.navigateTo({ url: ownerOrderUrl(order.id) });
  return (
    <View className='owner-card' hoverClass='owner-card--pressed' onClick={open}>
      <View className='owner-card__row'>
        <Text className='owner-card__id'>{order.id}</Text>
        <Text className={`owner-card__status owner-card__status--${order.status}`}>{STATUS_LABEL[order.status]}</Text>
      </View>
      <Text className='owner-card__time'>{formatTime(order.createdAt)}</Text>
      <OwnerAttention attention={order.attention} />
      <View className='owner-card__buyer'>
        <Text className='owner-card__name'>{order.address.name}</Text>
        <Text className='owner-card__phone'>{order.address.phone}</Text>
      </View>
      <Text className='owner-card__lines'>{linesSummary(order.items)}</Text>
      <View className='owner-card__foot'>
        <Text className='owner-card__payable-label'>实付</Text>
        <Text className='owner-card__payable'>{formatFen(order.amounts.payableFen)}</Text>
      </View>
    </View>
  );
}
