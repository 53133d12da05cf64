// 拼团 on the product page: the groups still forming that a buyer can join, the closest to full first (as the
// function orders them): the leader, 还差 n 人 · 剩 hh:mm:ss, and 去参团. A group whose time ran out on screen leaves
// the list; one of the buyer's own leads to its page instead.
import { Image, Text, View } from '@tarojs/components';
import type { Group, LiveGroupBuy } from '../../../cloudfunctions/contracts/campaign';
import { useNow } from '../../hooks/useCountdown';
import { slotsLeftText } from '../../lib/campaign';
import { formatHms } from '../../lib/time';
import './GroupBuySection.scss';

export interface GroupBuySectionProps {
  live: LiveGroupBuy;
  onJoin: (group: Group) => void;
  onOpen: (groupId: string) => void;
}

export default function GroupBuySection({ live, onJoin, onOpen }: GroupBuySectionProps) {
  const now = useNow(live.openGroups.length > 0);
  const groups = live.openGroups.filter((g) => Date.parse(g.endsAt) > now);

  return (
    <View className="product__card group-buy">
      <View className="product__section-head">
        <Text className="product__section-title">{`${live.groupBuy.size}人团`}</Text>
        <Text className="group-buy__aside">
          {groups.length > 0 ? '可直接参与下面的团' : '还没有人开团，发起拼团邀好友一起买'}
        </Text>
      </View>
      {groups.map((group) => {
        const leader = group.members.find((m) => m.leader) ?? group.members[0];
        const full = group.slotsLeft <= 0;
        return (
          <View key={group.id} className="group-buy__row">
            <View className="group-buy__who" onClick={() => onOpen(group.id)}>
              {leader?.avatar ? (
                <Image className="group-buy__avatar" src={leader.avatar} mode="aspectFill" />
              ) : (
                <View className="group-buy__avatar">{(leader?.nickname ?? '团').slice(0, 1)}</View>
              )}
              <Text className="group-buy__name">{leader?.nickname ?? '拼团'}</Text>
            </View>
            <Text className="group-buy__left">
              {`${full ? '名额已占满' : slotsLeftText(group.slotsLeft)} · 剩 ${formatHms(Date.parse(group.endsAt) - now)}`}
            </Text>
            {group.mine ? (
              <View className="group-buy__join group-buy__join--mine" onClick={() => onOpen(group.id)}>
                我的团
              </View>
            ) : full ? (
              <View className="group-buy__join group-buy__join--disabled" aria-disabled>
                已满员
              </View>
            ) : (
              <View className="group-buy__join" hoverClass="group-buy__join--pressed" onClick={() => onJoin(group)}>
                去参团
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
