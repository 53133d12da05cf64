// 今日概况: today's orders and takings, and what is waiting for the owner; each tile opens the desk on its view; below,
// the ways into 经营数据 and 客户.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ErrorBody } from '../../api/client';
import { orderApi } from '../../api/order';
import PageState from '../../components/PageState';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { formatFen } from '../../lib/money';
import { PAGES, routes } from '../../routes';
import type { OwnerSummary, OwnerView } from '../../../cloudfunctions/contracts/order';
import NotOwner from '../shared/NotOwner';
import './index.scss';

interface Tile {
  label: string;
  value: string;
  hint: string;
  view: OwnerView;
  /** Something is waiting for the owner. */
  alert?: boolean;
}

function tilesOf(s: OwnerSummary): Tile[] {
  return [
    { label: '今日订单', value: String(s.orders), hint: '笔', view: 'all' },
    { label: '今日收款', value: formatFen(s.paidFen), hint: '已付款金额', view: 'all' },
    {
      label: '待发货',
      value: String(s.toShip),
      hint: s.toShip > 0 ? '去发货' : '都发完了',
      view: 'to_ship',
      alert: s.toShip > 0,
    },
    {
      label: '待处理售后',
      value: String(s.refundsWaiting),
      hint: s.refundsWaiting > 0 ? '去处理' : '暂无售后',
      view: 'after_sale',
      alert: s.refundsWaiting > 0,
    },
  ];
}

// Beyond today: the business view, linked from here (inside owner/) so the main package's 我的 page stays as it is.
const LINKS = [
  { label: '经营数据', hint: '趋势、渠道、热销与推广', url: PAGES.ownerDashboard },
  { label: '客户', hint: '谁买过、买了多少、谁推荐的', url: PAGES.ownerCustomers },
];

export default function OwnerSummaryPage() {
  const [summary, setSummary] = useState<OwnerSummary | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const gen = ++generation.current;
    setError(null);
    const res = await orderApi.summary();
    if (gen !== generation.current) return;
    if (res.ok) setSummary(res.data);
    else setError(res.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  // Coming back from the desk after shipping: the counts changed.
  useRefreshOnReturn(load);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (error?.code === 'auth.not_owner') {
    return <NotOwner />;
  }
  if (!summary) {
    return error ? (
      <PageState kind="error" message={error.message} actionText="重新加载" onAction={() => void load()} />
    ) : (
      <PageState kind="loading" />
    );
  }

  return (
    <View className="owner-summary">
      <View className="owner-summary__head">
        <Text className="owner-summary__title">今日概况</Text>
        <Text className="owner-summary__date">{summary.date}</Text>
      </View>
      {error ? <View className="owner-summary__notice">{`刷新失败：${error.message}`}</View> : null}
      <View className="owner-summary__grid">
        {tilesOf(summary).map((tile) => (
          <View
            key={tile.label}
            className={tile.alert ? 'owner-summary__tile owner-summary__tile--alert' : 'owner-summary__tile'}
            hoverClass="owner-summary__tile--pressed"
            onClick={() => void Taro.navigateTo({ url: routes.ownerOrders(tile.view) })}
          >
            <Text className="owner-summary__label">{tile.label}</Text>
            <Text className="owner-summary__value">{tile.value}</Text>
            <Text className="owner-summary__hint">{`${tile.hint} ›`}</Text>
          </View>
        ))}
      </View>
      <View className="owner-summary__links">
        {LINKS.map((l) => (
          <View
            key={l.label}
            className="owner-summary__link"
            hoverClass="owner-summary__link--pressed"
            onClick={() => void Taro.navigateTo({ url: l.url })}
          >
            <Text className="owner-summary__link-label">{l.label}</Text>
            <Text className="owner-summary__link-hint">{`${l.hint} ›`}</Text>
          </View>
        ))}
      </View>
      <Text className="owner-summary__foot">按北京时间统计，下拉刷新</Text>
    </View>
  );
}
