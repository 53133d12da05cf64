// What the owner must not miss on an order: a payment that arrived after auto-cancel, and stock it could not take back.
import { Text, View } from '@tarojs/components';
import type { Order } from '../../../cloudfunctions/contracts/order';
import './index.scss';

export const ATTENTION_TEXT = {
  latePayment: '支付晚于自动取消到账',
  stockShort: '库存不足，需补货或退款',
} as const;

export interface OwnerAttentionProps {
  attention: Order['attention'];
  /** 'badge' on a list card, 'banner' on the order page. */
  variant?: 'badge' | 'banner';
}

export default function OwnerAttention({ attention, variant = 'badge' }: OwnerAttentionProps) {
  if (!attention) return null;
  const keys = (Object.keys(ATTENTION_TEXT) as (keyof typeof ATTENTION_TEXT)[]).filter((k) => attention[k]);
  if (keys.length === 0) return null;
  return (
    <View className={`owner-attention owner-attention--${variant}`}>
      {keys.map((k) => (
        <View key={k} className="owner-attention__item">
          <Text className="owner-attention__mark">!</Text>
          <Text className="owner-attention__text">{ATTENTION_TEXT[k]}</Text>
        </View>
      ))}
    </View>
  );
}
