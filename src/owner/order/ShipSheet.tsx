// The ship form: a courier from the list WeChat's shipping info knows (COURIERS: the common ones one tap away, the
// rest in a picker) and the waybill number, confirmed before it is sent.
import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { COURIERS, type CourierCode, TRACKING_NO_PATTERN } from '../../../cloudfunctions/contracts/limits';
import OwnerSheet from '../shared/OwnerSheet';

/** One tap away; every other courier of COURIERS is in the picker. */
export const COMMON_COURIERS: readonly CourierCode[] = ['SF', 'ZTO', 'YTO', 'YD', 'JTSD'];

export const courierName = (code: string): string => COURIERS.find((c) => c.code === code)?.name ?? code;

export interface Shipment {
  courier: CourierCode;
  trackingNo: string;
}

/** The shipment with a trimmed waybill number, or what is wrong with each field. */
export function checkShipment(
  courier: CourierCode | null,
  trackingNo: string,
): { shipment: Shipment } | { errors: Partial<Record<keyof Shipment, string>> } {
  const t = trackingNo.trim();
  const errors: Partial<Record<keyof Shipment, string>> = {};
  if (!courier) errors.courier = '请选择快递公司';
  if (!TRACKING_NO_PATTERN.test(t)) errors.trackingNo = '运单号为 6-32 位字母、数字或短横线';
  return courier && Object.keys(errors).length === 0 ? { shipment: { courier, trackingNo: t } } : { errors };
}

export interface ShipSheetProps {
  busy: boolean;
  /** Sends the shipment; the sheet stays open if it fails. */
  onSubmit: (shipment: Shipment) => void;
  onClose: () => void;
}

export default function ShipSheet({ busy, onSubmit, onClose }: ShipSheetProps) {
  const [courier, setCourier] = useState<CourierCode | null>(null);
  const [trackingNo, setTrackingNo] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof Shipment, string>>>({});
  const picked = COURIERS.findIndex((c) => c.code === courier);

  const submit = async () => {
    if (busy) return;
    const checked = checkShipment(courier, trackingNo);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const { confirm } = await Taro.showModal({
      title: '确认发货',
      content: `${courierName(checked.shipment.courier)}，运单号 ${checked.shipment.trackingNo}。发货后买家可查看物流信息。`,
      confirmText: '确认发货',
      cancelText: '再看看',
    });
    if (confirm) onSubmit(checked.shipment);
  };

  return (
    <OwnerSheet title="填写发货信息" busy={busy} submitText="确认发货" onSubmit={() => void submit()} onClose={onClose}>
      <Text className="owner-sheet__label">快递公司</Text>
      <View className="owner-sheet__chips">
        {COMMON_COURIERS.map((code) => (
          <View
            key={code}
            className={courier === code ? 'owner-sheet__chip owner-sheet__chip--active' : 'owner-sheet__chip'}
            onClick={() => setCourier(code)}
          >
            {courierName(code)}
          </View>
        ))}
      </View>
      <Picker
        mode="selector"
        range={COURIERS.map((c) => c.name)}
        value={Math.max(picked, 0)}
        onChange={(e) => setCourier(COURIERS[Number(e.detail.value)]?.code ?? null)}
      >
        <View className="owner-sheet__input owner-sheet__picker">
          {picked >= 0 ? `快递公司：${COURIERS[picked].name}` : '更多快递公司，点此选择'}
        </View>
      </Picker>
      {errors.courier ? <Text className="owner-sheet__error">{errors.courier}</Text> : null}
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
