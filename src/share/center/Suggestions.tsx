// 推荐分享: what the sharer has used comes first (bought and reviewed, then bought), each with what the shop knows
// of it; tapping one opens its product page, where 分享 is.
import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { commissionApi } from '../../api/commission';
import { formatFen } from '../../lib/money';
import { routes } from '../../routes';
import type { ShareSuggestion } from '../../../cloudfunctions/contracts/commission';

/** What the sharer's own use of a product says, or null when they have not bought it. */
export function usedText(s: Pick<ShareSuggestion, 'bought' | 'reviewed'>): string | null {
  if (s.bought === 0) return null;
  return s.reviewed ? `你买过 ${s.bought} 次 · 已评价` : `你买过 ${s.bought} 次`;
}

export default function Suggestions() {
  const [items, setItems] = useState<ShareSuggestion[] | null>(null);
  useEffect(() => {
    void commissionApi.suggestions().then((res) => setItems(res.ok ? res.data.items : []));
  }, []);
  // Suggestions help; without them (none, or they failed) the center is complete as it is.
  if (!items || items.length === 0) return null;
  return (
    <View className="share-center__card">
      <Text className="share-center__card-title">推荐分享</Text>
      <Text className="share-center__quiet">你用过的东西，朋友更信得过：先分享你买过、评价过的</Text>
      {items.map((s) => (
        <View
          key={s.productId}
          className="suggestion"
          onClick={() => void Taro.navigateTo({ url: routes.product(s.productId) })}
        >
          <Image className="suggestion__image" src={s.image} mode="aspectFill" />
          <View className="suggestion__body">
            <Text className="suggestion__title">{s.title}</Text>
            <Text className="suggestion__price">{formatFen(s.priceFen)}</Text>
            {usedText(s) ? <Text className="suggestion__used">{usedText(s)}</Text> : null}
          </View>
          <View
            className="suggestion__moments"
            onClick={(e) => {
              e.stopPropagation();
              void Taro.navigateTo({ url: routes.shareMoments(s.productId) });
            }}
          >
            一键发圈
          </View>
          <Text className="suggestion__go">去分享 ›</Text>
        </View>
      ))}
    </View>
  );
}
