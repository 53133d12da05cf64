// Refusing an after-sale request needs a reason the buyer will read (2-200 characters); the page confirms it.
import { useState } from 'react';
import { hasVisibleText, REFUND_REASON_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import OwnerSheet, { ReasonField } from '../shared/OwnerSheet';

const { min: MIN, max: MAX } = REFUND_REASON_BOUNDS;

export interface RejectSheetProps {
  busy: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

export default function RejectSheet({ busy, onSubmit, onClose }: RejectSheetProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const submit = () => {
    if (busy) return;
    const text = reason.trim();
    if (text.length < MIN || text.length > MAX || !hasVisibleText(text)) {
      setError(`请填写拒绝原因（${MIN}-${MAX} 个字）`);
      return;
    }
    setError('');
    onSubmit(text);
  };
  return (
    <OwnerSheet title="拒绝售后" busy={busy} submitText="确认拒绝" onSubmit={submit} onClose={onClose}>
      <ReasonField
        label="拒绝原因"
        value={reason}
        maxLength={MAX}
        placeholder="请说明拒绝的原因，买家会看到"
        error={error}
        onInput={setReason}
      />
    </OwnerSheet>
  );
}
