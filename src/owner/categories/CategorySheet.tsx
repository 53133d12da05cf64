// Naming a category, new or renamed; the page saves it and the sheet stays open if that fails.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { CATEGORY_NAME_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import OwnerSheet from '../shared/OwnerSheet';
import { checkName } from './order';

export interface CategorySheetProps {
  title: string;
  name: string;
  busy: boolean;
  onSubmit: (name: string) => void;
  onClose: () => void;
}

export default function CategorySheet({ title, name, busy, onSubmit, onClose }: CategorySheetProps) {
  const [text, setText] = useState(name);
  const [error, setError] = useState('');
  const submit = () => {
    if (busy) return;
    const checked = checkName(text);
    if (!checked.ok) return setError(checked.message);
    setError('');
    onSubmit(checked.name);
  };
  return (
    <OwnerSheet title={title} busy={busy} submitText="保存" busyText="保存中…" onSubmit={submit} onClose={onClose}>
      <Text className="owner-sheet__label">分类名称</Text>
      <View className="owner-sheet__field">
        <Input
          className="owner-sheet__field-input"
          value={text}
          maxlength={CATEGORY_NAME_BOUNDS.max}
          placeholder={`${CATEGORY_NAME_BOUNDS.min}-${CATEGORY_NAME_BOUNDS.max} 个字，如 茶叶`}
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
      {error ? <Text className="owner-sheet__error">{error}</Text> : null}
    </OwnerSheet>
  );
}
