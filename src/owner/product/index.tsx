// 新建商品 / 编辑商品: the owner's product editor. Photos (the first is the cover), title and description, its
// categories, SKUs with their prices, the commission rate, and the sale status. A SKU's stock starts with the
// product (初始库存) and then changes only through 调整库存, each change with a reason in the stock ledger below.
import { useEffect, useState } from 'react';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import PageState from '../../components/PageState';
import { routes } from '../../routes';
import { cloudPathFor, uploadFile } from '../../api/storage';
import { SHOP_UPLOAD_FOLDERS } from '../../../cloudfunctions/contracts/limits';
import { ownUploadFolder } from '../../stores/session';
import { changeSaleStatus } from '../shared/change-sale-status';
import NotOwner from '../shared/NotOwner';
import { SALE_ACTION_LABEL, SALE_STATUS_LABEL, type SaleStatus } from '../shared/product-text';
import { formatRateBp, rateBpToPercentText } from '../rates/rate';
import {
  DESCRIPTION_MAX,
  moveToFront,
  newSkuDraft,
  PHOTOS_MAX,
  SKUS_MAX,
  SPEC_MAX,
  TITLE_MAX,
  type SkuDraft,
} from './form';
import { pickImages } from '../shared/pick-images';
import CategoryPicker from './CategoryPicker';
import StockLedger from './StockLedger';
import StockSheet from './StockSheet';
import { useProductEditor } from './useProductEditor';
import './index.scss';

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

