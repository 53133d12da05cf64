// 申请退款: the buyer says why (2-200 characters, as the contract requires) before the page asks to confirm.
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { hasVisibleText, REFUND_REASON_BOUNDS } from '../../../cloudfunctions/contracts/limits';

const { min: MIN, max: MAX } = REFUND_REASON_BOUNDS;

export interface RefundSheetProps {
  busy: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

export default function RefundSheet({ busy, onSubmit, onClose }: RefundSheetProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const length = reason.trim().length;

  const submit = () => {
    if (busy) return;
    if (length < MIN || !hasVisibleText(reason)) {
      setError(`请填写退款原因（至少 ${MIN} 个字）`);
      return;
    }
    if (length > MAX) {
      setError(`退款原因最多 ${MAX} 个字`);
      return;
    }
    onSubmit(reason.trim());
  };

  return (
    <View className="refund-sheet" role="dialog" aria-label="申请退款">
      <View className="refund-sheet__mask" onClick={busy ? undefined : onClose} />
      <View className="refund-sheet__panel">
        <Text className="refund-sheet__title">申请退款</Text>
        <Textarea
          className="refund-sheet__input"
          placeholder="请说明退款原因，如：商品破损、与描述不符"
          placeholderClass="refund-sheet__placeholder"
          maxlength={MAX}
          value={reason}
          onInput={(e) => {
            setReason(e.detail.value);
            setError(null);
          }}
        />
        <View className="refund-sheet__meta">
          <Text className="refund-sheet__error">{error ?? ''}</Text>
          <Text className="refund-sheet__count">{`${length}/${MAX}`}</Text>
        </View>
        <View
          className={busy ? 'refund-sheet__submit refund-sheet__submit--busy' : 'refund-sheet__submit'}
          aria-disabled={busy}
          onClick={submit}
        >
          {busy ? '提交中…' : '提交申请'}
        </View>
        <View className="refund-sheet__cancel" onClick={busy ? undefined : onClose}>
          取消
        </View>
      </View>
    </View>
  );
}
