// 积分设置: the shop's points rules (earning per ¥1, points per ¥1 at checkout, the cap, the welcome gift, expiry),
// each edited on its own. A change applies to orders placed (and members joining) after it.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import PageState from '../../components/PageState';
import type { PointsRuleName } from '../../../cloudfunctions/contracts/points';
import NotOwner from '../shared/NotOwner';
import RuleSheet from './RuleSheet';
import { RULE_NAMES, RULE_TEXT } from './rules';
import { usePointsRules } from './usePointsRules';
import './index.scss';

export default function OwnerPointsPage() {
  const state = usePointsRules();
  const [editing, setEditing] = useState<PointsRuleName | null>(null);
  /** The rule being saved (one at a time). */
  const [busy, setBusy] = useState<PointsRuleName | null>(null);

  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const { rules } = state;
  if (state.error?.code === 'auth.not_owner') {
    return <NotOwner />;
  }
  if (!rules) {
    return state.error ? (
      <PageState kind='error' message={state.error.message} actionText='重新加载' onAction={() => void state.reload()} />
    ) : (
      <PageState kind='loading' />
    );
  }

  /** Confirms who the change reaches, then saves it. */
  const save = async (name: PointsRuleName, value: number) => {
    if (busy) return;
    if (value === rules[name]) {
      setEditing(null);
      return;
    }
    const rule = RULE_TEXT[name];
    const { confirm } = await Taro.showModal({
      title: '确认修改积分设置',
      content: `${rule.label}改为「${rule.describe(value)}」。${rule.reach}`,
      confirmText: '确认修改',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(name);
    const res = await state.save({ [name]: value });
    setBusy(null);
    if (res.ok) {
      setEditing(null);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } else {
      void Taro.showToast({ title: res.error.message, icon: 'none' });
    }
  };

  return (
    <View className='owner-points'>
      {state.error ? <View className='owner-points__notice'>{`刷新失败：${state.error.message}`}</View> : null}
      <View className='owner-points__card'>
        <Text className='owner-points__card-title'>积分规则</Text>
        {RULE_NAMES.map((name) => (
          <View key={name} className='owner-points__rule' aria-label={RULE_TEXT[name].label}>
            <View className='owner-points__rule-body'>
              <Text className='owner-points__rule-label'>{RULE_TEXT[name].label}</Text>
              <Text className='owner-points__rule-value'>{RULE_TEXT[name].describe(rules[name])}</Text>
            </View>
            {busy === name ? (
              <Text className='owner-points__saving'>保存中…</Text>
            ) : (
              <View
                className={busy ? 'owner-points__action owner-points__action--disabled' : 'owner-points__action'}
                onClick={busy ? undefined : () => setEditing(name)}
              >
                修改
              </View>
            )}
          </View>
        ))}
      </View>
      <Text className='owner-points__hint'>
        修改只对之后的订单生效：已下的订单按下单时的规则得积分；开卡礼只对之后开卡的会员生效。分享和浏览不得积分。
      </Text>

      {editing ? (
        <RuleSheet
          key={editing}
          name={editing}
          value={rules[editing]}
          busy={busy === editing}
          onSubmit={(value) => void save(editing, value)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </View>
  );
}
