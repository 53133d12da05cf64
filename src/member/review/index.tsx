// 评价商品: the buyer of a completed order rates one of its lines (1-5), says how it really was and adds up to six
// photos, which are uploaded to the shop's storage as they are picked. A review cannot be changed once sent, so the
// page asks before sending it; it stands beside the buyer's name on the product page. A line reviewed already shows
// the buyer's own review, marked when a refund took it out of public view.
import { useEffect, useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import PageState from '../../components/PageState';
import AuthorReviewItem from '../../components/AuthorReviewItem';
import { orderApi } from '../../api/order';
import { shopApi } from '../../api/shop';
import { usePhotoUploads } from '../../hooks/usePhotoUploads';
import { MEMBER_UPLOAD_FOLDERS } from '../../../cloudfunctions/contracts/limits';
import type { Order, OrderLine } from '../../../cloudfunctions/contracts/order';
import type { Review } from '../../../cloudfunctions/contracts/shop';
import { formProblem, RATING_LABELS, REVIEW_PHOTOS_MAX, REVIEW_TEXT_MAX } from './form';
import './index.scss';

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; order: Order; line: OrderLine; mine: Review | null };

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

export default function ReviewPage() {
  const { orderId = '', skuId = '' } = useRouter().params;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const {
    photos,
    uploading,
    add: addPhotos,
    remove: removePhoto,
  } = usePhotoUploads(MEMBER_UPLOAD_FOLDERS.review, REVIEW_PHOTOS_MAX);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    setLoaded({ status: 'loading' });
    const res = await orderApi.get({ orderId });
    if (!res.ok) return setLoaded({ status: 'error', message: res.error.message });
    const line = res.data.order.items.find((l) => l.skuId === skuId);
    if (!line) return setLoaded({ status: 'error', message: '这个订单里没有这件商品' });
    let mine: Review | null = null;
    if (res.data.order.reviewedSkus?.includes(skuId)) {
      const own = await shopApi.myReview({ orderId, skuId });
      if (!own.ok) return setLoaded({ status: 'error', message: own.error.message });
      mine = own.data.review;
    }
    setLoaded({ status: 'ready', order: res.data.order, line, mine });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page: its address names the order line
  useEffect(() => {
    void load();
  }, []);

  if (loaded.status === 'loading') return <PageState kind="loading" />;
  if (loaded.status === 'error')
    return <PageState kind="error" message={loaded.message} actionText="重新加载" onAction={() => void load()} />;
  const { order, line, mine } = loaded;
  if (mine) return <OwnReview line={line} review={mine} />;
  if (order.reviewedSkus?.includes(skuId)) return <PageState kind="empty" message="这件商品已经评价过了" />;
  if (order.status === 'refunded') return <PageState kind="empty" message="已退款的订单不能评价" />;
  if (order.status !== 'completed') return <PageState kind="empty" message="订单完成后才能评价" />;

  const send = async () => {
    const problem = formProblem(rating, text, uploading !== null);
    if (problem) return setError(problem);
    setError(null);
    const { confirm } = await Taro.showModal({
      title: '提交评价',
      content: '评价提交后不能修改，将显示在商品页。',
      confirmText: '提交',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setSending(true);
    const res = await shopApi.review({
      orderId,
      skuId,
      rating,
      text: text.trim(),
      ...(photos.length ? { photos: photos.map((p) => p.fileID) } : {}),
    });
    setSending(false);
    if (!res.ok) return setError(res.error.message);
    toast('评价成功', 'success');
    void Taro.navigateBack();
  };

  return (
    <View className="review-form">
      <LineCard line={line} />

      <View className="review-form__card">
        <View className="review-form__stars" role="radiogroup" aria-label="评分">
          {RATING_LABELS.map((label, i) => (
            <View
              key={label}
              role="radio"
              aria-checked={rating === i + 1}
              aria-label={`${i + 1} 星 ${label}`}
              className={i < rating ? 'review-form__star review-form__star--on' : 'review-form__star'}
              onClick={() => setRating(i + 1)}
            >
              ★
            </View>
          ))}
          <Text className="review-form__rating-label">{rating > 0 ? RATING_LABELS[rating - 1] : '点击星星打分'}</Text>
        </View>
        <Textarea
          className="review-form__text"
          value={text}
          maxlength={REVIEW_TEXT_MAX}
          placeholder="说说你的真实感受，帮到想买的朋友"
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className="review-form__count">{`${text.trim().length}/${REVIEW_TEXT_MAX}`}</Text>
        <View className="review-form__photos">
          {photos.map((p) => (
            <View key={p.fileID} className="review-form__photo">
              <Image className="review-form__photo-image" src={p.local} mode="aspectFill" />
              <View className="review-form__photo-remove" aria-label="删除图片" onClick={() => removePhoto(p.fileID)}>
                ×
              </View>
            </View>
          ))}
          {photos.length < REVIEW_PHOTOS_MAX ? (
            <View className="review-form__photo review-form__photo--add" onClick={() => void addPhotos()}>
              {uploading ?? `添加图片 ${photos.length}/${REVIEW_PHOTOS_MAX}`}
            </View>
          ) : null}
        </View>
      </View>

      {error ? <Text className="review-form__error">{error}</Text> : null}
      <View className="review-form__bar">
        <View
          className={sending || uploading ? 'review-form__send review-form__send--disabled' : 'review-form__send'}
          aria-disabled={sending || uploading !== null}
          onClick={sending ? undefined : () => void send()}
        >
          {sending ? '提交中…' : '提交评价'}
        </View>
      </View>
    </View>
  );
}

function LineCard({ line }: { line: OrderLine }) {
  return (
    <View className="review-form__card review-form__line">
      <Image className="review-form__image" src={line.image} mode="aspectFill" />
      <View className="review-form__line-body">
        <Text className="review-form__title">{line.title}</Text>
        <Text className="review-form__spec">{line.spec}</Text>
      </View>
    </View>
  );
}

/** The buyer's review of this line, as sent (it cannot be changed), with what became of it. */
function OwnReview({ line, review }: { line: OrderLine; review: Review }) {
  return (
    <View className="review-form">
      <LineCard line={line} />
      <View className="review-form__card">
        <Text className="review-form__mine">我的评价</Text>
        <AuthorReviewItem review={review} />
      </View>
    </View>
  );
}
