// Refusing a refund needs a reason the buyer will read (2-200 characters), and a confirmation.
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

export const REASON_MIN = 2;
export const REASON_MAX = 200;

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
    <View className='owner-sheet'>
      <View className='owner-sheet__mask' onClick={busy ? undefined : onClose} />
      <View className='owner-sheet__panel'>
        <Text className='owner-sheet__title'>拒绝退款</Text>
        <Text className='owner-sheet__label'>拒绝原因</Text>
        <Textarea
          className='owner-sheet__textarea'
          value={reason}
          maxlength={REASON_MAX}
          placeholder='请说明拒绝的原因，买家会看到'
          onInput={(e) => setReason(e.detail.value)}
        />
        <Text className='owner-sheet__count'>{`${reason.trim().length}/${REASON_MAX}`}</Text>
        {error ? <Text className='owner-sheet__error'>{error}</Text> : null}
        <View
          className={busy ? 'owner-sheet__submit owner-sheet__submit--disabled' : 'owner-sheet__submit'}
          hoverClass={busy ? 'none' : 'owner-sheet__submit--pressed'}
          aria-disabled={busy}
          onClick={() => void submit()}
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
