// Whose recommendation this is: the sharer, their note, whether they verifiably bought here, and their own review.
import { Text, View } from '@tarojs/components';
import type { ProductDetail } from '../../../cloudfunctions/contracts/shop';
import ReviewItem from '../../components/ReviewItem';

/** `onMute`: 不再看 TA 的推荐 (signed-in members only; the page confirms first). */
export default function TrustBanner({ trust, onMute }: { trust: ProductDetail['trust']; onMute?: () => void }) {
  if (!trust.sharer) return null;
  // Counted by the shop from the sharer's completed, unrefunded orders; a sharer cannot declare it. None: no badge.
  const purchases = trust.sharerVerifiedPurchases ?? 0;
  return (
    <View className="trust">
      <View className="trust__head">
        <View className="trust__avatar">{trust.sharer.nickname.slice(0, 1)}</View>
        <Text className="trust__title">{`来自 ${trust.sharer.nickname} 的推荐`}</Text>
        {purchases > 0 ? <Text className="trust__verified">{`TA 买过 ${purchases} 次`}</Text> : null}
      </View>
      {purchases > 0 ? <Text className="trust__hint">已核实的购买记录</Text> : null}
      {trust.note ? <Text className="trust__note">{`“${trust.note}”`}</Text> : null}
      {trust.sharerReview ? <ReviewItem review={trust.sharerReview} /> : null}
      {onMute ? (
        <Text className="trust__mute" onClick={onMute}>
          不再看 TA 的推荐
        </Text>
      ) : null}
    </View>
  );
}
