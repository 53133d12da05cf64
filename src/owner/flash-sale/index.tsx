// 新建秒杀: the owner sells some units of a product at a flash price for a while, the same for every member. The SKUs
// taking part with their flash price (below the normal price) and the units set aside (at most the SKU's stock now:
// they leave its normal stock when the sale is saved and the unsold ones come back when it ends or is stopped), the
// window and the units per member. Checked before sending; published after a confirmation that says the stock moves;
// the server's refusal is shown as it words it.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { campaignOwnerApi } from '../../api/campaign-owner';
import { dayjs } from '../../lib/time';
import type { OwnerProductDetail } from '../../../cloudfunctions/contracts/shop';
import NotOwner from '../shared/NotOwner';
import { Field, MomentField, ProductField, SkuRows } from '../shared/CampaignEditor';
import { skuChoicesOf, type SkuChoice } from '../shared/campaign-form';
import { campaignWindow, priceRange } from '../shared/campaign-text';
import { checkFlashSaleForm, emptyFlashSaleForm, type FlashSaleForm, type FlashSaleFormErrors } from './form';
import './index.scss';

const today = () => dayjs().format('YYYY-MM-DD');

export default function FlashSaleEditorPage() {
  const [form, setForm] = useState<FlashSaleForm>(emptyFlashSaleForm);
  const [product, setProduct] = useState<OwnerProductDetail | null>(null);
  const [errors, setErrors] = useState<FlashSaleFormErrors>({});
  const [serverError, setServerError] = useState<{ code: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<FlashSaleForm>) => setForm((f) => ({ ...f, ...patch }));

  if (serverError?.code === 'auth.not_owner') return <NotOwner />;

  const picked = (p: OwnerProductDetail) => {
    setProduct(p);
    set({ productId: p.id, skus: skuChoicesOf(p) });
  };
  const changeSku = (skuId: string, patch: Partial<SkuChoice>) =>
    setForm((f) => ({ ...f, skus: f.skus.map((s) => (s.skuId === skuId ? { ...s, ...patch } : s)) }));

  const submit = async () => {
    if (saving) return;
    const check = checkFlashSaleForm(form, Date.now());
    if (!check.ok) {
      setErrors(check.errors);
      void Taro.showToast({ title: '请按提示修改', icon: 'none' });
      return;
    }
    setErrors({});
    const { draft } = check;
    const units = draft.skus.map((s) => `${specOf(form.skus, s.skuId)} ${s.stock} 件`).join('、');
    const { confirm } = await Taro.showModal({
      title: '发布秒杀',
      content:
        `「${product?.title ?? ''}」秒杀价 ${priceRange(draft.skus.map((s) => s.priceFen))}，${campaignWindow(draft)}。` +
        `留出 ${units}：发布后立即移出正常库存，活动结束或停止时未售出的退回库存。`,
      confirmText: '发布',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setSaving(true);
    setServerError(null);
    const res = await campaignOwnerApi.saveFlashSale({ flashSale: draft });
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
      <Text className="campaign-editor__intro">秒杀价对所有会员相同；秒杀数量从现有库存中留出，售完即止</Text>
      <View className="campaign-editor__card">
        <ProductField product={product} error={errors.product} onPicked={picked} />
        {product ? (
          <Field label="参加秒杀的规格" error={errors.skus}>
            <SkuRows skus={form.skus} priceName="秒杀价" withUnits errors={errors.sku} onChange={changeSku} />
          </Field>
        ) : null}
      </View>

      <View className="campaign-editor__card">
        <Field label="活动时间" error={errors.window}>
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
        <Field label="每人限购（件）" error={errors.perMember} hint="同一会员在这场秒杀的所有订单合计">
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
        {saving ? '发布中…' : '发布秒杀'}
      </View>
    </View>
  );
}

const specOf = (skus: SkuChoice[], skuId: string) => skus.find((s) => s.skuId === skuId)?.spec ?? '';
