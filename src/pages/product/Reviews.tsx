// The product's reviews, for everyone: how many and how rated, how many bought it lately, the latest few (those with
// photos first) and the way to all of them. Kept small: this is the main package (the full list is member/reviews).
import { Text, View } from '@tarojs/components';
import type { ProductDetail } from '../../../cloudfunctions/contracts/shop';
import ReviewItem from '../../components/ReviewItem';
import { reviewSummaryText } from '../../lib/reviews';

export interface ReviewsProps {
  reviews: ProductDetail['reviews'];
  /** A review the page already shows (the sharer's, in their banner): not repeated here. */
  shownId?: string;
  /** Opens the full list; absent where the page cannot navigate (Moments single-page mode). */
  onOpenAll?: () => void;
}

export default function Reviews({ reviews, shownId, onOpenAll }: ReviewsProps) {
  const { latest, boughtLast30Days } = reviews;
  return (
    <View className="product__card">
      <View className="product__section-head">
        <Text className="product__section-title">{reviewSummaryText(reviews)}</Text>
        {boughtLast30Days > 0 ? (
          <Text className="product__section-aside">{`近30天 ${boughtLast30Days} 人购买`}</Text>
        ) : null}
      </View>
      {latest.map((review) => (review.id === shownId ? null : <ReviewItem key={review.id} review={review} />))}
      {onOpenAll && reviews.count > latest.length ? (
        <View className="product__reviews-all" onClick={onOpenAll}>
          查看全部评价 ›
        </View>
      ) : null}
    </View>
  );
}
