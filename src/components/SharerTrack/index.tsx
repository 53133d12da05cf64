// Who recommends, as friends see them: the head of a card's trust banner (来自 X 的推荐) and the sharer's track
// record in plain words. The product page's banner and the sharer's centre (好友看到的你) both show this one piece.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { TrustedSharer } from '../../../cloudfunctions/contracts/shop';
import { refundRateWords, trackWords } from '../../lib/track';
import './index.scss';

export default function SharerTrack({ sharer, badge }: { sharer: TrustedSharer; badge?: ReactNode }) {
  const rate = refundRateWords(sharer);
  return (
    <View className="sharer-track">
      <View className="trust__head">
        <View className="trust__avatar">{sharer.nickname.slice(0, 1)}</View>
        <Text className="trust__title">{`来自 ${sharer.nickname} 的推荐`}</Text>
        {badge}
      </View>
      <Text className="sharer-track__facts">{trackWords(sharer)}</Text>
      {rate ? <Text className="sharer-track__rate">{rate}</Text> : null}
    </View>
  );
}
