// What the two activity editors (新建拼团, 新建秒杀) do alike: the form and the product picked (its SKUs become the
// form's choices), the errors of the last check, and 发布 (checked, then confirmed in the words the editor gives,
// saved, and back to the list; the server's refusal shown as it words it). Also the window's two moments and the
// publish bar at the foot of both pages.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { dayjs } from '../../lib/time';
import type { ErrorBody, Result } from '../../../cloudfunctions/contracts/errors';
import type { OwnerProductDetail } from '../../../cloudfunctions/contracts/shop';
import { Field, MomentField } from './CampaignEditor';
import { skuChoicesOf, type Moment, type SkuChoice } from './campaign-form';

const B = 'campaign-editor';

interface ActivityForm {
  productId: string;
  skus: SkuChoice[];
  start: Moment;
  end: Moment;
}

export interface CampaignEditorSpec<F extends ActivityForm, D, E> {
  empty: () => F;
  check: (form: F, now: number) => { ok: true; draft: D } | { ok: false; errors: E };
  /** The confirmation before publishing: what the activity does, in the shop's words. */
  confirmation: (draft: D, form: F, product: OwnerProductDetail | null) => { title: string; content: string };
  save: (draft: D) => Promise<Result<unknown>>;
}

export function useCampaignEditor<F extends ActivityForm, D, E extends object>(spec: CampaignEditorSpec<F, D, E>) {
  const [form, setForm] = useState<F>(spec.empty);
  const [product, setProduct] = useState<OwnerProductDetail | null>(null);
  const [errors, setErrors] = useState<Partial<E>>({});
  const [serverError, setServerError] = useState<ErrorBody | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<F>) => setForm((f) => ({ ...f, ...patch }));

  const picked = (p: OwnerProductDetail) => {
    setProduct(p);
    set({ productId: p.id, skus: skuChoicesOf(p) } as Partial<F>);
  };
  const changeSku = (skuId: string, patch: Partial<SkuChoice>) =>
    setForm((f) => ({ ...f, skus: f.skus.map((s) => (s.skuId === skuId ? { ...s, ...patch } : s)) }));

  const submit = async () => {
    if (saving) return;
    const check = spec.check(form, Date.now());
    if (!check.ok) {
      setErrors(check.errors);
      void Taro.showToast({ title: '请按提示修改', icon: 'none' });
      return;
    }
    setErrors({});
    const { confirm } = await Taro.showModal({
      ...spec.confirmation(check.draft, form, product),
      confirmText: '发布',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setSaving(true);
    setServerError(null);
    const res = await spec.save(check.draft);
    setSaving(false);
    if (!res.ok) {
      setServerError(res.error);
      void Taro.showToast({ title: res.error.message, icon: 'none' });
      return;
    }
    void Taro.showToast({ title: '已发布', icon: 'success' });
    void Taro.navigateBack();
  };

  return { form, set, product, picked, changeSku, errors, serverError, saving, submit };
}

/** 活动时间: a start (立即开始 when none is picked) and an end. */
export function WindowField(props: {
  form: ActivityForm;
  error?: string;
  hint?: string;
  onChange: (patch: { start?: Moment; end?: Moment }) => void;
}) {
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Field label="活动时间" error={props.error} hint={props.hint}>
      <MomentField
        label="开始"
        value={props.form.start}
        placeholder="立即开始"
        defaultTime="00:00"
        today={today}
        onChange={(start) => props.onChange({ start })}
      />
      <MomentField
        label="结束"
        value={props.form.end}
        placeholder="选择日期"
        defaultTime="23:59"
        today={today}
        onChange={(end) => props.onChange({ end })}
      />
    </Field>
  );
}

/** A whole number typed into a field (成团人数, 每人限购 …). */
export function CountField(props: {
  label: string;
  error?: string;
  hint?: string;
  value: string;
  placeholder: string;
  onInput: (value: string) => void;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      <Input
        className={`${B}__input`}
        type="number"
        value={props.value}
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.detail.value)}
      />
    </Field>
  );
}

/** The server's refusal, if any, and 发布 (发布中… while saving). */
export function PublishBar(props: {
  saving: boolean;
  serverError: ErrorBody | null;
  label: string;
  onPublish: () => void;
}) {
  return (
    <>
      {props.serverError ? <Text className={`${B}__server-error`}>{props.serverError.message}</Text> : null}
      <View
        className={props.saving ? `${B}__submit ${B}__submit--disabled` : `${B}__submit`}
        aria-disabled={props.saving}
        onClick={props.onPublish}
      >
        {props.saving ? '发布中…' : props.label}
      </View>
    </>
  );
}
