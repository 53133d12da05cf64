// h5's stand-in for WeChat's payment sheet: the amount and a confirm that asks the local emulator to play the payment.
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatFen } from '../../lib/money';
import './index.scss';

export interface PaySheetProps {
  amountFen: number;
  /** Resolves when the payment attempt is over (the sheet shows it is busy until then). */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

export default function PaySheet({ amountFen, onConfirm, onCancel }: PaySheetProps) {
  const [paying, setPaying] = useState(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const confirm = () => {
    if (paying) return;
    setPaying(true);
    void onConfirm().finally(() => {
      if (mounted.current) setPaying(false);
    });
  };

  return (
    <View className="pay-sheet" role="dialog" aria-label="微信支付（本地模拟）">
      <View className="pay-sheet__mask" onClick={paying ? undefined : onCancel} />
      <View className="pay-sheet__panel">
        <Text className="pay-sheet__title">微信支付（本地模拟）</Text>
        <Text className="pay-sheet__amount">{formatFen(amountFen)}</Text>
        <Text className="pay-sheet__hint">本地模拟器将完成这笔付款并通知店铺</Text>
        <View
          className={paying ? 'pay-sheet__confirm pay-sheet__confirm--busy' : 'pay-sheet__confirm'}
          hoverClass="pay-sheet__confirm--pressed"
          aria-disabled={paying}
          onClick={confirm}
        >
          {paying ? '支付中…' : '确认支付'}
        </View>
        <View className="pay-sheet__cancel" aria-disabled={paying} onClick={paying ? undefined : onCancel}>
          取消
        </View>
      </View>
    </View>
  );
}
