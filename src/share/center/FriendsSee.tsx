// 好友看到的你: the head of the trust banner a friend sees on a card the sharer sent, with the same words from the same
// server computation (myStats.asFriendsSee is what getProduct gives friends as trust.sharer).
import { Text, View } from '@tarojs/components';
import type { MyStats } from '../../../cloudfunctions/contracts/commission';
import SharerTrack from '../../components/SharerTrack';

export default function FriendsSee({ stats }: { stats: MyStats }) {
  if (!stats.asFriendsSee) return null;
  return (
    <View className="share-center__card share-center__friends-see">
      <Text className="share-center__card-title">好友看到的你</Text>
      <View className="share-center__trust">
        <SharerTrack sharer={stats.asFriendsSee} />
      </View>
      <Text className="share-center__quiet">由小店根据真实订单和评价统计，自己无法填写或修改</Text>
    </View>
  );
}
