// 新建拼团: the owner offers a product at a group price, the same for every member. The SKUs taking part and their
// group price (below the normal price), the group's size and the hours it has to fill, the window in which groups may
// start, the units the activity sells at most and the units per member. Checked before sending; published after a
// confirmation; the server's refusal is shown as it words it.
import { Text, View } from '@tarojs/components';
import { campaignOwnerApi } from '../../api/campaign-owner';
import { GROUP_HOURS_BOUNDS, GROUP_SIZE_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import NotOwner from '../shared/NotOwner';
import { Field, ProductField, SkuRows } from '../shared/CampaignEditor';
import { campaignWindow, priceRange } from '../shared/campaign-text';
import { CountField, PublishBar, useCampaignEditor, WindowField } from '../shared/useCampaignEditor';
import { checkGroupBuyForm, emptyGroupBuyForm } from './form';
import './index.scss';

export default function GroupBuyEditorPage() {
  const editor = useCampaignEditor({
    empty: emptyGroupBuyForm,
    check: checkGroupBuyForm,
    confirmation: (draft, _form, product) => ({
      title: '发布拼团',
      content:
        `「${product?.title ?? ''}」${draft.size}人团，拼团价 ${priceRange(draft.skus.map((s) => s.groupPriceFen))}，` +
        `${campaignWindow(draft)} 可开团。每个团 ${draft.hours} 小时内凑齐 ${draft.size} 人付款即成团；` +
        '到时未凑齐的团自动全额退款。',
    }),
    save: (groupBuy) => campaignOwnerApi.saveGroupBuy({ groupBuy }),
  });
  const { form, set, product, errors } = editor;
  if (editor.serverError?.code === 'auth.not_owner') return <NotOwner />;

  return (
    <View className="campaign-editor">
      <Text className="campaign-editor__intro">拼团价对所有会员相同；只有付款的成员才算入团，没有模拟成团</Text>
      <View className="campaign-editor__card">
        <ProductField product={product} error={errors.product} onPicked={editor.picked} />
        {product ? (
          <Field label="参加拼团的规格" error={errors.skus}>
            <SkuRows skus={form.skus} priceName="拼团价" errors={errors.sku} onChange={editor.changeSku} />
          </Field>
        ) : null}
      </View>

      <View className="campaign-editor__card">
        <CountField
          label="成团人数（人）"
          error={errors.size}
          hint={`${GROUP_SIZE_BOUNDS.min} 到 ${GROUP_SIZE_BOUNDS.max} 人，含开团的人`}
          value={form.size}
          placeholder="如：2"
          onInput={(size) => set({ size })}
        />
        <CountField
          label="成团时限（小时）"
          error={errors.hours}
          hint={`开团后 ${GROUP_HOURS_BOUNDS.min} 到 ${GROUP_HOURS_BOUNDS.max} 小时内凑齐，否则自动退款`}
          value={form.hours}
          placeholder="如：24"
          onInput={(hours) => set({ hours })}
        />
      </View>

      <View className="campaign-editor__card">
        <WindowField
          form={form}
          error={errors.window}
          hint="在这段时间内可以开团；已开的团按时限进行到底"
          onChange={set}
        />
      </View>

      <View className="campaign-editor__card">
        <CountField
          label="活动库存（件）"
          error={errors.stockCap}
          hint="所有团合计最多卖出这么多件"
          value={form.stockCap}
          placeholder="如：100"
          onInput={(stockCap) => set({ stockCap })}
        />
        <CountField
          label="每人限购（件）"
          error={errors.perMember}
          value={form.perMember}
          placeholder="如：1"
          onInput={(perMember) => set({ perMember })}
        />
      </View>

      <PublishBar
        saving={editor.saving}
        serverError={editor.serverError}
        label="发布拼团"
        onPublish={() => void editor.submit()}
      />
    </View>
  );
}
