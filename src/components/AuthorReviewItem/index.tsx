// A review as its author and the owner see it: the public review, plus content security's marks (photos still being
// checked marked 审核中, since others do not see them yet; how many did not pass) and a refund's withdrawal from public
// view. Only subpackage pages (the buyer's reviews, the owner's) use it, so the main package does not carry it.
import { Text } from '@tarojs/components';
import type { Review } from '../../../cloudfunctions/contracts/shop';
import ReviewItem from '../ReviewItem';
import './index.scss';

const WITHDRAWN_TEXT: Record<NonNullable<Review['withdrawn']>['reason'], string> = {
  refunded: '订单已退款，评价不再公开',
};

export default function AuthorReviewItem({ review }: { review: Review }) {
  const pending = new Set(review.pendingPhotos ?? []);
  const rejected = review.rejectedPhotos ?? 0;
  return (
    <ReviewItem
      review={review}
      photoBadge={(src) => (pending.has(src) ? <Text className="review__photo-pending">审核中</Text> : null)}
    >
      {pending.size > 0 ? <Text className="review__photo-note">图片审核中，通过后其他人才能看到</Text> : null}
      {rejected > 0 ? <Text className="review__photo-note">{`${rejected} 张图片未通过审核，已隐藏`}</Text> : null}
      {review.withdrawn ? <Text className="review__withdrawn">{WITHDRAWN_TEXT[review.withdrawn.reason]}</Text> : null}
    </ReviewItem>
  );
}
