// Me: who I am in this shop, the share code my links carry, my orders by state, my member card (开卡, points), my
// coupons and groups (拼团), who recommended me (and a way to release that; 绑定记录 and 不看推荐的人 for the past and
// the muted), the way into my 推广中心, and the owner's way into the shop's management.
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { commissionApi } from '../../api/commission';
import PageState from '../../components/PageState';
import { BUYER_TAB_LABELS } from '../../lib/order-status';
import { formatMonthDay, msUntil } from '../../lib/time';
import { PAGES, routes } from '../../routes';
import { useSession } from '../../stores/session';
import type { Binding } from '../../../cloudfunctions/contracts/shop';
import type { BuyerTab } from '../../../cloudfunctions/contracts/order';
import PointsCard from './PointsCard';
import { usePointsCard } from './usePointsCard';
import './index.scss';

function copyShareCode(code: string) {
  Taro.setClipboardData({ data: code })
    .then(() => Taro.showToast({ title: '推荐码已复制', icon: 'success' }))
    .catch(() => Taro.showToast({ title: '复制失败', icon: 'none' }));
}

const ORDER_SHORTCUTS: BuyerTab[] = ['pending_payment', 'to_ship', 'to_receive', 'after_sale'];

/** 售后 opens 我的售后 (the cases themselves); the other shortcuts open the order list on their tab. */
function openOrders(tab: BuyerTab) {
  void Taro.navigateTo({ url: tab === 'after_sale' ? PAGES.memberAfterSales : routes.orders(tab) });
}

const open = (url: string) => () => void Taro.navigateTo({ url });

const OWNER_ENTRIES: Array<{ label: string; hint: string; url: string }> = [
  { label: '店铺管理', hint: '发货、处理退款 ›', url: PAGES.ownerOrders },
  { label: '商品管理', hint: '上新、改价、库存与上下架 ›', url: PAGES.ownerProducts },
  { label: '今日概况', hint: '订单与销售额 ›', url: PAGES.ownerSummary },
  { label: '推广员', hint: '谁带来了订单 ›', url: PAGES.ownerSharers },
  { label: '提现审批', hint: '处理推广员的提现 ›', url: PAGES.ownerWithdrawals },
  { label: '佣金设置', hint: '默认与单品佣金比例 ›', url: PAGES.ownerRates },
  { label: '积分设置', hint: '得积分、抵现与有效期 ›', url: PAGES.ownerPoints },
  { label: '评价管理', hint: '回复与隐藏 ›', url: PAGES.ownerReviews },
  { label: '优惠券', hint: '发券、领用情况与停发 ›', url: PAGES.ownerCoupons },
  { label: '拼团活动', hint: '开团价、成团情况与停止 ›', url: PAGES.ownerGroupBuys },
  { label: '秒杀活动', hint: '限时价、活动库存与停止 ›', url: PAGES.ownerFlashSales },
  { label: '店铺设置', hint: '店名、运费、售后与店主 ›', url: PAGES.ownerSettings },
];

