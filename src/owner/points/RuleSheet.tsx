// Editing one points rule: the number between its words (每 ¥1 得 [1] 积分), checked against the rule's bounds;
// the page confirms and saves it.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { PointsRuleName } from '../../../cloudfunctions/contracts/points';
import OwnerSheet from '../shared/OwnerSheet';
import { parseRule, RULE_TEXT, ruleFieldText, rulePlaceholder } from './rules';

export interface RuleSheetProps {
  name: PointsRuleName;
  /** The rule's value now: what the field starts with. */
  value: number;
  busy: boolean;
  /** The checked value as the server keeps it; the sheet stays open if saving fails. */
  onSubmit: (value: number) => void;
  onClose: () => void;
}

export default function RuleSheet({ name, value, busy, onSubmit, onClose }: RuleSheetProps) {
  const rule = RULE_TEXT[name];
  const [text, setText] = useState(() => ruleFieldText(name, value));
  const [error, setError] = useState('');

  const submit = () => {
    if (busy) return;
    const parsed = parseRule(name, text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError('');
    onSubmit(parsed.value);
  };

  return (
    <OwnerSheet title={rule.label} busy={busy} submitText="保存" busyText="保存中…" onSubmit={submit} onClose={onClose}>
      <View className="owner-sheet__field">
        {rule.before ? <Text className="owner-sheet__unit owner-sheet__unit--before">{rule.before}</Text> : null}
        <Input
          className="owner-sheet__field-input"
          type={name === 'pointsCapBp' ? 'digit' : 'number'}
          value={text}
          maxlength={8}
          placeholder={rulePlaceholder(name)}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className="owner-sheet__unit owner-sheet__unit--after">{rule.after}</Text>
      </View>
      {error ? <Text className="owner-sheet__error">{error}</Text> : null}
      <Text className="owner-sheet__hint">{`${rule.hint}${rule.reach}`}</Text>
    </OwnerSheet>
  );
}
