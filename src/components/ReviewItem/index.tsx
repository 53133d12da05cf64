// One buyer's review, as the product page, the sharer's banner and the reviews list show it: who, their stars, when,
// the spec they bought, what they wrote, their photos (tap to see them full size) and the shop's reply. Its author
// and the owner also see when a refund took it out of public view; its author sees photos still waiting for content
// security marked 审核中 (others do not see them yet) and is told how many did not pass.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Review } from '../../../cloudfunctions/contracts/shop';
import { starsText } from '../../lib/reviews';
import { formatDateTime } from '../../lib/time';
import './index.scss';

const WITHDRAWN_TEXT: Record<NonNullable<Review['withdrawn']>['reason'], string> = {
  refunded: '订单已退款，评价不再公开',
};

export default function ReviewItem({ review }: { review: Review }) {
  const { photos, reply } = review;
  const pending = new Set(review.pendingPhotos ?? []);
  const rejected = review.rejectedPhotos ?? 0;
  return (
    <View className="review">
      <View className="review__head">
        <Text className="review__name">{review.nickname}</Text>
        <Text className="review__stars">{starsText(review.rating)}</Text>
        <Text className="review__date">{formatDateTime(review.createdAt)}</Text>
      </View>
      <Text className="review__spec">{review.spec}</Text>
      {review.text ? <Text className="review__text">{review.text}</Text> : null}
      {photos.length > 0 ? (
        <View className="review__photos">
          {photos.map((src) => (
            <View key={src} className="review__photo-box">
              <Image
                className="review__photo"
                src={src}
                mode="aspectFill"
                lazyLoad
                onClick={() => void Taro.previewImage({ current: src, urls: photos })}
              />
              {pending.has(src) ? <Text className="review__photo-pending">审核中</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
      {pending.size > 0 ? <Text className="review__photo-note">图片审核中，通过后其他人才能看到</Text> : null}
      {rejected > 0 ? <Text className="review__photo-note">{`${rejected} 张图片未通过审核，已隐藏`}</Text> : null}
      {reply ? <Text className="review__reply">{`店主回复：${reply.text}`}</Text> : null}
      {review.withdrawn ? <Text className="review__withdrawn">{WITHDRAWN_TEXT[review.withdrawn.reason]}</Text> : null}
    </View>
  );
}
