// 新建优惠券: the owner issues a coupon, the same for every member who claims it. Name, 满减 (an amount off) or 折扣
// (a percentage off, with an optional cap), the threshold (0: 无门槛), all goods or chosen products, fixed dates or
// days from claiming, how many in all and per member. The form is checked before sending; the server's refusal is
// shown as it words it.
import { useState, type ReactNode } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { couponApi } from '../../api/coupon';
import { couponRule } from '../../lib/coupon';
import { dayjs } from '../../lib/time';
import { COUPON_NAME_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import NotOwner from '../shared/NotOwner';
import { checkCouponForm, emptyCouponForm, type CouponForm, type CouponFormErrors } from './form';
import ProductPicker from './ProductPicker';
import './index.scss';

const today = () => dayjs().format('YYYY-MM-DD');

export default function CouponEditorPage() {
  const [form, setForm] = useState<CouponForm>(emptyCouponForm);
  const [errors, setErrors] = useState<CouponFormErrors>({});
  const [serverError, setServerError] = useState<{ code: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<CouponForm>) => setForm((f) => ({ ...f, ...patch }));

  if (serverError?.code === 'auth.not_owner') return <NotOwner />;

  const submit = async () => {
    if (saving) return;
    const check = checkCouponForm(form, today());
    if (!check.ok) {
      setErrors(check.errors);
      void Taro.showToast({ title: '请按提示修改', icon: 'none' });
      return;
    }
    setErrors({});
    const { confirm } = await Taro.showModal({
      title: '发布优惠券',
      content: `「${check.draft.name}」${couponRule(check.draft)}，共 ${check.draft.total} 张。发布后会员即可领取，已领取的券按领取时的条款使用。`,
      confirmText: '发布',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setSaving(true);
    setServerError(null);
    const res = await couponApi.save({ coupon: check.draft });
    setSaving(false);
    if (!res.ok) {
      setServerError(res.error);
      void Taro.showToast({ title: res.error.message, icon: 'none' });
      return;
    }
    void Taro.showToast({ title: '已发布', icon: 'success' });
    void Taro.navigateBack();
  };

  const toggleProduct = (id: string) =>
    setForm((f) => ({
      ...f,
      productIds: f.productIds.includes(id) ? f.productIds.filter((p) => p !== id) : [...f.productIds, id],
    }));

  return (
    <View className="coupon-editor">
      <View className="coupon-editor__card">
        <Field label="名称" error={errors.name}>
          <Input
            className="coupon-editor__input"
            value={form.name}
            maxlength={COUPON_NAME_BOUNDS.max}
            placeholder="如：店庆满减"
            onInput={(e) => set({ name: e.detail.value })}
          />
        </Field>
        <Field label="类型">
          <Choice
            options={[
              ['amount_off', '满减券'],
              ['percent_off', '折扣券'],
            ]}
            value={form.kind}
            onChange={(kind) => set({ kind })}
          />
        </Field>
        {form.kind === 'amount_off' ? (
          <Field label="减免金额（元）" error={errors.off}>
            <Input
              className="coupon-editor__input"
              type="digit"
              value={form.off}
              placeholder="如：10"
              onInput={(e) => set({ off: e.detail.value })}
            />
          </Field>
        ) : (
          <>
            <Field label="折扣（折）" error={errors.rate}>
              <Input
                className="coupon-editor__input"
                type="digit"
                value={form.rate}
                placeholder="如：9 或 8.5"
                onInput={(e) => set({ rate: e.detail.value })}
              />
            </Field>
            <Field label="最高优惠（元，选填）" error={errors.maxOff}>
              <Input
                className="coupon-editor__input"
                type="digit"
                value={form.maxOff}
                placeholder="不限可留空"
                onInput={(e) => set({ maxOff: e.detail.value })}
              />
            </Field>
          </>
        )}
        <Field label="使用门槛（元）" error={errors.threshold} hint="适用商品满这个金额才能用，0 为无门槛">
          <Input
            className="coupon-editor__input"
            type="digit"
            value={form.threshold}
            placeholder="0 为无门槛"
            onInput={(e) => set({ threshold: e.detail.value })}
          />
        </Field>
      </View>

      <View className="coupon-editor__card">
        <Field label="适用商品" error={errors.productIds}>
          <Choice
            options={[
              ['all', '全部商品'],
              ['products', '指定商品'],
            ]}
            value={form.scope}
            onChange={(scope) => set({ scope })}
          />
        </Field>
        {form.scope === 'products' ? (
          <>
            <Text className="coupon-editor__hint">{`已选 ${form.productIds.length} 件`}</Text>
            <ProductPicker selected={form.productIds} onToggle={toggleProduct} />
          </>
        ) : null}
      </View>

      <View className="coupon-editor__card">
        <Field label="有效期" error={errors.validity}>
          <Choice
            options={[
              ['days', '领取后几天内'],
              ['dates', '固定日期'],
            ]}
            value={form.validity}
            onChange={(validity) => set({ validity })}
          />
        </Field>
        {form.validity === 'days' ? (
          <Field label="领取后有效天数">
            <Input
              className="coupon-editor__input"
              type="number"
              value={form.validDays}
              placeholder="如：30"
              onInput={(e) => set({ validDays: e.detail.value })}
            />
          </Field>
        ) : (
          <View className="coupon-editor__dates">
            <Picker mode="date" value={form.validFrom || today()} onChange={(e) => set({ validFrom: e.detail.value })}>
              <View className="coupon-editor__date" aria-label="开始日期">
                {form.validFrom || '今天开始'}
              </View>
            </Picker>
            <Text className="coupon-editor__to">至</Text>
            <Picker mode="date" value={form.validTo || today()} onChange={(e) => set({ validTo: e.detail.value })}>
              <View className="coupon-editor__date" aria-label="结束日期">
                {form.validTo || '选择结束日期'}
              </View>
            </Picker>
          </View>
        )}
      </View>

      <View className="coupon-editor__card">
        <Field label="发放总量（张）" error={errors.total}>
          <Input
            className="coupon-editor__input"
            type="number"
            value={form.total}
            placeholder="如：100"
            onInput={(e) => set({ total: e.detail.value })}
          />
        </Field>
        <Field label="每人限领（张）" error={errors.perMember}>
          <Input
            className="coupon-editor__input"
            type="number"
            value={form.perMember}
            placeholder="如：1"
            onInput={(e) => set({ perMember: e.detail.value })}
          />
        </Field>
      </View>

      {serverError ? <Text className="coupon-editor__server-error">{serverError.message}</Text> : null}
      <View
        className={saving ? 'coupon-editor__submit coupon-editor__submit--disabled' : 'coupon-editor__submit'}
        aria-disabled={saving}
        onClick={() => void submit()}
      >
        {saving ? '发布中…' : '发布优惠券'}
      </View>
    </View>
  );
}

function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <View className="coupon-editor__field">
      <Text className="coupon-editor__label">{label}</Text>
      {children}
      {hint ? <Text className="coupon-editor__hint">{hint}</Text> : null}
      {error ? <Text className="coupon-editor__error">{error}</Text> : null}
    </View>
  );
}

function Choice<T extends string>({
  options,
  value,
  onChange,
}: {
  options: Array<[T, string]>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <View className="coupon-editor__choices">
      {options.map(([v, label]) => (
        <View
          key={v}
          className={v === value ? 'coupon-editor__choice coupon-editor__choice--on' : 'coupon-editor__choice'}
          role="radio"
          aria-checked={v === value}
          onClick={() => onChange(v)}
        >
          {label}
        </View>
      ))}
    </View>
  );
}
