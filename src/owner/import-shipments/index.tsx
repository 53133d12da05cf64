// 批量发货: the owner picks a CSV of `订单号,快递公司,运单号`, sees its first rows, confirms, and gets one answer per
// row (shipped, or why not). Each row is shipped by the report function exactly as the ship button ships.
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { reportApi } from '../../api/report';
import { uploadFile } from '../../api/storage';
import { ownUploadFolder } from '../../stores/session';
import {
  COURIERS,
  IMPORT_BYTES_MAX,
  IMPORT_ROWS_MAX,
  SHOP_UPLOAD_FOLDERS,
} from '../../../cloudfunctions/contracts/limits';
import type { ReportResults } from '../../../cloudfunctions/contracts/report';
import NotOwner from '../shared/NotOwner';
import { type PickedCsv, pickCsv } from './pick-csv';
import { previewOf } from './preview';
import './index.scss';

const B = 'import-shipments';
type Outcome = ReportResults['importShipments'];
type Step = 'idle' | 'uploading' | 'shipping';

const STEP_TEXT: Record<Step, string> = { idle: '', uploading: '正在上传文件…', shipping: '正在逐行发货，请勿离开…' };

export default function ImportShipmentsPage() {
  const [file, setFile] = useState<PickedCsv | null>(null);
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const preview = file ? previewOf(file.text) : null;
  const tooLarge = file !== null && (file.size > IMPORT_BYTES_MAX || (preview?.total ?? 0) > IMPORT_ROWS_MAX);

  const choose = async () => {
    if (step !== 'idle') return;
    const picked = await pickCsv();
    if (!picked) return;
    setFile(picked);
    setError(null);
    setOutcome(null);
  };

  const send = async (picked: PickedCsv, rows: number) => {
    if (step !== 'idle' || tooLarge || rows === 0) return;
    const { confirm } = await Taro.showModal({
      title: '确认批量发货',
      content: `将按文件中的 ${rows} 行逐一发货，发货后无法撤回。`,
      confirmText: '发货',
    });
    if (!confirm) return;
    setError(null);
    setStep('uploading');
    const own = await ownUploadFolder(SHOP_UPLOAD_FOLDERS.imports);
    const uploaded = own.ok
      ? await uploadFile(
          `${own.data}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.csv`,
          picked.path,
        )
      : own;
    if (!uploaded.ok) {
      setStep('idle');
      // The storage helper speaks of photos; this is a file.
      const upload = uploaded.error.code === 'upload.failed';
      return setError(upload ? { code: 'upload.failed', message: '文件上传失败，请重试' } : uploaded.error);
    }
    setStep('shipping');
    const res = await reportApi.importShipments({ fileID: uploaded.data.fileID });
    setStep('idle');
    if (res.ok) {
      setOutcome(res.data);
      setFile(null);
    } else setError(res.error);
  };

  if (error?.code === 'auth.not_owner') return <NotOwner />;

  return (
    <View className={B}>
      <View className={`${B}__card`}>
        <Text className={`${B}__title`}>文件格式</Text>
        <Text className={`${B}__hint`}>
          CSV 文件，每行：订单号,快递公司,运单号（第一行可以是表头）。快递公司写名称或编码，如“顺丰速运”或“SF”；
          每次最多 {IMPORT_ROWS_MAX} 行、1 MB。
        </Text>
        <Text className={`${B}__hint`}>可选快递：{COURIERS.map((c) => c.name).join('、')}</Text>
        <Button className={`${B}__pick`} disabled={step !== 'idle'} onClick={() => void choose()}>
          {file ? '重新选择文件' : process.env.TARO_ENV === 'h5' ? '选择 CSV 文件' : '从聊天中选择 CSV 文件'}
        </Button>
      </View>

      {file && preview ? (
        <View className={`${B}__card`}>
          <Text className={`${B}__title`}>
            {file.name} · 共 {preview.total} 行
          </Text>
          {preview.rows.map((row) => (
            <View key={row.n} className={`${B}__preview-row`}>
              <Text className={`${B}__cell`}>{row.orderId}</Text>
              <Text className={`${B}__cell`}>{row.carrier}</Text>
              <Text className={`${B}__cell`}>{row.trackingNo}</Text>
            </View>
          ))}
          {preview.total > preview.rows.length ? (
            <Text className={`${B}__hint`}>…其余 {preview.total - preview.rows.length} 行</Text>
          ) : null}
          {tooLarge ? (
            <Text className={`${B}__error`}>文件太大，请分批导入（每次不超过 1 MB、{IMPORT_ROWS_MAX} 行）</Text>
          ) : null}
          {preview.total === 0 ? <Text className={`${B}__error`}>文件里没有可发货的行</Text> : null}
          <Button
            className={`${B}__submit`}
            disabled={step !== 'idle' || tooLarge || preview.total === 0}
            onClick={() => void send(file, preview.total)}
          >
            {step === 'idle' ? '确认发货' : STEP_TEXT[step]}
          </Button>
        </View>
      ) : null}

      {error ? <Text className={`${B}__error`}>{error.message}</Text> : null}

      {outcome ? (
        <View className={`${B}__card`}>
          <Text className={`${B}__title`}>
            已发货 {outcome.shipped} 单，未发货 {outcome.refused} 行
          </Text>
          {outcome.results.map((r) => (
            <View
              key={r.line}
              className={r.outcome === 'shipped' ? `${B}__result` : `${B}__result ${B}__result--refused`}
            >
              <Text className={`${B}__line`}>第 {r.line} 行</Text>
              <Text className={`${B}__order`}>{r.orderId ?? '—'}</Text>
              <Text className={`${B}__why`}>{r.outcome === 'shipped' ? '已发货' : (r.message ?? r.outcome)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
