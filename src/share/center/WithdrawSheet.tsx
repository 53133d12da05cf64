// 申请提现: an amount in yuan (at most two decimals, ¥1 up to what is available), checked here before the page asks
// to confirm; the server's refusal, if any, is shown under the field.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { fenToYuanText, formatFen } from '../../lib/money';
import { checkWithdrawal } from './withdraw';

export interface WithdrawSheetProps {
  availableFen: number;
  busy: boolean;
  /** Why the last request was refused (the result's error message). */
  serverError: string | null;
  onSubmit: (amountFen: number) => void;
  onClose: () => void;
}

export default function WithdrawSheet({ availableFen, busy, serverError, onSubmit, onClose }: WithdrawSheetProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (busy) return;
    const check = checkWithdrawal(text, availableFen);
    if (!check.ok) {
      setError(check.message);
      return;
    }
    setError(null);
    onSubmit(check.amountFen);
  };

  const shownError = error ?? serverError;
  return (
    <View className="withdraw-sheet" role="dialog" aria-label="申请提现">
      <View className="withdraw-sheet__mask" onClick={busy ? undefined : onClose} />
      <View className="withdraw-sheet__panel">
        <Text className="withdraw-sheet__title">申请提现</Text>
        <View className="withdraw-sheet__field">
          <Text className="withdraw-sheet__currency">¥</Text>
          <Input
            className="withdraw-sheet__input"
            type="digit"
            placeholder="请输入提现金额"
            placeholderClass="withdraw-sheet__placeholder"
            value={text}
            onInput={(e) => {
              setText(e.detail.value);
              setError(null);
            }}
          />
          <Text className="withdraw-sheet__all" onClick={() => setText(fenToYuanText(availableFen))}>
            全部
          </Text>
        </View>
        <Text className="withdraw-sheet__available">{`可提现 ${formatFen(availableFen)}，单次至少 ¥1.00`}</Text>
        {shownError ? <Text className="withdraw-sheet__error">{shownError}</Text> : null}
        <View
          className={busy ? 'withdraw-sheet__submit withdraw-sheet__submit--busy' : 'withdraw-sheet__submit'}
          aria-disabled={busy}
          onClick={submit}
        >
          {busy ? '提交中…' : '提交申请'}
        </View>
        <View className="withdraw-sheet__cancel" onClick={busy ? undefined : onClose}>
          取消
        </View>
      </View>
    </View>
  );
}
