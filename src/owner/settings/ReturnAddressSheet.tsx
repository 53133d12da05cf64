// Editing the return address: where approved returns are sent by default (the owner may change it per case).
import { Fragment, useState } from 'react';
import { Input, Text } from '@tarojs/components';
import { ADDRESS_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import type { Address } from '../../../cloudfunctions/contracts/order';
import OwnerSheet from '../shared/OwnerSheet';
import { type AddressDraft, checkReturnAddress } from './fields';

export interface ReturnAddressSheetProps {
  current: Address | null;
  busy: boolean;
  onSubmit: (address: Address) => void;
  onClose: () => void;
}

const FIELDS: ReadonlyArray<{ key: keyof Address; label: string; placeholder: string; maxlength: number }> = [
  { key: 'name', label: '收件人', placeholder: '收件人姓名', maxlength: ADDRESS_BOUNDS.name.max },
  { key: 'phone', label: '手机号', placeholder: '收件人手机号', maxlength: 13 },
  {
    key: 'region',
    label: '所在地区',
    placeholder: '省 市 区，如 浙江省 杭州市 余杭区',
    maxlength: ADDRESS_BOUNDS.region.max,
  },
  { key: 'detail', label: '详细地址', placeholder: '街道、门牌号', maxlength: ADDRESS_BOUNDS.detail.max },
];

export default function ReturnAddressSheet({ current, busy, onSubmit, onClose }: ReturnAddressSheetProps) {
  const [draft, setDraft] = useState<AddressDraft>(current ?? { name: '', phone: '', region: '', detail: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Address, string>>>({});

  const submit = () => {
    if (busy) return;
    const checked = checkReturnAddress(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    onSubmit(checked.address);
  };

  return (
    <OwnerSheet title="退货地址" busy={busy} submitText="保存" onSubmit={submit} onClose={onClose}>
      {FIELDS.map(({ key, label, placeholder, maxlength }) => (
        <Fragment key={key}>
          <Text className="owner-sheet__label">{label}</Text>
          <Input
            className="owner-sheet__input"
            type={key === 'phone' ? 'number' : 'text'}
            value={draft[key]}
            maxlength={maxlength}
            placeholder={placeholder}
            onInput={(e) => setDraft((d) => ({ ...d, [key]: e.detail.value }))}
          />
          {errors[key] ? <Text className="owner-sheet__error">{errors[key]}</Text> : null}
        </Fragment>
      ))}
      <Text className="owner-sheet__hint">同意退货退款时默认把这个地址发给买家，单个售后也可以改。</Text>
    </OwnerSheet>
  );
}
