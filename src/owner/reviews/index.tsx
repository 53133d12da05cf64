// 评价管理: the buyers' reviews, newest first. The owner replies (the reply shows under the review for everyone) and
// hides abusive ones: a hidden review leaves the product page and its average but stays in the data, marked, and
// can be shown again.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { shopApi } from '../../api/shop';
import PagedList from '../../components/PagedList';
import AuthorReviewItem from '../../components/AuthorReviewItem';
import { usePagedListScroll } from '../../hooks/usePagedListScroll';
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn';
import { REVIEW_HIDE_REASON_MAX, REVIEW_REPLY_MAX } from '../../../cloudfunctions/contracts/limits';
import type { Review } from '../../../cloudfunctions/contracts/shop';
import NotOwner from '../shared/NotOwner';
import OwnerSheet, { ReasonField } from '../shared/OwnerSheet';
import { formatTime } from '../shared/order-text';
import { useOwnerReviews, type ReviewView } from './useOwnerReviews';
import './index.scss';

const VIEWS: Array<[ReviewView, string]> = [
  ['all', '全部'],
  ['hidden', '已隐藏'],
];
const EMPTY: Record<ReviewView, string> = { all: '还没有评价', hidden: '没有隐藏的评价' };
export const REPLY_MAX = REVIEW_REPLY_MAX;
export const HIDE_REASON_MAX = REVIEW_HIDE_REASON_MAX;

type Editing = { kind: 'reply' | 'hide'; review: Review } | null;

export default function OwnerReviewsPage() {
  const [view, setView] = useState<ReviewView>('all');
  const list = useOwnerReviews(view);
  usePagedListScroll(list, '.owner-reviews__list');
  const [editing, setEditing] = useState<Editing>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useRefreshOnReturn(list.refresh);

  const open = (kind: 'reply' | 'hide', review: Review) => {
    setEditing({ kind, review });
    setText(kind === 'reply' ? (review.reply?.text ?? '') : '');
    setError('');
  };

  const done = (review: Review, message: string) => {
    list.replace(review);
    setEditing(null);
    void Taro.showToast({ title: message, icon: 'success' });
  };

  const submit = async () => {
    if (!editing || busy) return;
    const value = text.trim();
    if (editing.kind === 'reply' && (value.length < 1 || value.length > REPLY_MAX))
      return setError(`请填写回复（1-${REPLY_MAX} 个字）`);
    if (editing.kind === 'hide' && value.length > HIDE_REASON_MAX) return setError(`原因最多 ${HIDE_REASON_MAX} 个字`);
    setBusy(true);
    const res =
      editing.kind === 'reply'
        ? await shopApi.replyReview({ reviewId: editing.review.id, reply: value })
        : await shopApi.hideReview({ reviewId: editing.review.id, hidden: true, ...(value ? { reason: value } : {}) });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    done(res.data.review, editing.kind === 'reply' ? '已回复' : '已隐藏');
  };

  const unhide = async (review: Review) => {
    const { confirm } = await Taro.showModal({
      title: '恢复显示',
      content: '这条评价会重新出现在商品页，并计入评分。',
      confirmText: '恢复显示',
      cancelText: '取消',
    });
    if (!confirm) return;
    const res = await shopApi.hideReview({ reviewId: review.id, hidden: false });
    if (res.ok) done(res.data.review, '已恢复显示');
    else void Taro.showToast({ title: res.error.message, icon: 'none' });
  };

  if (list.status === 'error' && list.error?.code === 'auth.not_owner') {
    return <NotOwner />;
  }

  return (
    <View className="owner-reviews">
      <View className="owner-reviews__tabs">
        {VIEWS.map(([v, label]) => (
          <View
            key={v}
            className={v === view ? 'owner-reviews__tab owner-reviews__tab--active' : 'owner-reviews__tab'}
            onClick={() => setView(v)}
          >
            {label}
          </View>
        ))}
      </View>

      <PagedList
        list={list}
        block="owner-reviews"
        empty={{ message: EMPTY[view], actionText: '刷新', onAction: () => void list.refresh() }}
        renderItem={(r) => (
          <View className="owner-reviews__card">
            <Text className="owner-reviews__product">{r.productTitle}</Text>
            <AuthorReviewItem review={r} />
            {r.hidden ? (
              <Text className="owner-reviews__hidden">
                {`已隐藏 ${formatTime(r.hidden.at)}${r.hidden.reason ? `：${r.hidden.reason}` : ''}`}
              </Text>
            ) : null}
            <View className="owner-reviews__actions">
              <View className="owner-reviews__action" onClick={() => open('reply', r)}>
                {r.reply ? '修改回复' : '回复'}
              </View>
              {r.hidden ? (
                <View className="owner-reviews__action" onClick={() => void unhide(r)}>
                  恢复显示
                </View>
              ) : (
                <View className="owner-reviews__action owner-reviews__action--warn" onClick={() => open('hide', r)}>
                  隐藏
                </View>
              )}
            </View>
          </View>
        )}
      />

      {editing ? (
        <OwnerSheet
          title={editing.kind === 'reply' ? '回复评价' : '隐藏评价'}
          busy={busy}
          submitText={editing.kind === 'reply' ? '发布回复' : '确认隐藏'}
          onSubmit={() => void submit()}
          onClose={() => setEditing(null)}
        >
          {editing.kind === 'hide' ? (
            <Text className="owner-sheet__hint">
              隐藏后这条评价不再出现在商品页，也不计入评分；数据保留，可随时恢复。
            </Text>
          ) : null}
          <ReasonField
            label={editing.kind === 'reply' ? '回复内容' : '隐藏原因（选填）'}
            value={text}
            maxLength={editing.kind === 'reply' ? REPLY_MAX : HIDE_REASON_MAX}
            placeholder={editing.kind === 'reply' ? '买家和所有顾客都会看到你的回复' : '如：辱骂、广告'}
            error={error}
            onInput={setText}
          />
        </OwnerSheet>
      ) : null}
    </View>
  );
}
