// 全部评价: one product's reviews by verified buyers, its average and count, 全部 or 有图, newest first. Pull down to
// refresh; more at the bottom. Opened from the product page (/member/reviews/index?id=<productId>).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import PagedList from '../../components/PagedList';
import PageState from '../../components/PageState';
import AuthorReviewItem from '../../components/AuthorReviewItem';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { reviewSummaryText, starsText } from '../../lib/reviews';
import { parseProductEntry } from '../../lib/share';
import { PAGES } from '../../routes';
import type { ReviewSummary } from '../../../cloudfunctions/contracts/shop';
import { useReviewList, type ReviewFilter } from './useReviewList';
import './index.scss';

const EMPTY_TEXT: Record<ReviewFilter, string> = {
  all: '还没有评价：评价仅来自已购买的顾客',
  photos: '还没有带图的评价',
};

export default function ReviewListPage() {
  const { params } = useRouter();
  const productId = parseProductEntry({ id: params.id })?.id;
  if (!productId) {
    return (
      <PageState
        kind="empty"
        message="商品不存在或已下架"
        actionText="去首页逛逛"
        onAction={() => void Taro.switchTab({ url: PAGES.home })}
      />
    );
  }
  return <ReviewList productId={productId} />;
}

function ReviewList({ productId }: { productId: string }) {
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const { list, summary } = useReviewList(productId, filter);
  usePagedListScroll(list, '.review-list__items');

  const tab = (value: ReviewFilter, label: string) => (
    <View
      className={value === filter ? 'review-list__tab review-list__tab--active' : 'review-list__tab'}
      onClick={() => setFilter(value)}
    >
      {label}
    </View>
  );

  return (
    <View className="review-list">
      <View className="review-list__head">
        {summary ? <Summary summary={summary} /> : null}
        <View className="review-list__tabs">
          {tab('all', summary ? `全部 ${summary.count}` : '全部')}
          {tab('photos', summary ? `有图 ${summary.withPhotos}` : '有图')}
        </View>
      </View>

      <PagedList
        list={list}
        block="review-list"
        classes={{ list: 'review-list__items' }}
        empty={EMPTY_TEXT[filter]}
        renderItem={(review) => <AuthorReviewItem review={review} />}
      />
    </View>
  );
}

function Summary({ summary }: { summary: ReviewSummary }) {
  return (
    <View className="review-list__summary">
      <Text className="review-list__count">{reviewSummaryText(summary)}</Text>
      {summary.avgRating !== null ? <Text className="review-list__stars">{starsText(summary.avgRating)}</Text> : null}
      <Text className="review-list__hint">评价仅来自本店已完成订单的顾客</Text>
    </View>
  );
}
