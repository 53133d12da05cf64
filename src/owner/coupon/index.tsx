// 新建优惠券 / 编辑优惠券 (`?id=`): the owner issues a coupon, the same for every member who claims it, or edits one.
// Name, 满减 (an amount off) or 折扣 (a percentage off, with an optional cap), the threshold (0: 无门槛), all goods or
// chosen products, fixed dates or days from claiming, how many in all and per member. Once a coupon was claimed its
// terms stay as they are (shown, disabled): only the name, the total (not below what was claimed) and the limit per
// member change. The form is checked before sending; the server's refusal is shown as it words it.
import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ErrorBody, Result } from '../../api/client';
import { couponApi } from '../../api/coupon';
import { dayjs } from '../../lib/time';
import type { Coupon, CouponInput } from '../../../cloudfunctions/contracts/coupon';
import { COUPON_NAME_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import LoadGate from '../shared/LoadGate';
import NotOwner from '../shared/NotOwner';
import { useLoadAndSave } from '../shared/useLoadAndSave';
import { Choice, Field, InputField } from './fields';
import {
  checkCouponForm,
  confirmationOf,
  emptyCouponForm,
  formFromCoupon,
  termsFrozen,
  type CouponForm,
  type CouponFormErrors,
} from './form';
import ProductPicker from './ProductPicker';
import './index.scss';

const today = () => dayjs().format('YYYY-MM-DD');

interface Loaded {
  /** The coupon being edited; null for a new one. */
  coupon: Coupon | null;
}

const nothingToLoad = async (): Promise<Result<Loaded>> => ({ ok: true, data: { coupon: null } });

/** Refusals that mean the coupon was claimed since it was loaded: it is loaded again, its terms now frozen. */
const STALE: ErrorBody['code'][] = ['coupon.terms_frozen', 'coupon.total_below_claimed'];

export default function CouponEditorPage() {
  const id = useRouter().params.id || undefined;
  const state = useLoadAndSave<Loaded, CouponInput<'save'>, 'save'>({
    load: id ? () => couponApi.get({ couponId: id }) : nothingToLoad,
    save: (input) => couponApi.save(input),
  });
  const editing = state.data?.coupon ?? undefined;
  const frozen = termsFrozen(editing);
  // Null until the coupon to edit has filled it.
  const [form, setForm] = useState<CouponForm | null>(() => (id ? null : emptyCouponForm()));
  const [errors, setErrors] = useState<CouponFormErrors>({});
  const [serverError, setServerError] = useState<ErrorBody | null>(null);
  const set = (patch: Partial<CouponForm>) => setForm((f) => f && { ...f, ...patch });

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑优惠券' : '新建优惠券' });
  }, [id]);

  // The coupon fills the form; loaded again (after a refusal), it brings its terms and keeps what was typed in the
  // fields that stay open.
  useEffect(() => {
    if (!editing) return;
    const loaded = formFromCoupon(editing);
    setForm((f) => (f ? { ...loaded, name: f.name, total: f.total, perMember: f.perMember } : loaded));
  }, [editing]);

  if (!form) return <LoadGate error={state.error} reload={state.reload} />;
  if (serverError?.code === 'auth.not_owner') return <NotOwner />;

  const submit = async () => {
    if (state.busy) return;
    const check = checkCouponForm(form, today(), editing);
    if (!check.ok) {
      setErrors(check.errors);
      void Taro.showToast({ title: '请按提示修改', icon: 'none' });
      return;
    }
    setErrors({});
    const question = confirmationOf(check.draft, editing);
    if (!question) {
      void Taro.showToast({ title: '没有需要保存的修改', icon: 'none' });
      return;
    }
    const { confirm } = await Taro.showModal(question);
    if (!confirm) return;
    setServerError(null);
    const done = editing ? '已保存' : '已发布';
    const res = await state.run('save', { coupon: check.draft }, { done, reloadOn: STALE });
    if (!res.ok) return setServerError(res.error);
    void Taro.navigateBack();
  };

  const toggleProduct = (productId: string) =>
    set({
      productIds: form.productIds.includes(productId)
        ? form.productIds.filter((p) => p !== productId)
        : [...form.productIds, productId],
    });

  const saving = state.busy !== null;
  return (
    <View className="coupon-editor">
      {editing && frozen ? (
        <Text className="coupon-editor__frozen">
          {`已领取 ${editing.claimed} 张，优惠内容和有效期不能再改；可修改名称、发放总量（不少于已领取的 ${editing.claimed} 张）和每人限领。`}
        </Text>
      ) : null}
      <View className="coupon-editor__card">
        <InputField
          label="名称"
          error={errors.name}
          value={form.name}
          maxlength={COUPON_NAME_BOUNDS.max}
          placeholder="如：店庆满减"
          onInput={(name) => set({ name })}
        />
        <Field label="类型">
          <Choice
            options={[
              ['amount_off', '满减券'],
              ['percent_off', '折扣券'],
            ]}
            value={form.kind}
            disabled={frozen}
            onChange={(kind) => set({ kind })}
          />
        </Field>
        {form.kind === 'amount_off' ? (
          <InputField
            label="减免金额（元）"
            error={errors.off}
            type="digit"
            value={form.off}
            placeholder="如：10"
            disabled={frozen}
            onInput={(off) => set({ off })}
          />
        ) : (
          <>
            <InputField
              label="折扣（折）"
              error={errors.rate}
              type="digit"
              value={form.rate}
              placeholder="如：9 或 8.5"
              disabled={frozen}
              onInput={(rate) => set({ rate })}
            />
            <InputField
              label="最高优惠（元，选填）"
              error={errors.maxOff}
              type="digit"
              value={form.maxOff}
              placeholder="不限可留空"
              disabled={frozen}
              onInput={(maxOff) => set({ maxOff })}
            />
          </>
        )}
        <InputField
          label="使用门槛（元）"
          error={errors.threshold}
          hint="适用商品满这个金额才能用，0 为无门槛"
          type="digit"
          value={form.threshold}
          placeholder="0 为无门槛"
          disabled={frozen}
          onInput={(threshold) => set({ threshold })}
        />
      </View>

      <View className="coupon-editor__card">
        <Field label="适用商品" error={errors.productIds}>
          <Choice
            options={[
              ['all', '全部商品'],
              ['products', '指定商品'],
            ]}
            value={form.scope}
            disabled={frozen}
            onChange={(scope) => set({ scope })}
          />
        </Field>
        {form.scope === 'products' ? (
          <>
            <Text className="coupon-editor__hint">{`已选 ${form.productIds.length} 件`}</Text>
            <ProductPicker selected={form.productIds} disabled={frozen} onToggle={toggleProduct} />
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
            disabled={frozen}
            onChange={(validity) => set({ validity })}
          />
        </Field>
        {form.validity === 'days' ? (
          <InputField
            label="领取后有效天数"
            type="number"
            value={form.validDays}
            placeholder="如：30"
            disabled={frozen}
            onInput={(validDays) => set({ validDays })}
          />
        ) : (
          <View className="coupon-editor__dates">
            <Picker
              mode="date"
              value={form.validFrom || today()}
              disabled={frozen}
              onChange={(e) => set({ validFrom: e.detail.value })}
            >
              <View className="coupon-editor__date" aria-label="开始日期" aria-disabled={frozen}>
                {form.validFrom || '今天开始'}
              </View>
            </Picker>
            <Text className="coupon-editor__to">至</Text>
            <Picker
              mode="date"
              value={form.validTo || today()}
              disabled={frozen}
              onChange={(e) => set({ validTo: e.detail.value })}
            >
              <View className="coupon-editor__date" aria-label="结束日期" aria-disabled={frozen}>
                {form.validTo || '选择结束日期'}
              </View>
            </Picker>
          </View>
        )}
      </View>

      <View className="coupon-editor__card">
        <InputField
          label="发放总量（张）"
          error={errors.total}
          type="number"
          value={form.total}
          placeholder="如：100"
          onInput={(total) => set({ total })}
        />
        <InputField
          label="每人限领（张）"
          error={errors.perMember}
          type="number"
          value={form.perMember}
          placeholder="如：1"
          onInput={(perMember) => set({ perMember })}
        />
      </View>

      {serverError ? <Text className="coupon-editor__server-error">{serverError.message}</Text> : null}
      <View
        className={saving ? 'coupon-editor__submit coupon-editor__submit--disabled' : 'coupon-editor__submit'}
        aria-disabled={saving}
        onClick={() => void submit()}
      >
        {saving ? (editing ? '保存中…' : '发布中…') : editing ? '保存修改' : '发布优惠券'}
      </View>
    </View>
  );
}
