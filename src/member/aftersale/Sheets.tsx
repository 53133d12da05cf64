// The buyer's two forms on a case: 填写退货物流 (after the owner approved a return) and 再次申请 (once, after a
// rejection, with new words or photos). Each checks its fields; the page confirms and sends.
import { useState, type ReactNode } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  AFTER_SALE_DESCRIPTION_MAX,
  AFTER_SALE_PHOTOS_MAX,
  CARRIER_BOUNDS,
  COURIERS,
  MEMBER_UPLOAD_FOLDERS,
} from '../../../cloudfunctions/contracts/limits';
import { usePhotoUploads } from '../../hooks/usePhotoUploads';
import EvidencePhotos from '../shared/EvidencePhotos';
import { checkReturnShipment, type ReturnShipment } from './return-shipment';

interface FrameProps {
  title: string;
  busy: boolean;
  submitText: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

function Frame({ title, busy, submitText, onSubmit, onClose, children }: FrameProps) {
  const close = busy ? undefined : onClose;
  return (
    <View className="case-sheet" role="dialog" aria-label={title}>
      <View className="case-sheet__mask" onClick={close} />
      <View className="case-sheet__panel">
        <Text className="case-sheet__title">{title}</Text>
        {children}
        <View
          className={busy ? 'case-sheet__submit case-sheet__submit--busy' : 'case-sheet__submit'}
          aria-disabled={busy}
          onClick={busy ? undefined : onSubmit}
        >
          {busy ? '提交中…' : submitText}
        </View>
        <View className="case-sheet__cancel" onClick={close}>
          取消
        </View>
      </View>
    </View>
  );
}

export function ReturnSheet(props: { busy: boolean; onSubmit: (s: ReturnShipment) => void; onClose: () => void }) {
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof ReturnShipment, string>>>({});
  const submit = () => {
    const checked = checkReturnShipment(carrier, trackingNo);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    props.onSubmit(checked.shipment);
  };
  return (
    <Frame title="填写退货物流" busy={props.busy} submitText="提交" onSubmit={submit} onClose={props.onClose}>
      <Text className="case-sheet__label">快递公司</Text>
      <View className="case-sheet__chips">
        {COURIERS.map(({ code, name }) => (
          <View
            key={code}
            className={carrier.trim() === name ? 'case-sheet__chip case-sheet__chip--active' : 'case-sheet__chip'}
            onClick={() => setCarrier(name)}
          >
            {name}
          </View>
        ))}
      </View>
      <Input
        className="case-sheet__input"
        value={carrier}
        maxlength={CARRIER_BOUNDS.max}
        placeholder="其他快递公司，可直接填写"
        onInput={(e) => setCarrier(e.detail.value)}
      />
      {errors.carrier ? <Text className="case-sheet__error">{errors.carrier}</Text> : null}
      <Text className="case-sheet__label">运单号</Text>
      <Input
        className="case-sheet__input"
        value={trackingNo}
        maxlength={40}
        placeholder="请输入退货运单号"
        onInput={(e) => setTrackingNo(e.detail.value)}
      />
      {errors.trackingNo ? <Text className="case-sheet__error">{errors.trackingNo}</Text> : null}
    </Frame>
  );
}

export interface Reopening {
  description: string;
  photos: string[];
}

export function ReopenSheet(props: { busy: boolean; onSubmit: (r: Reopening) => void; onClose: () => void }) {
  const [words, setWords] = useState('');
  const [error, setError] = useState('');
  const uploads = usePhotoUploads(MEMBER_UPLOAD_FOLDERS.afterSale, AFTER_SALE_PHOTOS_MAX);
  const submit = () => {
    const description = words.trim();
    if (uploads.uploading) return setError('图片上传中，请稍候');
    if (!description && uploads.photos.length === 0) return setError('请补充说明或上传新的凭证');
    if (description.length > AFTER_SALE_DESCRIPTION_MAX)
      return setError(`补充说明最多 ${AFTER_SALE_DESCRIPTION_MAX} 个字`);
    setError('');
    props.onSubmit({ description, photos: uploads.photos.map((p) => p.fileID) });
  };
  return (
    <Frame title="再次申请" busy={props.busy} submitText="提交" onSubmit={submit} onClose={props.onClose}>
      <Text className="case-sheet__hint">商家拒绝后可再次申请一次，请补充新的说明或凭证</Text>
      <Textarea
        className="case-sheet__textarea"
        value={words}
        maxlength={AFTER_SALE_DESCRIPTION_MAX}
        placeholder="补充说明"
        onInput={(e) => setWords(e.detail.value)}
      />
      <EvidencePhotos uploads={uploads} />
      {error ? <Text className="case-sheet__error">{error}</Text> : null}
    </Frame>
  );
}
