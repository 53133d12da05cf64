// The member card on "me": an invitation to join (开卡) for someone who is not a member, and for a member the
// spendable points, what is still pending, what expires soon, and the way into 积分明细.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { expiringText } from '../../lib/points';
import { PAGES } from '../../routes';
import type { Member } from '../../../cloudfunctions/contracts/shop';
import type { PointsCard as PointsCardData } from './usePointsCard';

export interface PointsCardProps {
  user: Pick<Member, 'isMember' | 'points'>;
  card: PointsCardData;
}

export default function PointsCard({ user, card }: PointsCardProps) {
  if (!user.isMember) return <Invitation card={card} />;

  // The session's figures until the balance arrives; the balance also knows what expires soon.
  const figures = card.balance ?? user.points;
  const expiring = card.balance ? expiringText(card.balance) : null;
  return (
    <View
      className="me__card me__points"
      hoverClass="me__card--pressed"
      onClick={() => void Taro.navigateTo({ url: PAGES.memberPoints })}
    >
      <View className="me__card-head">
        <Text className="me__card-title">会员积分</Text>
        <Text className="me__card-more">积分明细 ›</Text>
      </View>
      <View className="me__points-figures">
        <View className="me__points-figure">
          <Text className="me__points-available">{String(figures.available)}</Text>
          <Text className="me__points-label">可用积分</Text>
        </View>
        <View className="me__points-figure">
          <Text className="me__points-pending">{String(figures.pending)}</Text>
          <Text className="me__points-label">待到账</Text>
        </View>
      </View>
      {expiring ? <Text className="me__points-expiring">{expiring}</Text> : null}
      {card.error ? (
        <Text
          className="me__points-retry"
          onClick={(e) => {
            // A retry, not a way into the ledger.
            e.stopPropagation();
            void card.reload();
          }}
        >
          {`积分刷新失败：${card.error.message}，点击重试`}
        </Text>
      ) : null}
    </View>
  );
}

function Invitation({ card }: { card: PointsCardData }) {
  const join = async () => {
    const res = await card.join();
    if (!res) return;
    // 'none': WeChat cuts a 'success' toast's title to seven characters.
    if (res.ok)
      void Taro.showToast({
        title: res.data.gift > 0 ? `开卡成功，获得 ${res.data.gift} 积分` : '开卡成功',
        icon: 'none',
      });
    else void Taro.showToast({ title: res.error.message, icon: 'none' });
  };
  return (
    <View className="me__card me__points me__points--invite">
      <View className="me__points-invite-body">
        <Text className="me__card-title">开通会员卡</Text>
        <Text className="me__card-text">开卡送积分，购物得积分，下单可抵现</Text>
      </View>
      <View
        className={card.joining ? 'me__join me__join--busy' : 'me__join'}
        hoverClass={card.joining ? 'none' : 'me__join--pressed'}
        aria-disabled={card.joining}
        onClick={() => void join()}
      >
        {card.joining ? '开卡中…' : '开卡'}
      </View>
    </View>
  );
}
