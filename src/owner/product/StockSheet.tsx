// 调整库存 of one SKU: add or remove units with why (the reason goes into the stock ledger). The requestId is made
// when the sheet opens, so a retry after a lost answer cannot change the stock twice.
import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { shopApi } from '../../api/shop';
import { newRequestId } from '../../lib/request-id';
import type { Sku, StockEntry } from '../../../cloudfunctions/contracts/shop';
import OwnerSheet, { ReasonField } from '../shared/OwnerSheet';
import { keepsRequestId, parseStockChange, REASON_MAX, stockAfter, type StockDirection } from './form';

export const STOCK_REASONS = ['到货入库', '盘点修正', '损耗报废'] as const;
const DIRECTIONS: Array<[StockDirection, string]> = [
  ['add', '增加'],
  ['remove', '减少'],
];

export interface StockSheetProps {
  productId: string;
  sku: Sku;
  /** The change went through: the SKU and its ledger entry as the server answered. */
  onDone: (sku: Sku, entry: StockEntry) => void;
  onClose: () => void;
}

export default function StockSheet({ productId, sku, onDone, onClose }: StockSheetProps) {
  const [direction, setDirection] = useState<StockDirection>('add');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const requestId = useRef(newRequestId());
  const after = stockAfter(direction, amount, sku.stock);

  const submit = async () => {
    if (busy) return;
    const change = parseStockChange(direction, amount, reason, sku.stock);
    if (!change.ok) return setError(change.message);
    setError('');
    setBusy(true);
    const res = await shopApi.setStock({ productId, skuId: sku.id, requestId: requestId.current, ...change.value });
    setBusy(false);
    if (res.ok) return onDone(res.data.sku, res.data.entry);
    if (!keepsRequestId(res.error.code)) requestId.current = newRequestId();
    setError(res.error.message);
  };

  return (
    <OwnerSheet
      title={`调整库存 · ${sku.spec}`}
      busy={busy}
      submitText="确认调整"
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Text className="owner-sheet__hint">{`当前库存 ${sku.stock}`}</Text>
      <View className="owner-sheet__chips" role="radiogroup">
        {DIRECTIONS.map(([d, label]) => (
          <View
            key={d}
            role="radio"
            aria-checked={d === direction}
            className={d === direction ? 'owner-sheet__chip owner-sheet__chip--active' : 'owner-sheet__chip'}
            onClick={() => setDirection(d)}
          >
            {label}
          </View>
        ))}
      </View>
      <Text className="owner-sheet__label">数量</Text>
      <Input
        className="owner-sheet__input"
        type="number"
        value={amount}
        maxlength={7}
        placeholder="调整数量"
        onInput={(e) => setAmount(e.detail.value)}
      />
      {after !== null ? <Text className="owner-sheet__hint">{`调整后库存 ${after}`}</Text> : null}
      <Text className="owner-sheet__label">常用原因</Text>
      <View className="owner-sheet__chips">
        {STOCK_REASONS.map((r) => (
          <View
            key={r}
            className={reason.trim() === r ? 'owner-sheet__chip owner-sheet__chip--active' : 'owner-sheet__chip'}
            onClick={() => setReason(r)}
          >
            {r}
          </View>
        ))}
      </View>
      <ReasonField
        label="调整原因"
        value={reason}
        maxLength={REASON_MAX}
        placeholder="选一个常用原因，或写下其他原因"
        error={error}
        onInput={setReason}
      />
    </OwnerSheet>
  );
}
