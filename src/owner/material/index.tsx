// 朋友圈素材: the words and pictures sharers post in Moments with a product (一键发圈). Up to 3 texts with counters,
// up to 9 pictures uploaded to the shop's product folder as the product editor does; a save shows the server's refusal
// as it words it (a picture not the shop's, words content security refused).
import { useEffect, useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { shopApi } from '../../api/shop';
import { cloudPathFor, uploadFile } from '../../api/storage';
import type { OwnerMaterial, ShopInput } from '../../../cloudfunctions/contracts/shop';
import { SHOP_UPLOAD_FOLDERS } from '../../../cloudfunctions/contracts/limits';
import PageState from '../../components/PageState';
import { ownUploadFolder } from '../../stores/session';
import LoadGate from '../shared/LoadGate';
import { pickImages } from '../shared/pick-images';
import { useLoadAndSave } from '../shared/useLoadAndSave';
import { draftProblem, IMAGES_MAX, saveInput, TEXT_MAX, TEXTS_MAX, type MaterialDraft } from './form';
import './index.scss';

type Answer = { material: OwnerMaterial };
const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

export default function OwnerMaterialPage() {
  const productId = useRouter().params.id ?? '';
  const state = useLoadAndSave<Answer, ShopInput<'saveMaterial'>, 'save'>({
    load: () => shopApi.ownerMaterial({ productId }),
    save: (input) => shopApi.saveMaterial(input),
  });
  const [draft, setDraft] = useState<MaterialDraft | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const material = state.data?.material;
  // The form starts from what the server holds, and again after each save (the answer is the stored material).
  useEffect(() => {
    if (material) setDraft({ texts: material.texts.length > 0 ? material.texts : [''], images: material.images });
  }, [material]);

  if (!productId) return <PageState kind="empty" message="商品不存在或已下架" />;
  if (!material || !draft || state.error?.code === 'auth.not_owner') {
    return <LoadGate error={state.error} reload={state.reload} />;
  }

  const setText = (i: number, text: string) => {
    setDraft({ ...draft, texts: draft.texts.map((t, j) => (j === i ? text : t)) });
    setProblem(null);
  };

  const addImages = async () => {
    if (uploading || state.busy) return;
    const picked = await pickImages(IMAGES_MAX - draft.images.length);
    if (picked.length === 0) return;
    setUploading(`上传中 1/${picked.length}`);
    const own = await ownUploadFolder(SHOP_UPLOAD_FOLDERS.product);
    if (!own.ok) {
      setUploading(null);
      return toast(own.error.message);
    }
    const added: MaterialDraft['images'] = [];
    for (const [i, local] of picked.entries()) {
      setUploading(`上传中 ${i + 1}/${picked.length}`);
      const res = await uploadFile(cloudPathFor(own.data, local), local);
      if (!res.ok) {
        toast(res.error.message);
        break;
      }
      added.push({ fileId: res.data.fileID, url: local });
    }
    setUploading(null);
    setDraft((d) => (d ? { ...d, images: [...d.images, ...added].slice(0, IMAGES_MAX) } : d));
  };

  const save = async () => {
    if (state.busy || uploading) return;
    const why = draftProblem(draft);
    setProblem(why);
    if (why) return;
    const res = await state.run('save', saveInput(productId, draft), { done: '素材已保存' });
    if (!res.ok) setProblem(res.error.message);
  };

  return (
    <View className="owner-material">
      {state.error ? <View className="owner-material__notice">{`刷新失败：${state.error.message}`}</View> : null}
      <View className="owner-material__card">
        <Text className="owner-material__section">{`文案（最多 ${TEXTS_MAX} 段）`}</Text>
        {draft.texts.map((text, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the texts are numbered by place (文案 1–3); a box has no id
          <View key={i} className="owner-material__text">
            <View className="owner-material__text-head">
              <Text className="owner-material__label">{`文案 ${i + 1}`}</Text>
              <Text
                className={
                  text.trim().length > TEXT_MAX
                    ? 'owner-material__count owner-material__count--over'
                    : 'owner-material__count'
                }
              >{`${text.trim().length}/${TEXT_MAX}`}</Text>
              {draft.texts.length > 1 ? (
                <Text
                  className="owner-material__remove"
                  onClick={() => setDraft({ ...draft, texts: draft.texts.filter((_, j) => j !== i) })}
                >
                  删除
                </Text>
              ) : null}
            </View>
            <Textarea
              className="owner-material__input"
              placeholder="推荐人发朋友圈时用的文字，比如产地、口感、适合谁"
              maxlength={TEXT_MAX + 100}
              value={text}
              onInput={(e) => setText(i, e.detail.value)}
            />
          </View>
        ))}
        {draft.texts.length < TEXTS_MAX ? (
          <View className="owner-material__add" onClick={() => setDraft({ ...draft, texts: [...draft.texts, ''] })}>
            + 再写一段
          </View>
        ) : null}
      </View>

      <View className="owner-material__card">
        <Text className="owner-material__section">{`图片 ${draft.images.length}/${IMAGES_MAX}`}</Text>
        <View className="owner-material__grid">
          {draft.images.map((image) => (
            <View key={image.fileId} className="owner-material__tile">
              <Image className="owner-material__image" src={image.url} mode="aspectFill" />
              <Text
                className="owner-material__tile-remove"
                aria-label="删除图片"
                onClick={() => setDraft({ ...draft, images: draft.images.filter((x) => x.fileId !== image.fileId) })}
              >
                ×
              </Text>
            </View>
          ))}
          {draft.images.length < IMAGES_MAX ? (
            <View className="owner-material__tile owner-material__upload" onClick={() => void addImages()}>
              {uploading ?? '+ 添加图片'}
            </View>
          ) : null}
        </View>
        <Text className="owner-material__muted">不设图片时，推荐人发圈用商品图片；推荐人的海报总在最后一张</Text>
      </View>

      <View className="owner-material__bar">
        {problem ? <Text className="owner-material__error">{problem}</Text> : null}
        <View
          className={
            state.busy || uploading ? 'owner-material__save owner-material__save--busy' : 'owner-material__save'
          }
          aria-disabled={Boolean(state.busy || uploading)}
          onClick={() => void save()}
        >
          {state.busy ? '保存中…' : '保存素材'}
        </View>
      </View>
    </View>
  );
}
