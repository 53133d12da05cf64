// 经营数据: the shop's figures over 近7天 / 近30天 / 近90天, each with its change against the range before; the daily
// trend and the channel split as charts with their numbers beside them (a table of days, visits → orders → GMV per
// channel); the best-selling products and the sharers who brought the most. Figures come from the function only.
import { type ReactNode, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import PageState from '../../components/PageState';
import { formatFen } from '../../lib/money';
import { PAGES } from '../../routes';
import type { Dashboard, ReportRange, ReportTotals } from '../../../cloudfunctions/contracts/report';
import NotOwner from '../shared/NotOwner';
import { CHANNEL_LABEL, changeOf, formatDay, formatRate, RANGE_LABEL, RANGE_LIST } from '../shared/report-text';
import { type ChartSpec, channelBars, trendPoints } from './chart-data';
import F2Chart from './F2Chart';
import { useDashboard } from './useDashboard';
import './index.scss';

interface Figure {
  label: string;
  value: (t: ReportTotals) => number;
  format: (n: number) => string;
}

const count = (n: number) => String(n);

const FIGURES: Figure[] = [
  { label: '成交额', value: (t) => t.gmvFen, format: formatFen },
  { label: '订单数', value: (t) => t.orders, format: count },
  { label: '买家数', value: (t) => t.buyers, format: count },
  { label: '新客', value: (t) => t.newBuyers, format: count },
  { label: '老客', value: (t) => t.returningBuyers, format: count },
  { label: '复购率', value: (t) => t.repeatRate, format: formatRate },
  { label: '客单价', value: (t) => t.aovFen, format: formatFen },
  { label: '退款额', value: (t) => t.refundFen, format: formatFen },
  { label: '退款率', value: (t) => t.refundRate, format: formatRate },
];

export default function OwnerDashboardPage() {
  const [days, setDays] = useState<ReportRange>(7);
  const { dashboard, error, loading, reload } = useDashboard(days);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (error?.code === 'auth.not_owner') return <NotOwner />;

  const ranges = (
    <View className="dashboard__ranges">
      {RANGE_LIST.map((r) => (
        <View
          key={r}
          className={r === days ? 'dashboard__range dashboard__range--active' : 'dashboard__range'}
          onClick={() => setDays(r)}
        >
          {RANGE_LABEL[r]}
        </View>
      ))}
    </View>
  );

  // The range on screen is the one asked for only once it has arrived.
  const shown = dashboard?.days === days ? dashboard : null;
  let body: ReactNode;
  if (!shown) {
    body = error ? (
      <PageState kind="error" message={error.message} actionText="重新加载" onAction={() => void reload()} />
    ) : (
      <PageState kind="loading" />
    );
  } else if (shown.totals.orders === 0 && shown.totals.refundFen === 0) {
    body = (
      <PageState
        kind="empty"
        message={`${RANGE_LABEL[days]}还没有成交。把商品分享到微信聊天或朋友圈，好友下单付款后，成交额和趋势会出现在这里`}
        actionText="去分享商品"
        onAction={() => void Taro.navigateTo({ url: PAGES.ownerProducts })}
      />
    );
  } else {
    body = <DashboardBody dashboard={shown} />;
  }

  return (
    <View className="dashboard">
      <View className="dashboard__head">
        {ranges}
        {shown ? (
          <Text className="dashboard__span">{`${formatDay(shown.from)} – ${formatDay(shown.to)}（北京时间）`}</Text>
        ) : null}
      </View>
      {shown && error ? <View className="dashboard__notice">{`刷新失败：${error.message}`}</View> : null}
      {shown && loading ? <View className="dashboard__loading">更新中…</View> : null}
      {body}
    </View>
  );
}

function DashboardBody({ dashboard: d }: { dashboard: Dashboard }) {
  const newestFirst = [...d.daily].reverse();
  // The same objects while the dashboard is the same: a new spec makes F2 draw again.
  const trend = useMemo<ChartSpec>(() => ({ kind: 'trend', points: trendPoints(d.daily) }), [d]);
  const channels = useMemo<ChartSpec>(() => ({ kind: 'channels', bars: channelBars(d.channels) }), [d]);
  return (
    <View>
      <View className="dashboard__grid">
        {FIGURES.map((f) => {
          const change = changeOf(f.value(d.totals), f.value(d.previous));
          return (
            <View key={f.label} className="dashboard__figure" aria-label={f.label}>
              <Text className="dashboard__figure-label">{f.label}</Text>
              <Text className="dashboard__figure-value">{f.format(f.value(d.totals))}</Text>
              <Text className={`dashboard__change dashboard__change--${change.trend}`}>{change.text}</Text>
            </View>
          );
        })}
      </View>
      <Text className="dashboard__compare">较前{d.days}天</Text>

      <View className="dashboard__card">
        <Text className="dashboard__card-title">每日趋势</Text>
        <Text className="dashboard__legend">红色柱：成交额（元） · 蓝线：订单数</Text>
        <F2Chart id="dashboard-trend" spec={trend} height={220} label="每日成交额与订单数" />
        <View className="dashboard__table">
          <View className="dashboard__row dashboard__row--head">
            <Text className="dashboard__cell">日期</Text>
            <Text className="dashboard__cell">成交额</Text>
            <Text className="dashboard__cell">订单</Text>
            <Text className="dashboard__cell">买家</Text>
          </View>
          {newestFirst.map((day) => (
            <View key={day.day} className="dashboard__row" aria-label={day.day}>
              <Text className="dashboard__cell">{formatDay(day.day)}</Text>
              <Text className="dashboard__cell">{formatFen(day.gmvFen)}</Text>
              <Text className="dashboard__cell">{String(day.orders)}</Text>
              <Text className="dashboard__cell">{String(day.buyers)}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="dashboard__card">
        <Text className="dashboard__card-title">渠道</Text>
        <F2Chart id="dashboard-channels" spec={channels} height={160} label="各渠道订单数" />
        {d.channels.map((c) => (
          <View key={c.channel} className="dashboard__channel" aria-label={c.channel}>
            <Text className="dashboard__channel-name">{CHANNEL_LABEL[c.channel]}</Text>
            <Text className="dashboard__channel-flow">
              {`访问 ${c.visits} → 下单 ${c.orders} → ${formatFen(c.gmvFen)}`}
            </Text>
            {c.chatSplit && c.visits > 0 ? (
              <Text className="dashboard__channel-split">{`群聊 ${c.chatSplit.group} · 单聊 ${c.chatSplit.single}`}</Text>
            ) : null}
          </View>
        ))}
      </View>

      <View className="dashboard__card">
        <Text className="dashboard__card-title">热销商品</Text>
        {d.topProducts.length === 0 ? <Text className="dashboard__quiet">暂无</Text> : null}
        {d.topProducts.map((p, i) => (
          <View key={p.productId} className="dashboard__rank">
            <Text className="dashboard__rank-no">{String(i + 1)}</Text>
            <Text className="dashboard__rank-name">{p.title}</Text>
            <Text className="dashboard__rank-figure">{`${p.units} 件 · ${formatFen(p.gmvFen)}`}</Text>
          </View>
        ))}
      </View>

      <View className="dashboard__card">
        <Text className="dashboard__card-title">推广达人</Text>
        {d.topSharers.length === 0 ? <Text className="dashboard__quiet">暂无推广带来的订单</Text> : null}
        {d.topSharers.map((s, i) => (
          <View key={s.shareCode} className="dashboard__rank">
            <Text className="dashboard__rank-no">{String(i + 1)}</Text>
            <Text className="dashboard__rank-name">{s.nickname}</Text>
            <Text className="dashboard__rank-figure">
              {`${s.orders} 单 · ${formatFen(s.gmvFen)} · 佣金 ${formatFen(s.commissionFen)}`}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
