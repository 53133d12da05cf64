// A customer, as the owner sees them: their figures, the owner's tags (added and removed here, saved with
// tagCustomer), their latest orders (a tap opens the owner's order), points, reviews (hidden ones marked) and who
// recommended them, in words. Opened from 客户 with the member's opaque key, never an openid.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ErrorBody } from '../../api/client';
import { reportOwnerApi } from '../../api/report-owner';
import PageState from '../../components/PageState';
import { formatFen } from '../../lib/money';
import { formatMonthDay, formatTime } from '../../lib/time';
import { routes } from '../../routes';
import { CUSTOMER_TAG_BOUNDS } from '../../../cloudfunctions/contracts/limits';
import type { CustomerDetail } from '../../../cloudfunctions/contracts/report';
import NotOwner from '../shared/NotOwner';
import { STATUS_LABEL } from '../shared/order-text';
import { bindingText } from '../shared/report-text';
import { addTag, sameTags } from './tag-draft';
import './index.scss';

export default function OwnerCustomerPage() {
  const { params } = useRouter();
  const memberId = params.id ?? '';
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const gen = ++generation.current;
    setError(null);
    const res = await reportOwnerApi.customer({ memberId });
    if (gen !== generation.current) return;
    if (res.ok) setDetail(res.data);
    else setError(res.error);
  }, [memberId]);

  useEffect(() => {
    void load();
  }, [load]);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (error?.code === 'auth.not_owner') return <NotOwner />;
  if (!detail) {
    return error ? (
      <PageState kind="error" message={error.message} actionText="重新加载" onAction={() => void load()} />
    ) : (
      <PageState kind="loading" />
    );
  }

  const c = detail.customer;
  return (
    <View className="customer">
      {error ? <View className="customer__notice">{`刷新失败：${error.message}`}</View> : null}
      <View className="customer__head">
        {c.avatarUrl ? (
          <Image className="customer__avatar" src={c.avatarUrl} mode="aspectFill" />
        ) : (
          <View className="customer__avatar customer__avatar--blank">{c.nickname.slice(0, 1)}</View>
        )}
        <View className="customer__who">
          <Text className="customer__name">{c.nickname}</Text>
          {c.shareCode ? <Text className="customer__sub">{`推广码 ${c.shareCode}`}</Text> : null}
          {c.firstSharer ? <Text className="customer__sub">{`首单由 ${c.firstSharer.nickname} 推荐`}</Text> : null}
        </View>
      </View>

      <View className="customer__figures">
        <Figure label="订单" value={String(c.orders)} />
        <Figure label="消费" value={formatFen(c.paidFen)} />
        <Figure label="积分" value={String(c.points)} />
        <Figure label="最近下单" value={formatMonthDay(c.lastOrderAt)} />
      </View>

      <TagEditor
        // A reload that brings other tags starts the draft over from them.
        key={c.tags.join('\n')}
        memberId={c.memberId}
        saved={c.tags}
        onSaved={(customer) => setDetail((d) => (d ? { ...d, customer } : d))}
      />

      <View className="customer__card">
        <Text className="customer__title">最近订单</Text>
        {detail.orders.length === 0 ? <Text className="customer__quiet">暂无订单</Text> : null}
        {detail.orders.map((o) => (
          <View
            key={o.id}
            className="customer__order"
            hoverClass="customer__order--pressed"
            onClick={() => void Taro.navigateTo({ url: routes.ownerOrder(o.id) })}
          >
            <View className="customer__order-main">
              <Text className="customer__order-title">{`${o.title} ×${o.qty}`}</Text>
              <Text className="customer__order-meta">{`${formatTime(o.createdAt)} · ${STATUS_LABEL[o.status]}`}</Text>
            </View>
            <Text className="customer__order-amount">{`${formatFen(o.payableFen)} ›`}</Text>
          </View>
        ))}
      </View>

      <View className="customer__card">
        <Text className="customer__title">积分</Text>
        <View className="customer__points">
          <Figure label="余额" value={String(detail.points.balance)} />
          <Figure label="累计获得" value={String(detail.points.earned)} />
          <Figure label="已使用" value={String(detail.points.spent)} />
          <Figure label="已过期" value={String(detail.points.expired)} />
        </View>
      </View>

      <View className="customer__card">
        <Text className="customer__title">评价</Text>
        {detail.reviews.length === 0 ? <Text className="customer__quiet">暂无评价</Text> : null}
        {detail.reviews.map((r) => (
          <View key={`${r.productId}:${r.at}`} className="customer__review">
            <View className="customer__review-head">
              <Text className="customer__review-title">{r.title}</Text>
              <Text className="customer__review-stars">{'★'.repeat(r.rating)}</Text>
              {r.hidden ? <Text className="customer__hidden">已隐藏</Text> : null}
            </View>
            {r.text ? <Text className="customer__review-text">{r.text}</Text> : null}
            <Text className="customer__review-at">{formatTime(r.at)}</Text>
          </View>
        ))}
      </View>

      <View className="customer__card">
        <Text className="customer__title">推荐关系</Text>
        {detail.bindings.length === 0 ? <Text className="customer__quiet">没有推荐人，自己找到的店</Text> : null}
        {detail.bindings.map((b) => (
          <Text key={`${b.shareCode}:${b.from}`} className="customer__binding">
            {bindingText(b)}
          </Text>
        ))}
      </View>
    </View>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className="customer__figure" aria-label={label}>
      <Text className="customer__figure-value">{value}</Text>
      <Text className="customer__figure-label">{label}</Text>
    </View>
  );
}