export default function ProductEditorPage() {
  const id = useRouter().params.id || undefined;
  const editor = useProductEditor(id);
  const { state, draft, setDraft } = editor;
  const [uploading, setUploading] = useState<string | null>(null);
  /** Which save button is under way: the new product's status, or 'save'. */
  const [saving, setSaving] = useState<SaleStatus | 'save' | null>(null);
  const [error, setError] = useState('');
  const [statusBusy, setStatusBusy] = useState(false);
  const [stockSkuId, setStockSkuId] = useState<string | null>(null);
  const [ledgerVersion, setLedgerVersion] = useState(0);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑商品' : '新建商品' });
  }, [id]);

  if (state.status === 'loading') return <PageState kind="loading" />;
  if (state.status === 'error') {
    if (state.error.code === 'auth.not_owner') {
      return <NotOwner />;
    }
    return (
      <PageState
        kind="error"
        message={state.error.message}
        actionText="重新加载"
        onAction={() => void editor.reload()}
      />
    );
  }
  const { product, defaultRateBp } = state;
  const stockSku = product?.skus.find((s) => s.id === stockSkuId);

  const addPhotos = async () => {
    if (uploading) return;
    const picked = await pickImages(PHOTOS_MAX - draft.photos.length);
    if (picked.length === 0) return;
    setUploading(`上传中 1/${picked.length}`);
    const own = await ownUploadFolder(SHOP_UPLOAD_FOLDERS.product);
    if (!own.ok) {
      setUploading(null);
      return toast(own.error.message);
    }
    for (const [i, local] of picked.entries()) {
      setUploading(`上传中 ${i + 1}/${picked.length}`);
      const res = await uploadFile(cloudPathFor(own.data, local), local);
      if (!res.ok) {
        toast(res.error.message);
        break;
      }
      const photo = { fileId: res.data.fileID, url: local };
      setDraft((d) => ({ ...d, photos: [...d.photos, photo].slice(0, PHOTOS_MAX) }));
    }
    setUploading(null);
  };

  const updateSku = (key: string, change: Partial<SkuDraft>) =>
    setDraft((d) => ({ ...d, skus: d.skus.map((s) => (s.key === key ? { ...s, ...change } : s)) }));

  /** A SKU already sold is retired by the save, after asking; a new row just goes. */
  const removeSku = async (sku: SkuDraft) => {
    if (sku.id) {
      const { confirm } = await Taro.showModal({
        title: '删除规格',
        content: `保存后「${sku.spec.trim() || '这个规格'}」停止销售，买家不能再购买；已有订单不受影响。`,
        confirmText: '删除',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    setDraft((d) => ({ ...d, skus: d.skus.filter((s) => s.key !== sku.key) }));
  };

  const toggleDefaultRate = () =>
    setDraft((d) => ({ ...d, useDefaultRate: !d.useDefaultRate, rate: d.rate || rateBpToPercentText(defaultRateBp) }));

  const save = async (status?: SaleStatus) => {
    if (saving) return;
    if (uploading) return setError('图片上传中，请稍候');
    setError('');
    setSaving(status ?? 'save');
    const outcome = await editor.save(status);
    setSaving(null);
    if (!outcome.ok) return setError(outcome.message);
    toast('已保存', 'success');
    if (!id) {
      void Taro.redirectTo({ url: routes.ownerProduct(outcome.product.id) });
      return;
    }
    // New SKUs' initial stock is in the ledger now.
    setLedgerVersion((v) => v + 1);
  };

  const toggleStatus = async () => {
    if (!product || statusBusy) return;
    setStatusBusy(true);
    const status = await changeSaleStatus(product, product.status === 'on_sale' ? 'off_sale' : 'on_sale');
    setStatusBusy(false);
    if (status) editor.applyStatus(status);
  };

  const busyClass = saving ? ' product-editor__button--disabled' : '';
  const saveButton = (text: string, kind: SaleStatus | 'save', primary: boolean) => (
    <View
      className={`product-editor__button${primary ? ' product-editor__button--primary' : ''}${busyClass}`}
      aria-disabled={saving !== null}
      onClick={() => void save(kind === 'save' ? undefined : kind)}
    >
      {saving === kind ? '保存中…' : text}
    </View>
  );

  return (
    <View className="product-editor">
      <View className="product-editor__card">
        <Text className="product-editor__section">{`商品图片 ${draft.photos.length}/${PHOTOS_MAX}`}</Text>
        <View className="product-editor__photos">
          {draft.photos.map((p, i) => (
            <View key={p.fileId} className="product-editor__photo">
              <Image className="product-editor__photo-image" src={p.url} mode="aspectFill" />
              {i === 0 ? (
                <Text className="product-editor__cover">封面</Text>
              ) : (
                <Text
                  className="product-editor__cover product-editor__cover--action"
                  onClick={() => setDraft((d) => ({ ...d, photos: moveToFront(d.photos, i) }))}
                >
                  设为封面
                </Text>
              )}
              <View
                className="product-editor__photo-remove"
                aria-label="删除图片"
                onClick={() => setDraft((d) => ({ ...d, photos: d.photos.filter((x) => x.fileId !== p.fileId) }))}
              >
                ×
              </View>
            </View>
          ))}
          {draft.photos.length < PHOTOS_MAX ? (
            <View className="product-editor__photo product-editor__photo--add" onClick={() => void addPhotos()}>
              {uploading ?? '添加图片'}
            </View>
          ) : null}
        </View>
        <Text className="product-editor__muted">第一张是封面，显示在商品卡片和分享中</Text>
      </View>

      <View className="product-editor__card">
        <Text className="product-editor__section">基本信息</Text>
        <Input
          className="product-editor__input"
          value={draft.title}
          maxlength={TITLE_MAX}
          placeholder="商品标题"
          onInput={(e) => setDraft((d) => ({ ...d, title: e.detail.value }))}
        />
        <Text className="product-editor__count">{`${draft.title.trim().length}/${TITLE_MAX}`}</Text>
        <Textarea
          className="product-editor__textarea"
          value={draft.description}
          maxlength={DESCRIPTION_MAX}
          placeholder="商品描述（选填）：产地、规格、怎么用"
          onInput={(e) => setDraft((d) => ({ ...d, description: e.detail.value }))}
        />
        <Text className="product-editor__count">{`${draft.description.trim().length}/${DESCRIPTION_MAX}`}</Text>
      </View>

      <CategoryPicker picked={draft.categoryIds} onChange={(categoryIds) => setDraft((d) => ({ ...d, categoryIds }))} />

      <View className="product-editor__card">
        <Text className="product-editor__section">规格与价格</Text>
        {draft.skus.map((s, i) => (
          <View key={s.key} className="product-editor__sku" aria-label={`规格 ${i + 1}`}>
            <View className="product-editor__sku-head">
              <Text className="product-editor__sku-index">{`规格 ${i + 1}`}</Text>
              <Text className="product-editor__sku-remove" onClick={() => void removeSku(s)}>
                删除
              </Text>
            </View>
            <Input
              className="product-editor__input"
              value={s.spec}
              maxlength={SPEC_MAX}
              placeholder="规格名称"
              onInput={(e) => updateSku(s.key, { spec: e.detail.value })}
            />
            <View className="product-editor__sku-fields">
              <Input
                className="product-editor__input product-editor__input--half"
                type="digit"
                value={s.price}
                maxlength={10}
                placeholder="价格（元）"
                onInput={(e) => updateSku(s.key, { price: e.detail.value })}
              />
              {s.id ? (
                <View className="product-editor__stock">
                  <Text className="product-editor__stock-count">{`库存 ${s.stock}`}</Text>
                  <View className="product-editor__stock-button" onClick={() => setStockSkuId(s.id ?? null)}>
                    调整库存
                  </View>
                </View>
              ) : (
                <Input
                  className="product-editor__input product-editor__input--half"
                  type="number"
                  value={s.initialStock}
                  maxlength={7}
                  placeholder="初始库存"
                  onInput={(e) => updateSku(s.key, { initialStock: e.detail.value })}
                />
              )}
            </View>
          </View>
        ))}
        {draft.skus.length < SKUS_MAX ? (
          <View
            className="product-editor__add-sku"
            onClick={() => setDraft((d) => ({ ...d, skus: [...d.skus, newSkuDraft()] }))}
          >
            添加规格
          </View>
        ) : (
          <Text className="product-editor__muted">{`最多 ${SKUS_MAX} 个规格`}</Text>
        )}
      </View>

      <View className="product-editor__card">
        <Text className="product-editor__section">推广佣金</Text>
        <View className="product-editor__switch-row" onClick={toggleDefaultRate}>
          <Text className="product-editor__switch-label">{`使用店铺默认佣金（${formatRateBp(defaultRateBp)}）`}</Text>
          <View
            className={
              draft.useDefaultRate ? 'product-editor__switch product-editor__switch--on' : 'product-editor__switch'
            }
            role="switch"
            aria-label="使用店铺默认佣金"
            aria-checked={draft.useDefaultRate}
          >
            <View className="product-editor__switch-knob" />
          </View>
        </View>
        {draft.useDefaultRate ? null : (
          <>
            <View className="product-editor__rate">
              <Input
                className="product-editor__rate-input"
                type="digit"
                value={draft.rate}
                maxlength={6}
                placeholder="佣金比例"
                onInput={(e) => setDraft((d) => ({ ...d, rate: e.detail.value }))}
              />
              <Text className="product-editor__unit">%</Text>
            </View>
            <Text className="product-editor__muted">按商品实付金额计算，最高 50%，修改后仅对新订单生效</Text>
          </>
        )}
      </View>

      {product ? (
        <View className="product-editor__card product-editor__status">
          <Text className="product-editor__status-label">销售状态</Text>
          <Text className={`product-editor__tag product-editor__tag--${product.status}`}>
            {SALE_STATUS_LABEL[product.status]}
          </Text>
          <View
            className={
              product.status === 'on_sale'
                ? 'product-editor__status-button product-editor__status-button--warn'
                : 'product-editor__status-button'
            }
            onClick={() => void toggleStatus()}
          >
            {SALE_ACTION_LABEL[product.status === 'on_sale' ? 'off_sale' : 'on_sale']}
          </View>
        </View>
      ) : null}

      {product ? (
        <View
          className="product-editor__card product-editor__status"
          onClick={() => void Taro.navigateTo({ url: routes.ownerMaterial(product.id) })}
        >
          <Text className="product-editor__status-label">朋友圈素材</Text>
          <Text className="product-editor__muted product-editor__material">推荐人一键发圈用的文案和图片 ›</Text>
        </View>
      ) : null}

      {product ? <StockLedger productId={product.id} version={ledgerVersion} /> : null}

      <View className="product-editor__bar">
        {error ? <Text className="product-editor__error">{error}</Text> : null}
        <View className="product-editor__buttons">
          {product ? (
            saveButton('保存', 'save', true)
          ) : (
            <>
              {saveButton('保存为下架', 'off_sale', false)}
              {saveButton('保存并上架', 'on_sale', true)}
            </>
          )}
        </View>
      </View>

      {product && stockSku ? (
        <StockSheet
          productId={product.id}
          sku={stockSku}
          onDone={(sku) => {
            editor.applySku(sku);
            setStockSkuId(null);
            setLedgerVersion((v) => v + 1);
            toast('库存已更新', 'success');
          }}
          onClose={() => setStockSkuId(null)}
        />
      ) : null}
    </View>
  );
}
