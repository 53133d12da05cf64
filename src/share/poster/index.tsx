// 分享海报: a poster of one product with my note and the mini program code that opens it as my share; I can edit the
// note (it goes on my cards too), and save the poster to send or post. An off-sale product gets no poster.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Canvas, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { commissionApi } from '../../api/commission';
import type { ErrorBody } from '../../api/client';
import PageState from '../../components/PageState';
import { parseProductEntry } from '../../lib/share';
import type { Poster } from '../../../cloudfunctions/contracts/commission';
import { SHARER_NOTE_MAX } from '../../../cloudfunctions/contracts/limits';
import { createPosterPainter, findPosterCanvas, guideToAlbumSetting, savePoster, type PosterPainter } from './canvas';
import './index.scss';

/** The contract's limit on the sharer's note, counted the way its schema counts. */
export const NOTE_MAX = SHARER_NOTE_MAX;

const isH5 = () => process.env.TARO_ENV === 'h5';
const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

type Drawing = 'drawing' | 'ready' | 'failed';

export default function PosterPage() {
  const { params } = useRouter();
  const productId = parseProductEntry({ id: params.id })?.id ?? null;
  const [poster, setPoster] = useState<Poster | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [draft, setDraft] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [savingNote, setSavingNote] = useState(false);
  const [drawing, setDrawing] = useState<Drawing>('drawing');
  const [saving, setSaving] = useState(false);
  const painter = useRef<PosterPainter | null>(null);

  const load = useCallback(async () => {
    if (!productId) return;
    setError(null);
    const res = await commissionApi.poster({ productId });
    if (res.ok) {
      painter.current = null;
      setPoster(res.data);
      setDraft(res.data.note);
    } else {
      setError(res.error);
    }
  }, [productId]);

  useEffect(() => {
    void load();
  }, [load]);

  const onSale = poster?.product.status === 'on_sale';
  const savedNote = poster?.note;
  // Draw once the canvas is on the page, and again whenever the saved note changes.
  useEffect(() => {
    if (!poster || !onSale || savedNote === undefined) return;
    let stale = false;
    setDrawing('drawing');
    void (async () => {
      try {
        painter.current ??= createPosterPainter(await findPosterCanvas('#poster'), poster);
        await painter.current.draw(savedNote);
        if (!stale) setDrawing('ready');
      } catch {
        if (!stale) setDrawing('failed');
      }
    })();
    return () => {
      stale = true;
    };
  }, [poster, onSale, savedNote]);

  if (!productId) return <PageState kind="empty" message="商品不存在或已下架" />;
  if (!poster) {
    return error ? (
      <PageState kind="error" message={error.message} actionText="重新加载" onAction={() => void load()} />
    ) : (
      <PageState kind="loading" />
    );
  }
  if (!onSale) {
    return (
      <View className="poster poster--off">
        <PageState kind="empty" message="商品已下架" />
        <Text className="poster__off-hint">下架的商品不能生成海报，换一件在售的好物分享吧</Text>
      </View>
    );
  }

  const note = draft.trim();
  const noteChanged = note !== poster.note;

  const saveNote = async () => {
    if (savingNote || !noteChanged) return;
    if (note.length > NOTE_MAX) {
      setNoteError(`推荐语最多 ${NOTE_MAX} 个字`);
      return;
    }
    setSavingNote(true);
    const res = await commissionApi.setNote({ productId: poster.product.id, note });
    setSavingNote(false);
    if (res.ok) {
      setPoster({ ...poster, note: res.data.note });
      setDraft(res.data.note);
      toast(res.data.note ? '推荐语已保存' : '推荐语已清空', 'success');
    } else {
      setNoteError(res.error.message);
    }
  };

  const save = async () => {
    if (saving || drawing !== 'ready' || !painter.current) return;
    setSaving(true);
    const outcome = await savePoster(painter.current.canvas, `youjian-${poster.product.id}.png`);
    setSaving(false);
    switch (outcome) {
      case 'saved':
        toast('已保存到相册', 'success');
        break;
      case 'downloaded':
        toast('海报已下载', 'success');
        break;
      case 'denied':
        await guideToAlbumSetting();
        break;
      case 'cancelled':
        break;
      case 'failed':
        toast('保存失败，请稍后重试');
        break;
    }
  };

  const canSave = drawing === 'ready' && !saving;
  return (
    <View className="poster">
      <View className="poster__stage">
        <Canvas type="2d" id="poster" className="poster__canvas" />
        {drawing === 'drawing' ? <View className="poster__overlay">海报生成中…</View> : null}
        {drawing === 'failed' ? <View className="poster__overlay">海报生成失败，请返回重试</View> : null}
      </View>
      <Text className="poster__tip">
        {isH5() ? '下载海报后发给朋友或发到朋友圈' : '保存到相册后发给朋友或发到朋友圈，朋友长按识别小程序码即可查看'}
      </Text>

      <View className="poster__card">
        <View className="poster__card-head">
          <Text className="poster__card-title">我的推荐语</Text>
          <Text className="poster__count">{`${note.length}/${NOTE_MAX}`}</Text>
        </View>
        <Textarea
          className="poster__note"
          placeholder="写一句你的真实感受，会出现在海报和分享卡片上"
          placeholderClass="poster__placeholder"
          maxlength={NOTE_MAX}
          value={draft}
          onInput={(e) => {
            setDraft(e.detail.value);
            setNoteError(null);
          }}
        />
        {noteError ? <Text className="poster__error">{noteError}</Text> : null}
        <View
          className={noteChanged && !savingNote ? 'poster__note-save' : 'poster__note-save poster__note-save--disabled'}
          aria-disabled={!noteChanged || savingNote}
          onClick={() => void saveNote()}
        >
          {savingNote ? '保存中…' : '保存推荐语'}
        </View>
      </View>

      <View className="poster__bar">
        <View
          className={canSave ? 'poster__save' : 'poster__save poster__save--disabled'}
          aria-disabled={!canSave}
          onClick={() => void save()}
        >
          {saving ? '保存中…' : isH5() ? '下载海报' : '保存海报'}
        </View>
      </View>
    </View>
  );
}
