// The ship form: a carrier (one of the common ones, or typed) and the waybill number, confirmed before it is sent.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CARRIER_BOUNDS, TRACKING_NO_PATTERN } from '../../../cloudfunctions/contracts/limits';
import OwnerSheet from '../shared/OwnerSheet';

export const COMMON_CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', 'EMS'] as const;

export interface Shipment {
  carrier: string;
  trackingNo: string;
}

/** The trimmed shipment, or what is wrong with each field. */
export function checkShipment(
  carrier: string,
  trackingNo: string,
): { shipment: Shipment } | { errors: Partial<Record<keyof Shipment, string>> } {
  const c = carrier.trim();
  const t = trackingNo.trim();
  const errors: Partial<Record<keyof Shipment, string>> = {};
  const { min, max } = CARRIER_BOUNDS;
  if (c.length < min || c.length > max) errors.carrier = `请选择或填写快递公司（${min}-${max} 个字）`;
  if (!TRACKING_NO_PATTERN.test(t)) errors.trackingNo = '运单号为 6-32 位字母、数字或短横线';
  return Object.keys(errors).length > 0 ? { errors } : { shipment: { carrier: c, trackingNo: t } };
}

export interface ShipSheetProps {
  busy: boolean;
  /** Sends the shipment; the sheet stays open if it fails. */
  onSubmit: (shipment: Shipment) => void;
  onClose: () => void;
}

export default function ShipSheet({ busy, onSubmit, onClose }: ShipSheetProps) {
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof Shipment, string>>>({});

  const submit = async () => {
    if (busy) return;
    const checked = checkShipment(carrier, trackingNo);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const { confirm } = await Taro.showModal({
      title: '确认发货',
      content: `${checked.shipment.carrier}，运单号 ${checked.shipment.trackingNo}。发货后买家可查看物流信息。`,
      confirmText: '确认发货',
      cancelText: '再看看',
    });
    if (confirm) onSubmit(checked.shipment);
  };

  return (
    <OwnerSheet title="填写发货信息" busy={busy} submitText="确认发货" onSubmit={() => void submit()} onClose={onClose}>
      <Text className="owner-sheet__label">快递公司</Text>
      <View className="owner-sheet__chips">
        {COMMON_CARRIERS.map((name) => (
          <View
            key={name}
            className={carrier.trim() === name ? 'owner-sheet__chip owner-sheet__chip--active' : 'owner-sheet__chip'}
            onClick={() => setCarrier(name)}
          >
            {name}
          </View>
        ))}
      </View>
      <Input
        className="owner-sheet__input"
        value={carrier}
        maxlength={CARRIER_BOUNDS.max}
        placeholder="其他快递公司，可直接填写"
        onInput={(e) => setCarrier(e.detail.value)}
      />
      {errors.carrier ? <Text className="owner-sheet__error">{errors.carrier}</Text> : null}
      <Text className="owner-sheet__label">运单号</Text>
      <Input
        className="owner-sheet__input"
        value={trackingNo}
        maxlength={40}
        placeholder="请输入运单号"
        onInput={(e) => setTrackingNo(e.detail.value)}
      />
      {errors.trackingNo ? <Text className="owner-sheet__error">{errors.trackingNo}</Text> : null}
    </OwnerSheet>
  );
}
