// Approving a refund of a shipped order: the amount, prefilled to everything the buyer paid, may be lowered (the
// goods came back damaged, or only part of them). Orders refunded before shipping never open this: they refund in full.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { fenToYuanText, formatFen, parseYuanToFen } from '../../lib/money';
import OwnerSheet from '../shared/OwnerSheet';

/** The refund in fen, or why the typed amount cannot be refunded. */
export function checkRefundAmount(text: string, fullFen: number): { refundFen: number } | { error: string } {
  const fen = parseYuanToFen(text);
  if (fen === null) return { error: '请输入正确的金额，最多两位小数' };
  if (fen <= 0) return { error: '退款金额需大于 0' };
  if (fen > fullFen) return { error: `退款金额不能超过实付 ${formatFen(fullFen)}` };
  return { refundFen: fen };
}

export interface ApproveSheetProps {
  /** What the buyer paid and asked back: the most that can be refunded. */
  fullFen: number;
  busy: boolean;
  /** The checked amount in fen; the page confirms it and sends it. The sheet stays open if that fails. */
  onSubmit: (refundFen: number) => void;
  onClose: () => void;
}

export default function ApproveSheet({ fullFen, busy, onSubmit, onClose }: ApproveSheetProps) {
  const [amount, setAmount] = useState(() => fenToYuanText(fullFen));
  const [error, setError] = useState('');

  const refundAll = () => {
    setAmount(fenToYuanText(fullFen));
    setError('');
  };

  const submit = () => {
    if (busy) return;
    const checked = checkRefundAmount(amount, fullFen);
    if ('error' in checked) {
      setError(checked.error);
      return;
    }
    setError('');
    onSubmit(checked.refundFen);
  };

  return (
    <OwnerSheet title="同意退款" busy={busy} submitText="确认退款" onSubmit={submit} onClose={onClose}>
      <Text className="owner-sheet__label">退款金额（元）</Text>
      <View className="owner-sheet__field">
        <Text className="owner-sheet__unit owner-sheet__unit--before">¥</Text>
        <Input
          className="owner-sheet__field-input"
          type="digit"
          value={amount}
          maxlength={12}
          placeholder="请输入退款金额"
          onInput={(e) => setAmount(e.detail.value)}
        />
      </View>
      {error ? <Text className="owner-sheet__error">{error}</Text> : null}
      <Text className="owner-sheet__hint">{`买家实付 ${formatFen(fullFen)}。商品已发货，可与买家协商后只退部分金额。`}</Text>
      <View className="owner-sheet__chips">
        <View className="owner-sheet__chip" onClick={refundAll}>
          全额退款
        </View>
      </View>
    </OwnerSheet>
  );
}
