// 优惠券 (the owner's): every coupon the shop issued, newest first, with its terms, status and how many were claimed
// and used of how many; 新建优惠券, 编辑 (any but an ended one: once claimed, its name and counts only); and 停止发放
// (after a confirmation): no more claims, those claimed stay usable.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { couponApi } from '../../api/coupon';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { couponRule, couponScopeText, couponValidity } from '../../lib/coupon';
import { PAGES, routes } from '../../routes';
import type { Coupon, CouponStatus } from '../../../cloudfunctions/contracts/coupon';
import NotOwner from '../shared/NotOwner';
import { useStopOnList, type StopSpec } from '../shared/useStopOnList';
import './index.scss';

export const OWNER_COUPONS_PAGE_SIZE = 20;

export const COUPON_STATUS_LABEL: Record<CouponStatus, string> = {
  active: '发放中',
  stopped: '已停止发放',
  ended: '已结束',
  claimed_out: '已领完',
};

const STOP: StopSpec<Coupon> = {
  ask: (coupon) => ({
    title: '停止发放',
    content: `停止后「${coupon.name}」不能再领取，且不能恢复；已领取的 ${coupon.claimed} 张在有效期内仍可使用。`,
    confirmText: '停止发放',
  }),
  stop: async (coupon) => {
    const res = await couponApi.stop({ couponId: coupon.id });
    return res.ok ? { ok: true, data: res.data.coupon } : res;
  },
  done: { title: '已停止发放', icon: 'success' },
};

export default function OwnerCouponsPage() {
  const list = usePagedList((page) => couponApi.list({ ...page, limit: OWNER_COUPONS_PAGE_SIZE }), 'all');
  usePagedListScroll(list, '.owner-coupons__list');
  useRefreshOnReturn(list.refresh);
  const create = () => void Taro.navigateTo({ url: PAGES.ownerCoupon });
  const edit = (coupon: Coupon) => void Taro.navigateTo({ url: routes.ownerCoupon(coupon.id) });
  const { stop, stopping, shown } = useStopOnList(STOP);

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') return <NotOwner />;

  return (
    <View className="owner-coupons">
      <View className="owner-coupons__head">
        <Text className="owner-coupons__intro">券由店铺统一发放，所有会员领到的条款相同</Text>
        <View className="owner-coupons__new" onClick={create}>
          新建优惠券
        </View>
      </View>
      <PagedList
        list={{ ...list, items: shown(list.items) }}
        block="owner-coupons"
        empty={{ message: '还没有优惠券', actionText: '新建优惠券', onAction: create }}
        renderItem={(c) => (
          <View className="owner-coupons__card">
            <View className="owner-coupons__top">
              <Text className="owner-coupons__name">{c.name}</Text>
              <Text className={`owner-coupons__status owner-coupons__status--${c.status}`}>
                {COUPON_STATUS_LABEL[c.status]}
              </Text>
            </View>
            <Text className="owner-coupons__rule">{`${couponRule(c)} · ${couponScopeText(c)}`}</Text>
            <Text className="owner-coupons__meta">{`${couponValidity(c)} · 每人限领 ${c.perMember} 张`}</Text>
            <View className="owner-coupons__counts">
              <Count label="已领取" value={c.claimed} />
              <Count label="已使用" value={c.used} />
              <Count label="发放总量" value={c.total} />
            </View>
            {c.status !== 'ended' ? (
              <View className="owner-coupons__actions">
                <View className="owner-coupons__edit" onClick={() => edit(c)}>
                  编辑
                </View>
                {c.status === 'active' ? (
                  <View className="owner-coupons__stop" aria-disabled={stopping !== null} onClick={() => void stop(c)}>
                    {stopping === c.id ? '停止中…' : '停止发放'}
                  </View>
                ) : null}
              </View>
            ) : null}
          </View>
        )}
      />
    </View>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <View className="owner-coupons__count" aria-label={label}>
      <Text className="owner-coupons__count-value">{String(value)}</Text>
      <Text className="owner-coupons__count-label">{label}</Text>
    </View>
  );
}
