// One coupon as every coupon list shows it: the big figure (¥10 or 9折) on the left, its name, rule (满100减10),
// scope and validity on the right, and whatever the list puts beside it (立即领取, -¥5.00, 去使用). `muted` greys it
// (unusable, used, expired) and `note` says why under the terms.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { couponFace, couponRule, couponScopeText } from '../../lib/coupon';
import type { CouponTerms } from '../../../cloudfunctions/contracts/coupon';
import './index.scss';

export interface CouponCardProps {
  terms: CouponTerms;
  /** "2026.12.01–12.31", "领取后 7 天内有效". */
  validity: string;
  muted?: boolean;
  /** A line under the terms: why it cannot be used, 已领取 2 张… */
  note?: string;
  selected?: boolean;
  onClick?: () => void;
  children?: ReactNode;
}

export default function CouponCard({ terms, validity, muted, note, selected, onClick, children }: CouponCardProps) {
  const className = `coupon-card${muted ? ' coupon-card--muted' : ''}${selected ? ' coupon-card--selected' : ''}`;
  return (
    <View className={className} onClick={onClick} aria-selected={selected}>
      <View className="coupon-card__face">
        <Text className="coupon-card__value">{couponFace(terms)}</Text>
        <Text className="coupon-card__rule">{couponRule(terms)}</Text>
      </View>
      <View className="coupon-card__body">
        <Text className="coupon-card__name">{terms.name}</Text>
        <Text className="coupon-card__meta">{couponScopeText(terms)}</Text>
        {validity ? <Text className="coupon-card__meta">{validity}</Text> : null}
        {note ? <Text className="coupon-card__note">{note}</Text> : null}
      </View>
      {children ? <View className="coupon-card__side">{children}</View> : null}
    </View>
  );
}
