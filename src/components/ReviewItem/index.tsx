// One buyer's review, as the product page, the sharer's banner and the reviews list show it: who, their stars, when,
// the spec they bought, what they wrote, their photos (tap to see them full size) and the shop's reply. What only its
// author and the owner see (content security's marks, a refund's withdrawal) is AuthorReviewItem's, in the
// subpackages: buyers of the main package never download it.
import type { ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Review } from '../../../cloudfunctions/contracts/shop';
import { starsText } from '../../lib/reviews';
import { formatDateTime } from '../../lib/time';
import './index.scss';

interface Props {
  review: Review;
  /** Drawn over a photo (its author's marks). */
  photoBadge?: (src: string) => ReactNode;
  /** Shown after the shop's reply (its author's and the owner's notes). */
  children?: ReactNode;
}

export default function ReviewItem({ review, photoBadge, children }: Props) {
  const { photos, reply } = review;
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
              {photoBadge?.(src)}
            </View>
          ))}
        </View>
      ) : null}
      {reply ? <Text className="review__reply">{`店主回复：${reply.text}`}</Text> : null}
      {children}
    </View>
  );
}
