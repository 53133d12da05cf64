// 同意退货: where the buyer sends the goods back. Prefilled with the return address of 店铺设置 (asked for when the
// sheet opens), editable for this case only; checked with the contract's address rules before the page confirms.
import { Fragment, useEffect, useState } from 'react';
import { Input, Text } from '@tarojs/components';
import { shopApi } from '../../api/shop';
import { validateAddress, type AddressDraft, type AddressErrors } from '../../components/AddressForm/validate';
import { ADDRESS_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import type { Address } from '../../../cloudfunctions/contracts/order';
import OwnerSheet from '../shared/OwnerSheet';

const FIELDS: Array<{ field: keyof Address; label: string; placeholder: string; maxlength: number }> = [
  { field: 'name', label: '收件人', placeholder: '收件人姓名', maxlength: ADDRESS_BOUNDS.name.max },
  { field: 'phone', label: '手机号', placeholder: '收件人手机号', maxlength: 11 },
  { field: 'region', label: '所在地区', placeholder: '省 市 区', maxlength: ADDRESS_BOUNDS.region.max },
  { field: 'detail', label: '详细地址', placeholder: '街道、楼栋、门牌号', maxlength: ADDRESS_BOUNDS.detail.max },
];

export interface ReturnSheetProps {
  busy: boolean;
  onSubmit: (address: Address) => void;
  onClose: () => void;
}

export default function ReturnSheet({ busy, onSubmit, onClose }: ReturnSheetProps) {
  const [draft, setDraft] = useState<AddressDraft>({ name: '', phone: '', region: '', detail: '' });
  const [errors, setErrors] = useState<AddressErrors>({});
  const [hint, setHint] = useState('正在读取店铺的退货地址…');

  useEffect(() => {
    let alive = true;
    void shopApi.settings().then((res) => {
      if (!alive) return;
      const saved = res.ok ? res.data.returnAddress : null;
      // What the owner typed meanwhile stays.
      if (saved) setDraft((d) => (d.name || d.phone || d.region || d.detail ? d : { ...saved }));
      setHint(saved ? '默认为店铺设置中的退货地址，可为这次售后修改' : '店铺设置中还没有退货地址，请填写');
    });
    return () => {
      alive = false;
    };
  }, []);

  const submit = () => {
    if (busy) return;
    const check = validateAddress(draft);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    onSubmit(check.address);
  };

  return (
    <OwnerSheet title="同意退货" busy={busy} submitText="同意退货" onSubmit={submit} onClose={onClose}>
      <Text className="owner-sheet__hint">{hint}</Text>
      {FIELDS.map(({ field, label, placeholder, maxlength }) => (
        <Fragment key={field}>
          <Text className="owner-sheet__label">{label}</Text>
          <Input
            className="owner-sheet__input"
            value={draft[field]}
            maxlength={maxlength}
            placeholder={placeholder}
            onInput={(e) => setDraft((d) => ({ ...d, [field]: e.detail.value }))}
          />
          {errors[field] ? <Text className="owner-sheet__error">{errors[field]}</Text> : null}
        </Fragment>
      ))}
    </OwnerSheet>
  );
}
