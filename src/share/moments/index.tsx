// 一键发圈: a product's pictures and words to post in Moments. I pick the pictures (the owner's, my own review photos,
// my poster last; at most 9, as Moments takes), edit the words (the owner's, with my note first), save the pictures
// (weapp: into the album, with progress; h5: downloads) and copy the words; then a line says how to post them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Canvas, Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { commissionApi } from '../../api/commission';
import type { ErrorBody } from '../../api/client';
import PageState from '../../components/PageState';
import { parseProductEntry } from '../../lib/share';
import type { MaterialKit } from '../../../cloudfunctions/contracts/commission';
import { MATERIAL_IMAGES_MAX } from '../../../cloudfunctions/contracts/limits';
import { createPosterPainter, findPosterCanvas, guideToAlbumSetting, type PosterPainter } from '../poster/canvas';
import { composeWords, firstPick, HOW_TO_POST, POSTER } from './kit';
import { savePictures, type KitPicture } from './save';
import './index.scss';

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

type Drawing = 'drawing' | 'ready' | 'failed';

export default function MomentsPage() {
  const { params } = useRouter();
  const productId = parseProductEntry({ id: params.id })?.id ?? null;
  const [kit, setKit] = useState<MaterialKit | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [textIndex, setTextIndex] = useState(0);
  const [words, setWords] = useState('');
  const [drawing, setDrawing] = useState<Drawing>('drawing');
  const [progress, setProgress] = useState<string | null>(null);
  const [done, setDone] = useState<'saved' | 'copied' | null>(null);
  const painter = useRef<PosterPainter | null>(null);

  const load = useCallback(async () => {
    if (!productId) return;
    setError(null);
    const res = await commissionApi.material({ productId });
    if (res.ok) {
      painter.current = null;
      setKit(res.data);
      setPicked(firstPick(res.data.images.length));
      setTextIndex(0);
      setWords(composeWords(res.data.texts[0] ?? '', res.data.note));
    } else {
      setError(res.error);
    }
  }, [productId]);

  useEffect(() => {
    void load();
  }, [load]);

  const onSale = kit?.poster.product.status === 'on_sale';
  useEffect(() => {
    if (!kit || !onSale) return;
    let stale = false;
    setDrawing('drawing');
    void (async () => {
      try {
        painter.current ??= createPosterPainter(await findPosterCanvas('#moments-poster'), kit.poster);
        await painter.current.draw(kit.note);
        if (!stale) setDrawing('ready');
      } catch {
        if (!stale) setDrawing('failed');
      }
    })();
    return () => {
      stale = true;
    };
  }, [kit, onSale]);

  if (!productId) return <PageState kind="empty" message="商品不存在或已下架" />;
  if (!kit) {
    return error ? (
      <PageState kind="error" message={error.message} actionText="重新加载" onAction={() => void load()} />
    ) : (
      <PageState kind="loading" />
    );
  }
  if (!onSale) return <PageState kind="empty" message="商品已下架，换一件在售的好物分享吧" />;

  const toggle = (key: string) => {
    if (progress) return;
    if (picked.includes(key)) return setPicked(picked.filter((k) => k !== key));
    if (picked.length >= MATERIAL_IMAGES_MAX) return toast(`朋友圈最多 ${MATERIAL_IMAGES_MAX} 张图片`);
    // The poster stays last: it carries the code friends scan.
    const next = [...picked.filter((k) => k !== POSTER), key];
    setPicked(picked.includes(POSTER) && key !== POSTER ? [...next, POSTER] : next);
  };

  const pickText = (i: number) => {
    setTextIndex(i);
    setWords(composeWords(kit.texts[i] ?? '', kit.note));
  };

  const save = async () => {
    if (progress || picked.length === 0) return;
    if (picked.includes(POSTER) && (drawing !== 'ready' || !painter.current)) return toast('海报还在生成，请稍候');
    const pictures: KitPicture[] = picked.map((key) =>
      key === POSTER
        ? { kind: 'poster', canvas: (painter.current as PosterPainter).canvas }
        : { kind: 'url', url: kit.images[Number(key)].url },
    );
    const name = (i: number, ext: string) =>
      picked[i] === POSTER ? `youjian-${kit.productId}-poster.png` : `youjian-${kit.productId}-${i + 1}.${ext}`;
    const result = await savePictures(pictures, name, (n, total) => setProgress(`正在保存 ${n}/${total}`));
    setProgress(null);
    switch (result.outcome) {
      case 'saved':
      case 'downloaded':
        setDone('saved');
        toast(result.outcome === 'saved' ? `已保存 ${result.count} 张到相册` : `已下载 ${result.count} 张`, 'success');
        break;
      case 'denied':
        await guideToAlbumSetting();
        break;
      case 'failed':
        toast(result.saved > 0 ? `已保存 ${result.saved} 张，其余保存失败，请重试` : '保存失败，请稍后重试');
        break;
    }
  };

  const copy = async () => {
    const text = words.trim();
    if (!text) return toast('文案是空的，写几句再复制吧');
    try {
      await Taro.setClipboardData({ data: text });
      setDone('copied');
      toast('文案已复制', 'success');
    } catch {
      toast('复制失败，请长按文案手动复制');
    }
  };

  const order = (key: string) => picked.indexOf(key) + 1;
  const tile = (key: string, child: JSX.Element, label: string) => (
    <View
      key={key}
      className={order(key) > 0 ? 'moments__tile moments__tile--picked' : 'moments__tile'}
      aria-label={label}
      aria-checked={order(key) > 0}
      role="checkbox"
      onClick={() => toggle(key)}
    >
      {child}
      <Text className="moments__mark">{order(key) > 0 ? String(order(key)) : ''}</Text>
    </View>
  );

  return (
    <View className="moments">
      <View className="moments__card">
        <View className="moments__head">
          <Text className="moments__title">选择图片</Text>
          <Text className="moments__count">{`已选 ${picked.length}/${MATERIAL_IMAGES_MAX}`}</Text>
        </View>
        <View className="moments__grid">
          {kit.images.map((image, i) =>
            tile(
              String(i),
              <Image className="moments__image" src={image.url} mode="aspectFill" />,
              image.source === 'review' ? `我的评价照片 ${i + 1}` : `店主图片 ${i + 1}`,
            ),
          )}
          {tile(
            POSTER,
            <View className="moments__poster">
              <Canvas type="2d" id="moments-poster" className="moments__canvas" />
              {drawing !== 'ready' ? (
                <View className="moments__overlay">{drawing === 'failed' ? '海报生成失败' : '海报生成中…'}</View>
              ) : null}
            </View>,
            '我的海报',
          )}
        </View>
        <Text className="moments__hint">海报带着你的小程序码，放在最后一张；你的评价照片也可以一起发</Text>
      </View>

      <View className="moments__card">
        <View className="moments__head">
          <Text className="moments__title">编辑文案</Text>
          <Text className="moments__count">{`${words.length} 字`}</Text>
        </View>
        {kit.texts.length > 1 ? (
          <View className="moments__texts">
            {kit.texts.map((_, i) => (
              <View
                // biome-ignore lint/suspicious/noArrayIndexKey: the owner's texts are numbered by place (文案 1–3)
                key={i}
                className={i === textIndex ? 'moments__text-tab moments__text-tab--on' : 'moments__text-tab'}
                onClick={() => pickText(i)}
              >
                {`文案 ${i + 1}`}
              </View>
            ))}
          </View>
        ) : null}
        <Textarea className="moments__words" value={words} maxlength={-1} onInput={(e) => setWords(e.detail.value)} />
        {kit.note ? null : <Text className="moments__hint">在海报页写一句推荐语，会放在文案最前面</Text>}
      </View>

      {done ? (
        <Text className="moments__how">{`${done === 'saved' ? '图片已保存' : '文案已复制'}：${HOW_TO_POST}`}</Text>
      ) : null}

      <View className="moments__bar">
        <View
          className={progress ? 'moments__save moments__save--busy' : 'moments__save'}
          aria-disabled={Boolean(progress) || picked.length === 0}
          onClick={() => void save()}
        >
          {progress ?? `保存图片（${picked.length}）`}
        </View>
        <View className="moments__copy" onClick={() => void copy()}>
          复制文案
        </View>
      </View>
    </View>
  );
}
