// 新建拼团: the owner offers a product at a group price, the same for every member. The SKUs taking part and their
// group price (below the normal price), the group's size and the hours it has to fill, the window in which groups may
// start, the units the activity sells at most and the units per member. Checked before sending; published after a
// confirmation; the server's refusal is shown as it words it.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { campaignOwnerApi } from '../../api/campaign-owner';
import { dayjs } from '../../lib/time';
import type { OwnerProductDetail } from '../../../cloudfunctions/contracts/shop';
import { GROUP_HOURS_BOUNDS, GROUP_SIZE_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import NotOwner from '../shared/NotOwner';
import { Field, MomentField, ProductField, SkuRows } from '../shared/CampaignEditor';
import { skuChoicesOf, type SkuChoice } from '../shared/campaign-form';
import { campaignWindow, priceRange } from '../shared/campaign-text';
import { checkGroupBuyForm, emptyGroupBuyForm, type GroupBuyForm, type GroupBuyFormErrors } from './form';
import './index.scss';

const today = () => dayjs().format('YYYY-MM-DD');

export default function GroupBuyEditorPage() {
  const [form, setForm] = useState<GroupBuyForm>(emptyGroupBuyForm);
  const [product, setProduct] = useState<OwnerProductDetail | null>(null);
  const [errors, setErrors] = useState<GroupBuyFormErrors>({});
  const [serverError, setServerError] = useState<{ code: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<GroupBuyForm>) => setForm((f) => ({ ...f, ...patch }));

  if (serverError?.code === 'auth.not_owner') return <NotOwner />;

  const picked = (p: OwnerProductDetail) => {
    setProduct(p);
    set({ productId: p.id, skus: skuChoicesOf(p) });
  };
  const changeSku = (skuId: string, patch: Partial<SkuChoice>) =>
    setForm((f) => ({ ...f, skus: f.skus.map((s) => (s.skuId === skuId ? { ...s, ...patch } : s)) }));

  const submit = async () => {
    if (saving) return;
    const check = checkGroupBuyForm(form, Date.now());
    if (!check.ok) {
      setErrors(check.errors);
      void Taro.showToast({ title: '请按提示修改', icon: 'none' });
      return;
    }
    setErrors({});
    const { draft } = check;
    const { confirm } = await Taro.showModal({
      title: '发布拼团',
      content:
        `「${product?.title ?? ''}」${draft.size}人团，拼团价 ${priceRange(draft.skus.map((s) => s.groupPriceFen))}，` +
        `${campaignWindow(draft)} 可开团。每个团 ${draft.hours} 小时内凑齐 ${draft.size} 人付款即成团；` +
        '到时未凑齐的团自动全额退款。',
      confirmText: '发布',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setSaving(true);
    setServerError(null);
    const res = await campaignOwnerApi.saveGroupBuy({ groupBuy: draft });
    setSaving(false);
    if (!res.ok) {
      setServerError(res.error);
      void Taro.showToast({ title: res.error.message, icon: 'none' });
      return;
    }
    void Taro.showToast({ title: '已发布', icon: 'success' });
    void Taro.navigateBack();
  };

  return (
    <View className="campaign-editor">
      <Text className="campaign-editor__intro">拼团价对所有会员相同；只有付款的成员才算入团，没有模拟成团</Text>
      <View className="campaign-editor__card">
        <ProductField product={product} error={errors.product} onPicked={picked} />
        {product ? (
          <Field label="参加拼团的规格" error={errors.skus}>
            <SkuRows skus={form.skus} priceName="拼团价" errors={errors.sku} onChange={changeSku} />
          </Field>
        ) : null}
      </View>

      <View className="campaign-editor__card">
        <Field
          label="成团人数（人）"
          error={errors.size}
          hint={`${GROUP_SIZE_BOUNDS.min} 到 ${GROUP_SIZE_BOUNDS.max} 人，含开团的人`}
        >
          <Input
            className="campaign-editor__input"
            type="number"
            value={form.size}
            placeholder="如：2"
            onInput={(e) => set({ size: e.detail.value })}
          />
        </Field>
        <Field
          label="成团时限（小时）"
          error={errors.hours}
          hint={`开团后 ${GROUP_HOURS_BOUNDS.min} 到 ${GROUP_HOURS_BOUNDS.max} 小时内凑齐，否则自动退款`}
        >
          <Input
            className="campaign-editor__input"
            type="number"
            value={form.hours}
            placeholder="如：24"
            onInput={(e) => set({ hours: e.detail.value })}
          />
        </Field>
      </View>

      <View className="campaign-editor__card">
        <Field label="活动时间" error={errors.window} hint="在这段时间内可以开团；已开的团按时限进行到底">
          <MomentField
            label="开始"
            value={form.start}
            placeholder="立即开始"
            defaultTime="00:00"
            today={today()}
            onChange={(start) => set({ start })}
          />
          <MomentField
            label="结束"
            value={form.end}
            placeholder="选择日期"
            defaultTime="23:59"
            today={today()}
            onChange={(end) => set({ end })}
          />
        </Field>
      </View>

      <View className="campaign-editor__card">
        <Field label="活动库存（件）" error={errors.stockCap} hint="所有团合计最多卖出这么多件">
          <Input
            className="campaign-editor__input"
            type="number"
            value={form.stockCap}
            placeholder="如：100"
            onInput={(e) => set({ stockCap: e.detail.value })}
          />
        </Field>
        <Field label="每人限购（件）" error={errors.perMember}>
          <Input
            className="campaign-editor__input"
            type="number"
            value={form.perMember}
            placeholder="如：1"
            onInput={(e) => set({ perMember: e.detail.value })}
          />
        </Field>
      </View>

      {serverError ? <Text className="campaign-editor__server-error">{serverError.message}</Text> : null}
      <View
        className={saving ? 'campaign-editor__submit campaign-editor__submit--disabled' : 'campaign-editor__submit'}
        aria-disabled={saving}
        onClick={() => void submit()}
      >
        {saving ? '发布中…' : '发布拼团'}
      </View>
    </View>
  );
}