export default function MePage() {
  const { user, binding, status, error, reload } = useSession();
  const points = usePointsCard(user?.isMember ?? false);

  useEffect(() => {
    void useSession.getState().load();
  }, []);
  // Back on the tab (after an order, a refund…): the balance may have moved. The first show is the load above.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current && useSession.getState().user?.isMember) void points.reload();
    shownOnce.current = true;
  });

  if (status === 'error') {
    return <PageState kind="error" message={error?.message} actionText="重新加载" onAction={() => void reload()} />;
  }
  if (!user) return <PageState kind="loading" />;

  return (
    <View className="me">
      <View className="me__profile">
        <View className="me__avatar">{user.nickname.slice(0, 1)}</View>
        <View className="me__who">
          <View className="me__name-row">
            <Text className="me__nickname">{user.nickname}</Text>
            {user.isOwner ? <Text className="me__badge">店主</Text> : null}
          </View>
          <View className="me__code" hoverClass="me__code--pressed" onClick={() => copyShareCode(user.shareCode)}>
            <Text>{`我的推荐码 ${user.shareCode}`}</Text>
            <Text className="me__copy">复制</Text>
          </View>
        </View>
      </View>

      <View className="me__card me__orders">
        <View className="me__card-head">
          <Text className="me__card-title">我的订单</Text>
          <Text className="me__card-more" onClick={() => openOrders('all')}>
            全部订单 ›
          </Text>
        </View>
        <View className="me__shortcuts">
          {ORDER_SHORTCUTS.map((tab) => (
            <View key={tab} className="me__shortcut" hoverClass="me__shortcut--pressed" onClick={() => openOrders(tab)}>
              <View className={`me__shortcut-icon me__shortcut-icon--${tab}`} />
              <Text className="me__shortcut-label">{BUYER_TAB_LABELS[tab]}</Text>
            </View>
          ))}
        </View>
      </View>

      <PointsCard user={user} card={points} />

      <View className="me__card me__links">
        <View className="me__entry" hoverClass="me__entry--pressed" onClick={open(PAGES.memberCoupons)}>
          <Text className="me__entry-label">我的优惠券</Text>
          <Text className="me__entry-hint">领券与用券 ›</Text>
        </View>
        <View className="me__entry" hoverClass="me__entry--pressed" onClick={open(PAGES.campaignMyGroups)}>
          <Text className="me__entry-label">我的拼团</Text>
          <Text className="me__entry-hint">拼团进度与结果 ›</Text>
        </View>
        <View className="me__entry" hoverClass="me__entry--pressed" onClick={open(PAGES.memberFavorites)}>
          <Text className="me__entry-label">我的收藏</Text>
          <Text className="me__entry-hint">收藏的好物 ›</Text>
        </View>
        <View className="me__entry" hoverClass="me__entry--pressed" onClick={open(PAGES.memberBindings)}>
          <Text className="me__entry-label">绑定记录</Text>
          <Text className="me__entry-hint">谁推荐过我 ›</Text>
        </View>
        <View className="me__entry" hoverClass="me__entry--pressed" onClick={open(PAGES.memberMutes)}>
          <Text className="me__entry-label">不看推荐的人</Text>
          <Text className="me__entry-hint">恢复 TA 的推荐 ›</Text>
        </View>
      </View>

      {binding && msUntil(binding.until) > 0 ? <BindingCard binding={binding} /> : null}

      <View className="me__card me__share" hoverClass="me__card--pressed" onClick={open(PAGES.shareCenter)}>
        <View className="me__card-head">
          <Text className="me__card-title">分享赚佣金 · 推广中心 ›</Text>
        </View>
        <Text className="me__card-text">
          朋友通过你的分享买下并完成订单，你得到佣金；访问、成交和佣金都在推广中心。
        </Text>
      </View>

      {user.isOwner ? (
        <View className="me__card me__owner">
          <Text className="me__card-title">店主专区</Text>
          {OWNER_ENTRIES.map((entry) => (
            <View key={entry.url} className="me__entry" hoverClass="me__entry--pressed" onClick={open(entry.url)}>
              <Text className="me__entry-label">{entry.label}</Text>
              <Text className="me__entry-hint">{entry.hint}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** Who my orders count for: the sharer I am bound to, until when, and a way to release it. */
function BindingCard({ binding }: { binding: Binding }) {
  const [releasing, setReleasing] = useState(false);
  const release = async () => {
    if (releasing) return;
    const { confirm } = await Taro.showModal({
      title: '解除推荐关系',
      content: '解除后，你之后的订单不再计入 TA 的推广',
      confirmText: '解除',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setReleasing(true);
    const res = await commissionApi.releaseBinding();
    setReleasing(false);
    if (res.ok) {
      useSession.getState().setBinding(null);
      void Taro.showToast({ title: '已解除推荐关系', icon: 'none' });
    } else {
      void Taro.showToast({ title: res.error.message, icon: 'none' });
    }
  };
  return (
    <View className="me__card me__binding">
      <View className="me__binding-body">
        <Text className="me__binding-text">{`你的推荐人：${binding.nickname}，至 ${formatMonthDay(binding.until)}`}</Text>
        <Text className="me__binding-hint">期间你的订单计入 TA 的推广，价格不变</Text>
      </View>
      <View
        className={releasing ? 'me__release me__release--busy' : 'me__release'}
        aria-disabled={releasing}
        onClick={() => void release()}
      >
        {releasing ? '解除中…' : '解除'}
      </View>
    </View>
  );
}
