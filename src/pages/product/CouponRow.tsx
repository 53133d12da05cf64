// 领券 on the product page: the coupons of this product the buyer can claim now, briefly (满100减10 …), and the way
// into the coupon centre for this product, where they are claimed. Nothing shows when there are none or they could
// not be read: a coupon is a bonus, never in the way of buying.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { couponApi } from '../../api/coupon';
import { couponRule } from '../../lib/coupon';
import { routes } from '../../routes';
import type { AvailableCoupon } from '../../../cloudfunctions/contracts/coupon';

/** How many coupons the row names; the centre lists them all. */
const SHOWN = 3;

export default function CouponRow({ productId }: { productId: string }) {
  const [coupons, setCoupons] = useState<AvailableCoupon[]>([]);
  useEffect(() => {
    let live = true;
    void couponApi.available({ productId }).then((res) => {
      if (live && res.ok) setCoupons(res.data.items);
    });
    return () => {
      live = false;
    };
  }, [productId]);

  if (coupons.length === 0) return null;
  return (
    <View
      className="product__card product__coupons"
      hoverClass="product__coupons--pressed"
      onClick={() => void Taro.navigateTo({ url: routes.memberCouponCenter(productId) })}
    >
      <Text className="product__coupons-label">领券</Text>
      <View className="product__coupons-list">
        {coupons.slice(0, SHOWN).map((c) => (
          <Text key={c.id} className="product__coupon-tag">
            {couponRule(c)}
          </Text>
        ))}
      </View>
      <Text className="product__coupons-more">{coupons.some((c) => c.canClaim) ? '领取 ›' : '查看 ›'}</Text>
    </View>
  );
}
