// The time left to pay a pending order, ticking each second; tells the page once when it has run out.
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatClock, formatCountdown, msUntil } from '../../lib/time';

export default function PayCountdown({ payBefore, onExpire }: { payBefore: string; onExpire: () => void }) {
  const [left, setLeft] = useState(() => msUntil(payBefore));
  const expired = useRef(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    const tick = () => {
      const ms = msUntil(payBefore);
      setLeft(ms);
      if (ms <= 0 && !expired.current) {
        expired.current = true;
        expire.current();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [payBefore]);

  if (left <= 0) return <Text className="order__hint">付款时间已过，订单即将自动取消</Text>;
  return (
    <View className="order__countdown">
      <Text className="order__hint">{`请在 ${formatClock(payBefore)} 前付款，超时订单将自动取消`}</Text>
      <Text className="order__countdown-left">{`剩余 ${formatCountdown(left)}`}</Text>
    </View>
  );
}
