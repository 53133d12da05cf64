// Refusing a withdrawal needs a reason (2-100 characters) that the sharer will read beside the request.
import { useState } from 'react';
import { Text } from '@tarojs/components';
import OwnerSheet, { ReasonField } from '../shared/OwnerSheet';
import { formatFen } from '../../lib/money';
import type { OwnerWithdrawal } from '../../../cloudfunctions/contracts/commission';
import { WITHDRAWAL_REJECT_REASON_BOUNDS } from '../../../cloudfunctions/contracts/limits';

/** The contract's `decideWithdrawal.reason`. */
export const { min: REASON_MIN, max: REASON_MAX } = WITHDRAWAL_REJECT_REASON_BOUNDS;

export interface RejectSheetProps {
  withdrawal: OwnerWithdrawal;
  busy: boolean;
  /** The trimmed reason; the sheet stays open if the request fails. */
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

export default function RejectSheet({ withdrawal, busy, onSubmit, onClose }: RejectSheetProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  const submit = () => {
    if (busy) return;
    const text = reason.trim();
    if (text.length < REASON_MIN || text.length > REASON_MAX) {
      setError(`请填写拒绝原因（${REASON_MIN}-${REASON_MAX} 个字）`);
      return;
    }
    setError('');
    onSubmit(text);
  };

  const hint = `${withdrawal.sharer.nickname} 申请提现 ${formatFen(withdrawal.amountFen)}，拒绝后金额退回 TA 的可提现余额。`;
  return (
    <OwnerSheet title="拒绝提现" busy={busy} submitText="确认拒绝" onSubmit={submit} onClose={onClose}>
      <Text className="owner-sheet__hint">{hint}</Text>
      <ReasonField
        label="拒绝原因"
        value={reason}
        maxLength={REASON_MAX}
        placeholder="请说明原因，推广员会看到"
        error={error}
        onInput={setReason}
      />
    </OwnerSheet>
  );
}
