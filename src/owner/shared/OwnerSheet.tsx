// The frame of the owner's bottom sheets: a mask, a title, the sheet's fields, its submit button and 取消. While a
// request is under way the button says so and neither the mask nor 取消 closes the sheet.
import type { ReactNode } from 'react';
import { Text, Textarea, View } from '@tarojs/components';

export interface OwnerSheetProps {
  title: string;
  busy: boolean;
  submitText: string;
  /** What the button says while the request is under way (default 提交中…). */
  busyText?: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

export default function OwnerSheet({
  title,
  busy,
  submitText,
  busyText = '提交中…',
  onSubmit,
  onClose,
  children,
}: OwnerSheetProps) {
  const close = busy ? undefined : onClose;
  return (
    <View className="owner-sheet">
      <View className="owner-sheet__mask" onClick={close} />
      <View className="owner-sheet__panel">
        <Text className="owner-sheet__title">{title}</Text>
        {children}
        <View
          className={busy ? 'owner-sheet__submit owner-sheet__submit--disabled' : 'owner-sheet__submit'}
          hoverClass={busy ? 'none' : 'owner-sheet__submit--pressed'}
          aria-disabled={busy}
          onClick={busy ? undefined : onSubmit}
        >
          {busy ? busyText : submitText}
        </View>
        <View className="owner-sheet__cancel" onClick={close}>
          取消
        </View>
      </View>
    </View>
  );
}

export interface ReasonFieldProps {
  label: string;
  value: string;
  maxLength: number;
  placeholder: string;
  error: string;
  onInput: (value: string) => void;
}

/** A reason the other side will read: a text area with its count of (trimmed) characters and the error under it. */
export function ReasonField({ label, value, maxLength, placeholder, error, onInput }: ReasonFieldProps) {
  return (
    <>
      <Text className="owner-sheet__label">{label}</Text>
      <Textarea
        className="owner-sheet__textarea"
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value)}
      />
      <Text className="owner-sheet__count">{`${value.trim().length}/${maxLength}`}</Text>
      {error ? <Text className="owner-sheet__error">{error}</Text> : null}
    </>
  );
}
