// The coupon editor's fields: a labelled field with its hint and error, a typed field, and a choice of options.
// `disabled`: a claimed coupon's frozen terms, shown but not changed.
import type { ReactNode } from 'react';
import { Input, Text, View } from '@tarojs/components';

export interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}

export function Field({ label, error, hint, children }: FieldProps) {
  return (
    <View className="coupon-editor__field">
      <Text className="coupon-editor__label">{label}</Text>
      {children}
      {hint ? <Text className="coupon-editor__hint">{hint}</Text> : null}
      {error ? <Text className="coupon-editor__error">{error}</Text> : null}
    </View>
  );
}

export interface InputFieldProps extends Omit<FieldProps, 'children'> {
  value: string;
  placeholder: string;
  /** 'digit' for yuan and 折, 'number' for whole counts. */
  type?: 'text' | 'digit' | 'number';
  maxlength?: number;
  disabled?: boolean;
  onInput: (value: string) => void;
}

export function InputField({
  value,
  placeholder,
  type = 'text',
  maxlength,
  disabled,
  onInput,
  ...field
}: InputFieldProps) {
  return (
    <Field {...field}>
      <Input
        className={disabled ? 'coupon-editor__input coupon-editor__input--disabled' : 'coupon-editor__input'}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        disabled={disabled}
        onInput={(e) => onInput(e.detail.value)}
      />
    </Field>
  );
}

export interface ChoiceProps<T extends string> {
  options: Array<[T, string]>;
  value: T;
  disabled?: boolean;
  onChange: (value: T) => void;
}

export function Choice<T extends string>({ options, value, disabled, onChange }: ChoiceProps<T>) {
  return (
    <View className={disabled ? 'coupon-editor__choices coupon-editor__choices--disabled' : 'coupon-editor__choices'}>
      {options.map(([v, label]) => (
        <View
          key={v}
          className={v === value ? 'coupon-editor__choice coupon-editor__choice--on' : 'coupon-editor__choice'}
          role="radio"
          aria-checked={v === value}
          aria-disabled={disabled}
          onClick={() => (disabled ? undefined : onChange(v))}
        >
          {label}
        </View>
      ))}
    </View>
  );
}
