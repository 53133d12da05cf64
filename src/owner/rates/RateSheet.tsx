// Editing one commission rate in percent (0-50, up to two decimals); the page confirms and saves it.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import OwnerSheet from '../shared/OwnerSheet';
import { formatRateBp, MAX_RATE_BP, parseRatePercent, rateBpToPercentText } from './rate';

export interface RateSheetProps {
  title: string;
  /** The rate the field starts with. */
  rateBp: number;
  busy: boolean;
  /** The checked rate in basis points; the sheet stays open if saving fails. */
  onSubmit: (rateBp: number) => void;
  onClose: () => void;
}

export default function RateSheet({ title, rateBp, busy, onSubmit, onClose }: RateSheetProps) {
  const [text, setText] = useState(() => rateBpToPercentText(rateBp));
  const [error, setError] = useState('');

  const submit = () => {
    if (busy) return;
    const parsed = parseRatePercent(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError('');
    onSubmit(parsed.rateBp);
  };

  return (
    <OwnerSheet title={title} busy={busy} submitText="保存" busyText="保存中…" onSubmit={submit} onClose={onClose}>
      <Text className="owner-sheet__label">佣金比例</Text>
      <View className="owner-sheet__field">
        <Input
          className="owner-sheet__field-input"
          type="digit"
          value={text}
          maxlength={6}
          placeholder={`请输入 0-${rateBpToPercentText(MAX_RATE_BP)} 的数字`}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className="owner-sheet__unit owner-sheet__unit--after">%</Text>
      </View>
      {error ? <Text className="owner-sheet__error">{error}</Text> : null}
      <Text className="owner-sheet__hint">
        {`最高 ${formatRateBp(MAX_RATE_BP)}，最多两位小数。按商品实付金额计算，修改后仅对新订单生效。`}
      </Text>
    </OwnerSheet>
  );
}
