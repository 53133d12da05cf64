// The checkout's 优惠券 row: what the applied coupon takes off (-¥5.00) and its name, or how many coupons this order
// could take; tapping it opens the chooser. A coupon the server refused is said under it.
import { Text, View } from '@tarojs/components';
import { formatFen } from '../../lib/money';
import type { OrderAmounts, Quote } from '../../../cloudfunctions/contracts/order';

export interface CouponRowProps {
  coupons: Quote['coupons'];
  amounts: OrderAmounts;
  busy: boolean;
  notice: string | null;
  onOpen: () => void;
}

export default function CouponRow({ coupons, amounts, busy, notice, onOpen }: CouponRowProps) {
  const { usable, unusable, applied } = coupons;
  const refused = notice ? <Text className="checkout__coupon-notice">{`${notice}，已为你重新选择优惠券`}</Text> : null;
  if (usable.length === 0 && unusable.length === 0) return refused;
  const name = usable.find((c) => c.id === applied)?.name;
  const hint = applied ? name : usable.length > 0 ? `${usable.length} 张可用` : '暂无可用';
  return (
    <>
      <View
        className="checkout__amount checkout__coupon"
        role="button"
        aria-label="选择优惠券"
        aria-disabled={busy}
        onClick={busy ? undefined : onOpen}
      >
        <Text className="checkout__amount-label">优惠券</Text>
        {hint ? <Text className="checkout__amount-hint">{hint}</Text> : null}
        <Text className="checkout__amount-value checkout__coupon-value">
          {amounts.couponFen > 0 ? `-${formatFen(amounts.couponFen)}` : usable.length > 0 ? '不使用' : ''}
        </Text>
        <Text className="checkout__coupon-more">›</Text>
      </View>
      {refused}
    </>
  );
}
