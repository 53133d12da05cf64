// Refusing a withdrawal needs a reason (2-100 characters) that the sharer will read beside the request.
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { formatFen } from '../../lib/money';
import type { OwnerWithdrawal } from '../../../cloudfunctions/contracts/commission';

/** The contract's `decideWithdrawal.reason`. */
export const REASON_MIN = 2;
export const REASON_MAX = 100;

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

  return (
    <View className='owner-sheet'>
      <View className='owner-sheet__mask' onClick={busy ? undefined : onClose} />
      <View className='owner-sheet__panel'>
        <Text className='owner-sheet__title'>拒绝提现</Text>
        <Text className='owner-sheet__hint'>{`${withdrawal.sharer.nickname} 申请提现 ${formatFen(withdrawal.amountFen)}，拒绝后金额退回 TA 的可提现余额。`}</Text>
        <Text className='owner-sheet__label'>拒绝原因</Text>
        <Textarea
          className='owner-sheet__textarea'
          value={reason}
          maxlength={REASON_MAX}
          placeholder='请说明原因，推广员会看到'
          onInput={(e) => setReason(e.detail.value)}
        />
        <Text className='owner-sheet__count'>{`${reason.trim().length}/${REASON_MAX}`}</Text>
        {error ? <Text className='owner-sheet__error'>{error}</Text> : null}
        <View
          className={busy ? 'owner-sheet__submit owner-sheet__submit--disabled' : 'owner-sheet__submit'}
          hoverClass={busy ? 'none' : 'owner-sheet__submit--pressed'}
          aria-disabled={busy}
          onClick={submit}
        >
          {busy ? '提交中…' : '确认拒绝'}
        </View>
        <View className='owner-sheet__cancel' onClick={busy ? undefined : onClose}>
          取消
        </View>
      </View>
    </View>
  );
}
