// 我的优惠券: the coupons the member claimed, by 可用 / 已使用 / 已过期, a page at a time. A usable one leads to where it
// can be spent (去使用: its product for a coupon of chosen products, else the shop's home); 领券中心 for more.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { couponApi } from '../../api/coupon';
import CouponCard from '../../components/CouponCard';
import PagedList from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { couponValidity } from '../../lib/coupon';
import { formatDateTime } from '../../lib/time';
import { PAGES, routes } from '../../routes';
import type { MemberCoupon, MemberCouponStatus } from '../../../cloudfunctions/contracts/coupon';
import './index.scss';

export const MY_COUPONS_PAGE_SIZE = 20;

const TABS: Array<[MemberCouponStatus, string]> = [
  ['usable', '可用'],
  ['used', '已使用'],
  ['expired', '已过期'],
];
const EMPTY: Record<MemberCouponStatus, string> = {
  usable: '没有可用的优惠券',
  used: '还没有用过优惠券',
  expired: '没有过期的优惠券',
};

/** Where a usable coupon can be spent: its product (the first, for a coupon of chosen products), else the home. */
function goSpend(coupon: MemberCoupon): void {
  const productId = coupon.scope === 'products' ? coupon.productIds?.[0] : undefined;
  if (productId) void Taro.navigateTo({ url: routes.product(productId) });
  else void Taro.switchTab({ url: PAGES.home });
}

export default function MyCouponsPage() {
  const [status, setStatus] = useState<MemberCouponStatus>('usable');
  const list = usePagedList((page) => couponApi.mine({ status, ...page, limit: MY_COUPONS_PAGE_SIZE }), status);
  usePagedListScroll(list, '.my-coupons__list');
  const toCentre = () => void Taro.navigateTo({ url: routes.memberCouponCenter() });

  return (
    <View className="my-coupons">
      <View className="my-coupons__tabs">
        {TABS.map(([s, label]) => (
          <View
            key={s}
            className={s === status ? 'my-coupons__tab my-coupons__tab--active' : 'my-coupons__tab'}
            onClick={() => setStatus(s)}
          >
            {label}
          </View>
        ))}
      </View>

      <PagedList
        list={list}
        block="my-coupons"
        empty={
          status === 'usable' ? { message: EMPTY.usable, actionText: '去领券', onAction: toCentre } : EMPTY[status]
        }
        renderItem={(c) => (
          <CouponCard terms={c} validity={couponValidity(c)} muted={c.status !== 'usable'} note={noteOf(c)}>
            {c.status === 'usable' ? (
              <View className="my-coupons__use" onClick={() => goSpend(c)}>
                去使用
              </View>
            ) : (
              <Text className="my-coupons__stamp">{c.status === 'used' ? '已使用' : '已过期'}</Text>
            )}
          </CouponCard>
        )}
      />

      {status === 'usable' && list.items.length > 0 ? (
        <Text className="my-coupons__centre" onClick={toCentre}>
          去领券中心领更多 ›
        </Text>
      ) : null}
    </View>
  );
}

function noteOf(c: MemberCoupon): string | undefined {
  if (c.status === 'used' && c.usedAt) return `${formatDateTime(c.usedAt)} 使用`;
  return undefined;
}
