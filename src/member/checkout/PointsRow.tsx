// The checkout's 积分抵扣 row: what the buyer's points can pay of this order and a switch to spend them (the
// amounts then show the discount), a quiet line when they have points this order cannot take, and why the points
// were turned off when the server refused them.
import { Text, View } from '@tarojs/components';
import { formatFen } from '../../lib/money';
import { pointsValueFen } from '../../lib/points';
import type { OrderAmounts } from '../../../cloudfunctions/contracts/order';
import type { PointsOffer } from '../../../cloudfunctions/contracts/points';

export interface PointsRowProps {
  offer: PointsOffer;
  amounts: OrderAmounts;
  /** The buyer turned 积分抵扣 on (the amounts apply it once the quote is in). */
  on: boolean;
  /** A quote or the order is under way: the switch waits. */
  busy: boolean;
  notice: string | null;
  onToggle: (on: boolean) => void;
}

export default function PointsRow({ offer, amounts, on, busy, notice, onToggle }: PointsRowProps) {
  const used = amounts.pointsUsed > 0;
  const refused = notice ? <Text className="checkout__points-notice">{`${notice}，已取消积分抵扣`}</Text> : null;
  if (offer.maxUsable > 0 || used || on) {
    const hint = `可用 ${offer.maxUsable} 积分，抵 ${formatFen(pointsValueFen(offer.maxUsable, offer.perYuan))}`;
    const discount = `-${formatFen(amounts.pointsDiscountFen)}`;
    return (
      <>
        <View className="checkout__amount checkout__points">
          <Text className="checkout__amount-label">积分抵扣</Text>
          <Text className="checkout__amount-hint">{hint}</Text>
          {used ? <Text className="checkout__amount-value checkout__points-value">{discount}</Text> : null}
          <PointsSwitch on={on} disabled={busy} onChange={onToggle} />
        </View>
        {refused}
      </>
    );
  }
  if (offer.available > 0) {
    return (
      <>
        <View className="checkout__amount checkout__points">
          <Text className="checkout__amount-label">积分抵扣</Text>
          <Text className="checkout__points-muted">
            {offer.capBp === 0 ? '本店暂不支持积分抵扣' : `有 ${offer.available} 积分，本单不满足积分抵扣条件`}
          </Text>
        </View>
        {refused}
      </>
    );
  }
  return refused;
}

/**
 * Drawn rather than Taro's Switch: its look follows the checkout's state alone (a native switch flips itself on
 * a tap, even one the page ignores while a quote is loading), and it adds no component to the main package.
 */
function PointsSwitch({ on, disabled, onChange }: { on: boolean; disabled: boolean; onChange: (on: boolean) => void }) {
  const onClass = on ? ' checkout__switch--on' : '';
  const disabledClass = disabled ? ' checkout__switch--disabled' : '';
  const className = `checkout__switch${onClass}${disabledClass}`;
  return (
    <View
      className={className}
      role="switch"
      aria-label="使用积分抵扣"
      aria-checked={on}
      aria-disabled={disabled}
      onClick={disabled ? undefined : () => onChange(!on)}
    >
      <View className="checkout__switch-knob" />
    </View>
  );
}