interface TagEditorProps {
  memberId: string;
  saved: string[];
  onSaved: (customer: CustomerDetail['customer']) => void;
}

/** The owner's words for this customer: a draft to add to and take from, saved in one go. */
function TagEditor({ memberId, saved, onSaved }: TagEditorProps) {
  const [tags, setTags] = useState(saved);
  const [typed, setTyped] = useState('');
  const [saving, setSaving] = useState(false);
  const changed = !sameTags(tags, saved);

  const add = () => {
    const next = addTag(tags, typed);
    if ('refusal' in next) {
      void Taro.showToast({ title: next.refusal, icon: 'none' });
      return;
    }
    setTags(next.tags);
    setTyped('');
  };

  const save = async () => {
    if (saving || !changed) return;
    setSaving(true);
    const res = await reportOwnerApi.tagCustomer({ memberId, tags });
    setSaving(false);
    if (!res.ok) {
      void Taro.showToast({ title: res.error.message, icon: 'none' });
      return;
    }
    setTags(res.data.customer.tags);
    onSaved(res.data.customer);
    void Taro.showToast({ title: '标签已保存', icon: 'success' });
  };

  return (
    <View className="customer__card">
      <Text className="customer__title">标签</Text>
      <View className="customer__tags">
        {tags.length === 0 ? <Text className="customer__quiet">还没有标签，如「老客户」「爱喝咖啡」</Text> : null}
        {tags.map((t) => (
          <View key={t} className="customer__tag" aria-label={`标签 ${t}`}>
            <Text>{t}</Text>
            <Text
              className="customer__tag-remove"
              aria-label={`删除标签 ${t}`}
              onClick={() => setTags(tags.filter((x) => x !== t))}
            >
              ×
            </Text>
          </View>
        ))}
      </View>
      <View className="customer__tag-add">
        <Input
          className="customer__tag-input"
          type="text"
          value={typed}
          maxlength={CUSTOMER_TAG_BOUNDS.max}
          placeholder="输入标签"
          confirmType="done"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={add}
        />
        <View className="customer__tag-button" onClick={add}>
          添加
        </View>
      </View>
      {changed ? (
        <View className="customer__save" aria-disabled={saving} onClick={() => void save()}>
          {saving ? '保存中…' : '保存标签'}
        </View>
      ) : null}
    </View>
  );
}
