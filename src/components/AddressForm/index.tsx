// A delivery address typed by hand (h5, or weapp when the buyer would rather not use WeChat's address book).
// Checked with the contract's rules on save; each wrong field says what is wrong under it.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ADDRESS_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import type { Address } from '../../../cloudfunctions/contracts/order';
import { validateAddress, type AddressDraft, type AddressErrors, type AddressField } from './validate';
import './index.scss';

export interface AddressFormProps {
  initial?: Address | null;
  onSave: (address: Address) => void;
  /** Shown as 取消 when there is an address to go back to. */
  onCancel?: () => void;
}

const FIELDS: { field: AddressField; label: string; placeholder: string; type?: 'number'; maxlength: number }[] = [
  { field: 'name', label: '收货人', placeholder: '请填写收货人姓名', maxlength: ADDRESS_BOUNDS.name.max },
  { field: 'phone', label: '手机号', placeholder: '请填写 11 位手机号', type: 'number', maxlength: 11 },
  {
    field: 'region',
    label: '所在地区',
    placeholder: '省 市 区，如：浙江省 杭州市 西湖区',
    maxlength: ADDRESS_BOUNDS.region.max,
  },
  { field: 'detail', label: '详细地址', placeholder: '街道、楼栋、门牌号', maxlength: ADDRESS_BOUNDS.detail.max },
];

const EMPTY: AddressDraft = { name: '', phone: '', region: '', detail: '' };

export default function AddressForm({ initial, onSave, onCancel }: AddressFormProps) {
  const [draft, setDraft] = useState<AddressDraft>(initial ? { ...initial } : EMPTY);
  const [errors, setErrors] = useState<AddressErrors>({});

  const change = (field: AddressField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    // A field's error goes away once it is edited; the rest wait for the next save.
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };

  const save = () => {
    const check = validateAddress(draft);
    if (check.ok) onSave(check.address);
    else setErrors(check.errors);
  };

  return (
    <View className="address-form">
      {FIELDS.map(({ field, label, placeholder, type, maxlength }) => (
        <View
          key={field}
          className={errors[field] ? 'address-form__row address-form__row--invalid' : 'address-form__row'}
        >
          <View className="address-form__line">
            <Text className="address-form__label">{label}</Text>
            <Input
              className="address-form__input"
              type={type ?? 'text'}
              placeholder={placeholder}
              placeholderClass="address-form__placeholder"
              maxlength={maxlength}
              value={draft[field]}
              onInput={(e) => change(field, e.detail.value)}
            />
          </View>
          {errors[field] ? <Text className="address-form__error">{errors[field]}</Text> : null}
        </View>
      ))}
      <View className="address-form__actions">
        {onCancel ? (
          <View className="address-form__cancel" onClick={onCancel}>
            取消
          </View>
        ) : null}
        <View className="address-form__save" hoverClass="address-form__save--pressed" onClick={save}>
          保存地址
        </View>
      </View>
    </View>
  );
}
