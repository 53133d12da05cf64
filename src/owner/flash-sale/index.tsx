// 新建秒杀: the owner sells some units of a product at a flash price for a while, the same for every member. The SKUs
// taking part with their flash price (below the normal price) and the units set aside (at most the SKU's stock now:
// they leave its normal stock when the sale is saved and the unsold ones come back when it ends or is stopped), the
// window and the units per member. Checked before sending; published after a confirmation that says the stock moves;
// the server's refusal is shown as it words it.
import { Text, View } from '@tarojs/components';
import { campaignOwnerApi } from '../../api/campaign-owner';
import NotOwner from '../shared/NotOwner';
import { Field, ProductField, SkuRows } from '../shared/CampaignEditor';
import type { SkuChoice } from '../shared/campaign-form';
import { campaignWindow, priceRange } from '../shared/campaign-text';
import { CountField, PublishBar, useCampaignEditor, WindowField } from '../shared/useCampaignEditor';
import { checkFlashSaleForm, emptyFlashSaleForm } from './form';
import './index.scss';

export default function FlashSaleEditorPage() {
  const editor = useCampaignEditor({
    empty: emptyFlashSaleForm,
    check: checkFlashSaleForm,
    confirmation: (draft, form, product) => {
      const units = draft.skus.map((s) => `${specOf(form.skus, s.skuId)} ${s.stock} 件`).join('、');
      return {
        title: '发布秒杀',
        content:
          `「${product?.title ?? ''}」秒杀价 ${priceRange(draft.skus.map((s) => s.priceFen))}，${campaignWindow(draft)}。` +
          `留出 ${units}：发布后立即移出正常库存，活动结束或停止时未售出的退回库存。`,
      };
    },
    save: (flashSale) => campaignOwnerApi.saveFlashSale({ flashSale }),
  });
  const { form, set, product, errors } = editor;
  if (editor.serverError?.code === 'auth.not_owner') return <NotOwner />;

  return (
    <View className="campaign-editor">
      <Text className="campaign-editor__intro">秒杀价对所有会员相同；秒杀数量从现有库存中留出，售完即止</Text>
      <View className="campaign-editor__card">
        <ProductField product={product} error={errors.product} onPicked={editor.picked} />
        {product ? (
          <Field label="参加秒杀的规格" error={errors.skus}>
            <SkuRows skus={form.skus} priceName="秒杀价" withUnits errors={errors.sku} onChange={editor.changeSku} />
          </Field>
        ) : null}
      </View>

      <View className="campaign-editor__card">
        <WindowField form={form} error={errors.window} onChange={set} />
        <CountField
          label="每人限购（件）"
          error={errors.perMember}
          hint="同一会员在这场秒杀的所有订单合计"
          value={form.perMember}
          placeholder="如：1"
          onInput={(perMember) => set({ perMember })}
        />
      </View>

      <PublishBar
        saving={editor.saving}
        serverError={editor.serverError}
        label="发布秒杀"
        onPublish={() => void editor.submit()}
      />
    </View>
  );
}

const specOf = (skus: SkuChoice[], skuId: string) => skus.find((s) => s.skuId === skuId)?.spec ?? '';
