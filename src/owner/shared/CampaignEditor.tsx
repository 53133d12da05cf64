// The pieces of the two activity editors (拼团, 秒杀): a labelled field; the product, picked from the catalogue and read
// afresh for its SKUs (their prices and stock now); each SKU ticked in with its activity price (and for a flash sale
// its units), what bounds them said inline; and a moment from a date and a time picker.
import { useState, type ReactNode } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import { shopApi } from '../../api/shop';
import { formatFen } from '../../lib/money';
import type { OwnerProductDetail } from '../../../cloudfunctions/contracts/shop';
import ProductPicker from '../coupon/ProductPicker';
import type { Moment, SkuChoice } from './campaign-form';

const B = 'campaign-editor';

export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  children?: ReactNode;
}) {
  return (
    <View className={`${B}__field`}>
      <Text className={`${B}__label`}>{label}</Text>
      {children}
      {hint ? <Text className={`${B}__hint`}>{hint}</Text> : null}
      {error ? <Text className={`${B}__error`}>{error}</Text> : null}
    </View>
  );
}

export interface ProductFieldProps {
  product: Pick<OwnerProductDetail, 'id' | 'title'> | null;
  error?: string;
  onPicked: (product: OwnerProductDetail) => void;
}

/** The chosen product with 更换, or the catalogue to choose from; a pick is read afresh before it counts. */
export function ProductField({ product, error, onPicked }: ProductFieldProps) {
  const [picking, setPicking] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const [readError, setReadError] = useState('');

  const pick = async (id: string) => {
    if (reading) return;
    setReading(id);
    setReadError('');
    const res = await shopApi.ownerProduct({ id });
    setReading(null);
    if (!res.ok) return setReadError(res.error.message);
    setPicking(false);
    onPicked(res.data);
  };

  const open = picking || !product;
  return (
    <Field label="商品" error={readError || error}>
      {product ? (
        <View className={`${B}__chosen`}>
          <Text className={`${B}__chosen-title`}>{product.title}</Text>
          {open ? null : (
            <Text className={`${B}__change`} onClick={() => setPicking(true)}>
              更换
            </Text>
          )}
        </View>
      ) : null}
      {open ? (
        <>
          {reading ? <Text className={`${B}__hint`}>读取商品规格中…</Text> : null}
          <ProductPicker block={B} selected={product ? [product.id] : []} onToggle={(id) => void pick(id)} />
        </>
      ) : null}
    </Field>
  );
}

export interface SkuRowsProps {
  skus: SkuChoice[];
  /** '拼团价' or '秒杀价'. */
  priceName: string;
  /** 秒杀: each SKU sets units aside, at most its stock now. */
  withUnits?: boolean;
  errors?: Record<string, string>;
  onChange: (skuId: string, patch: Partial<SkuChoice>) => void;
}

export function SkuRows({ skus, priceName, withUnits = false, errors = {}, onChange }: SkuRowsProps) {
  return (
    <View className={`${B}__skus`}>
      {skus.map((s) => (
        <View key={s.skuId} className={s.on ? `${B}__sku ${B}__sku--on` : `${B}__sku`}>
          <View
            className={`${B}__sku-head`}
            role="checkbox"
            aria-checked={s.on}
            onClick={() => onChange(s.skuId, { on: !s.on })}
          >
            <View className={`${B}__tick`}>{s.on ? '✓' : ''}</View>
            <Text className={`${B}__sku-spec`}>{s.spec}</Text>
            <Text className={`${B}__sku-meta`}>{`原价 ${formatFen(s.priceFen)} · 库存 ${s.stock}`}</Text>
          </View>
          {s.on ? (
            <View className={`${B}__sku-inputs`}>
              <Input
                className={`${B}__input`}
                type="digit"
                value={s.price}
                placeholder={`${priceName}（元），低于 ${formatFen(s.priceFen)}`}
                onInput={(e) => onChange(s.skuId, { price: e.detail.value })}
              />
              {withUnits ? (
                <Input
                  className={`${B}__input`}
                  type="number"
                  value={s.units}
                  placeholder={`秒杀数量（件），最多 ${s.stock}`}
                  onInput={(e) => onChange(s.skuId, { units: e.detail.value })}
                />
              ) : null}
              {/* The bounds, said before anything is typed; in red instead once the form was checked against them. */}
              {errors[s.skuId] ? (
                <Text className={`${B}__error`}>{errors[s.skuId]}</Text>
              ) : (
                <Text className={`${B}__hint`}>
                  {withUnits
                    ? `${priceName}需低于原价；秒杀数量不能超过现有库存 ${s.stock} 件`
                    : `${priceName}需低于原价 ${formatFen(s.priceFen)}`}
                </Text>
              )}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

export interface MomentFieldProps {
  label: string;
  value: Moment;
  /** What the date shows before one is picked ('立即开始', '请选择日期'). */
  placeholder: string;
  /** The time a picked date defaults to. */
  defaultTime: string;
  today: string;
  onChange: (moment: Moment) => void;
}

export function MomentField({ label, value, placeholder, defaultTime, today, onChange }: MomentFieldProps) {
  return (
    <View className={`${B}__moment`}>
      <Text className={`${B}__moment-label`}>{label}</Text>
      <Picker mode="date" value={value.date || today} onChange={(e) => onChange({ ...value, date: e.detail.value })}>
        <View className={`${B}__date`} aria-label={`${label}日期`}>
          {value.date || placeholder}
        </View>
      </Picker>
      <Picker
        mode="time"
        value={value.time || defaultTime}
        onChange={(e) => onChange({ date: value.date || today, time: e.detail.value })}
      >
        <View className={`${B}__date`} aria-label={`${label}时刻`}>
          {value.date ? value.time || defaultTime : '--:--'}
        </View>
      </Picker>
    </View>
  );
}
