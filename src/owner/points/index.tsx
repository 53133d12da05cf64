// 积分设置: the shop's points rules (earning per ¥1, points per ¥1 at checkout, the cap, the welcome gift, expiry),
// each edited on its own. A change applies to orders placed (and members joining) after it.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pointsApi } from '../../api/points';
import type { PointsInput, PointsRuleName, PointsRules } from '../../../cloudfunctions/contracts/points';
import LoadGate from '../shared/LoadGate';
import { useLoadAndSave } from '../shared/useLoadAndSave';
import RuleSheet from './RuleSheet';
import { RULE_NAMES, RULE_TEXT } from './rules';
import './index.scss';

export default function OwnerPointsPage() {
  // `busy`: the rule being saved (one at a time).
  const state = useLoadAndSave<PointsRules, PointsInput<'setRules'>, PointsRuleName>({
    load: () => pointsApi.rules(),
    save: (input) => pointsApi.setRules(input),
  });
  const { busy } = state;
  const [editing, setEditing] = useState<PointsRuleName | null>(null);

  const rules = state.data;
  if (!rules || state.error?.code === 'auth.not_owner') {
    return <LoadGate error={state.error} reload={state.reload} />;
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
    const res = await state.run(name, { [name]: value });
    if (res.ok) setEditing(null);
  };

  return (
    <View className="owner-points">
      {state.error ? <View className="owner-points__notice">{`刷新失败：${state.error.message}`}</View> : null}
      <View className="owner-points__card">
        <Text className="owner-points__card-title">积分规则</Text>
        {RULE_NAMES.map((name) => (
          <View key={name} className="owner-points__rule" aria-label={RULE_TEXT[name].label}>
            <View className="owner-points__rule-body">
              <Text className="owner-points__rule-label">{RULE_TEXT[name].label}</Text>
              <Text className="owner-points__rule-value">{RULE_TEXT[name].describe(rules[name])}</Text>
            </View>
            {busy === name ? (
              <Text className="owner-points__saving">保存中…</Text>
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
      <Text className="owner-points__hint">
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
