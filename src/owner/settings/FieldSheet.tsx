// Editing one setting (a rule, the shop's name, a new owner's member code): the field between its words, checked
// by the field's own parse; the page confirms and saves the checked value.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import OwnerSheet from '../shared/OwnerSheet';
import type { FieldSpec } from './fields';

export interface FieldSheetProps<T> {
  field: FieldSpec<T>;
  busy: boolean;
  submitText: string;
  /** What the button says while saving (default 保存中…). */
  busyText?: string;
  /** The checked value; the sheet stays open if saving fails. */
  onSubmit: (value: T) => void;
  onClose: () => void;
}

export default function FieldSheet<T>({
  field,
  busy,
  submitText,
  busyText = '保存中…',
  onSubmit,
  onClose,
}: FieldSheetProps<T>) {
  const [text, setText] = useState(field.initial);
  const [error, setError] = useState('');

  const submit = () => {
    if (busy) return;
    const parsed = field.parse(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError('');
    onSubmit(parsed.value);
  };

  return (
    <OwnerSheet
      title={field.title}
      busy={busy}
      submitText={submitText}
      busyText={busyText}
      onSubmit={submit}
      onClose={onClose}
    >
      <View className="owner-sheet__field">
        {field.before ? <Text className="owner-sheet__unit owner-sheet__unit--before">{field.before}</Text> : null}
        <Input
          className="owner-sheet__field-input"
          type={field.type}
          value={text}
          maxlength={field.maxlength}
          placeholder={field.placeholder}
          onInput={(e) => setText(field.normalize ? field.normalize(e.detail.value) : e.detail.value)}
        />
        {field.after ? <Text className="owner-sheet__unit owner-sheet__unit--after">{field.after}</Text> : null}
      </View>
      {error ? <Text className="owner-sheet__error">{error}</Text> : null}
      <Text className="owner-sheet__hint">{field.note}</Text>
    </OwnerSheet>
  );
}
