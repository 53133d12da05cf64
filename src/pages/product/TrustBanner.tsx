// Whose recommendation this is: the sharer and their track record, their note, whether they verifiably bought here,
// and their own review.
import { Text, View } from '@tarojs/components';
import type { ProductDetail } from '../../../cloudfunctions/contracts/shop';
import ReviewItem from '../../components/ReviewItem';
import SharerTrack from '../../components/SharerTrack';

/** `onMute`: 不再看 TA 的推荐 (signed-in members only; the page confirms first). */
export default function TrustBanner({ trust, onMute }: { trust: ProductDetail['trust']; onMute?: () => void }) {
  if (!trust.sharer) return null;
  // Counted by the shop from the sharer's completed, unrefunded orders; a sharer cannot declare it. None: no badge.
  const purchases = trust.sharerVerifiedPurchases ?? 0;
  return (
    <View className="trust">
      <SharerTrack
        sharer={trust.sharer}
        badge={purchases > 0 ? <Text className="trust__verified">{`TA 买过 ${purchases} 次`}</Text> : null}
      />
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
