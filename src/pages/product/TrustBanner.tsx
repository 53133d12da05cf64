// Whose recommendation this is: the sharer, their note, and whether they verifiably bought here.
import { Text, View } from '@tarojs/components';
import type { ProductDetail } from '../../../cloudfunctions/contracts/shop';

export default function TrustBanner({ trust }: { trust: ProductDetail['trust'] }) {
  if (!trust.sharer) return null;
  const purchases = trust.sharerVerifiedPurchases ?? 0;
  return (
    <View className='trust'>
      <View className='trust__head'>
        <View className='trust__avatar'>{trust.sharer.nickname.slice(0, 1)}</View>
        <Text className='trust__title'>{`来自 ${trust.sharer.nickname} 的推荐`}</Text>
        {purchases > 0 ? <Text className='trust__verified'>{`已购 ${purchases} 次`}</Text> : null}
      </View>
      {trust.note ? <Text className='trust__note'>{`“${trust.note}”`}</Text> : null}
    </View>
  );
}
