// 单级分佣说明: the commission rules in plain words (DESIGN.md "Rules"), and the reader's own binding under the rule
// that governs it, so they can see it applies to them and where to release it.
import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatMonthDay, msUntil } from '../../lib/time';
import { PAGES } from '../../routes';
import { useSession } from '../../stores/session';
import './index.scss';

/** How long opening a share binds a friend to its sharer, and how much each order extends it (DESIGN.md). */
export const BINDING_DAYS = 15;

const RULES: Array<{ title: string; text: string }> = [
  {
    title: '只有一级',
    text: '只有直接分享带来的购买计佣，不跨级：没有上下级，没有团队奖励，你推荐的朋友再分享，佣金归 TA 自己。',
  },
  { title: '人人可分享', text: '人人可分享，无门槛、无费用：不需要交钱，不需要先买东西，也不用囤货。' },
  {
    title: '分享本身不奖励',
    text: '分享、浏览本身没有任何奖励：只有朋友真实买下的商品才计佣，不用刷屏，也不用催朋友点开。',
  },
  {
    title: '完成且未退款才结算',
    text: '朋友付款后佣金记为「待结算」；订单完成、售后期结束后才变为「已结算」，可以提现。退款会按退款比例退回对应佣金。',
  },
  {
    title: '推荐关系',
    text: `朋友打开你的分享后，${BINDING_DAYS} 天内下单都算你的推荐；TA 每下一单，再延长 ${BINDING_DAYS} 天。推荐关系有效期间，别人的分享不能抢走；朋友可以在「我的」页看到并随时解除。`,
  },
  { title: '价格一样', text: '店主统一定价，分享链接、海报和直接进店看到的价格完全相同，佣金不由买家承担。' },
];

export default function RulesPage() {
  const binding = useSession((s) => s.binding);
  const active = binding && msUntil(binding.until) > 0 ? binding : null;

  useEffect(() => {
    void useSession.getState().load();
  }, []);

  return (
    <View className="rules">
      <View className="rules__card">
        <Text className="rules__title">单级分佣说明</Text>
        <Text className="rules__lead">友荐鼓励真实的推荐：朋友因为你的推荐买到好东西，你得到一笔佣金。</Text>
        {RULES.map((rule, i) => (
          <View key={rule.title} className="rules__item">
            <Text className="rules__index">{String(i + 1)}</Text>
            <View className="rules__body">
              <Text className="rules__item-title">{rule.title}</Text>
              <Text className="rules__text">{rule.text}</Text>
            </View>
          </View>
        ))}
      </View>

      <View className="rules__card rules__mine">
        <Text className="rules__item-title">我的推荐人</Text>
        {active ? (
          <>
            <Text className="rules__text">{`你的推荐人：${active.nickname}，至 ${formatMonthDay(active.until)}`}</Text>
            <Text className="rules__link" onClick={() => void Taro.switchTab({ url: PAGES.me })}>
              去「我的」页查看或解除 ›
            </Text>
          </>
        ) : (
          <Text className="rules__text">你现在没有推荐人，下单不计入任何人的推广。</Text>
        )}
      </View>
    </View>
  );
}
