// The checkout's coupon chooser: the buyer's usable coupons for this order with what each takes off (the applied one
// marked), the unusable ones greyed with why, and 不使用优惠券. Choosing one closes the sheet; the page prices again.
import { ScrollView, Text, View } from '@tarojs/components';
import CouponCard from '../../components/CouponCard';
import { couponValidity } from '../../lib/coupon';
import { formatFen } from '../../lib/money';
import type { Quote } from '../../../cloudfunctions/contracts/order';

export interface CouponSheetProps {
  coupons: Quote['coupons'];
  onChoose: (id: string | null) => void;
  onClose: () => void;
}

export default function CouponSheet({ coupons, onChoose, onClose }: CouponSheetProps) {
  const { usable, unusable, applied } = coupons;
  return (
    <View className="coupon-sheet">
      <View className="coupon-sheet__mask" onClick={onClose} />
      <View className="coupon-sheet__panel">
        <Text className="coupon-sheet__title">选择优惠券</Text>
        <ScrollView className="coupon-sheet__list" scrollY>
          {usable.length > 0 ? <Text className="coupon-sheet__group">{`可用优惠券（${usable.length}）`}</Text> : null}
          {usable.map((c) => (
            <CouponCard
              key={c.id}
              terms={c}
              validity={couponValidity(c)}
              selected={c.id === applied}
              onClick={() => onChoose(c.id)}
            >
              <Text className="coupon-sheet__off">{`-${formatFen(c.discountFen)}`}</Text>
              <Text className="coupon-sheet__pick">{c.id === applied ? '已选' : '使用'}</Text>
            </CouponCard>
          ))}
          <View
            className={applied ? 'coupon-sheet__none' : 'coupon-sheet__none coupon-sheet__none--selected'}
            aria-selected={!applied}
            onClick={() => onChoose(null)}
          >
            不使用优惠券
          </View>
          {unusable.length > 0 ? (
            <Text className="coupon-sheet__group">{`本单不可用（${unusable.length}）`}</Text>
          ) : null}
          {unusable.map((c) => (
            <CouponCard key={c.id} terms={c} validity={couponValidity(c)} muted note={c.why} />
          ))}
        </ScrollView>
        <View className="coupon-sheet__cancel" onClick={onClose}>
          关闭
        </View>
      </View>
    </View>
  );
}
