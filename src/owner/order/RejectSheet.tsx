// Refusing a refund needs a reason the buyer will read (2-200 characters), and a confirmation.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { REFUND_REASON_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import OwnerSheet, { ReasonField } from '../shared/OwnerSheet';

export const { min: REASON_MIN, max: REASON_MAX } = REFUND_REASON_BOUNDS;

export interface RejectSheetProps {
  busy: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

export default function RejectSheet({ busy, onSubmit, onClose }: RejectSheetProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  const submit = async () => {
    if (busy) return;
    const text = reason.trim();
    if (text.length < REASON_MIN || text.length > REASON_MAX) {
      setError(`请填写拒绝原因（${REASON_MIN}-${REASON_MAX} 个字）`);
      return;
    }
    setError('');
    const { confirm } = await Taro.showModal({
      title: '拒绝退款',
      content: `买家会看到原因：${text}`,
      confirmText: '拒绝退款',
      confirmColor: '#e4393c',
      cancelText: '再想想',
    });
    if (confirm) onSubmit(text);
  };

  return (
    <OwnerSheet title="拒绝退款" busy={busy} submitText="确认拒绝" onSubmit={() => void submit()} onClose={onClose}>
      <ReasonField
        label="拒绝原因"
        value={reason}
        maxLength={REASON_MAX}
        placeholder="请说明拒绝的原因，买家会看到"
        error={error}
        onInput={setReason}
      />
    </OwnerSheet>
  );
}
