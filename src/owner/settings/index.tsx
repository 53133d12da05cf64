// 店铺设置: the shop's name and logo, every rule number (shipping, order deadlines, after-sale, commission, referral,
// points), each edited on its own and confirmed with who it reaches, the customer service contacts and the return
// address, whether shipping info goes to WeChat, and the owners, added and removed by member code.
import { useState } from 'react';
import { Image, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ErrorBody } from '../../api/client';
import { shopApi } from '../../api/shop';
import { cloudPathFor, uploadFile } from '../../api/storage';
import { SHOP_UPLOAD_FOLDERS } from '../../../cloudfunctions/contracts/limits';
import { ownUploadFolder } from '../../stores/session';
import type { ShopInput, ShopSettings } from '../../../cloudfunctions/contracts/shop';
import LoadGate from '../shared/LoadGate';
import NotOwner from '../shared/NotOwner';
import { useLoadAndSave } from '../shared/useLoadAndSave';
import FieldSheet from './FieldSheet';
import {
  describeAddress,
  ownerCodeField,
  RULE_CARDS,
  ruleField,
  ruleText,
  serviceWechatField,
  servicePhoneField,
  shopNameField,
} from './fields';
import type { RuleName } from './fields';
import ReturnAddressSheet from './ReturnAddressSheet';
import { pickImages } from '../shared/pick-images';
import './index.scss';

type Owner = ShopSettings['owners'][number];
type Editing =
  | { kind: 'rule'; name: RuleName }
  | { kind: 'shopName' }
  | { kind: 'addOwner' }
  | { kind: 'servicePhone' }
  | { kind: 'serviceWechat' }
  | { kind: 'returnAddress' };
type Input = ShopInput<'updateSettings'>;

/**
 * What is being saved (one thing at a time): a rule, the name, the logo (uploaded, then saved), an owner added or
 * removed.
 */
type Busy =
  | RuleName
  | 'shopName'
  | 'logo-upload'
  | 'logo'
  | 'addOwner'
  | `remove:${string}`
  | 'servicePhone'
  | 'serviceWechat'
  | 'returnAddress'
  | 'shippingInfoUpload';

/** 发货信息管理服务 in one line, under the switch. */
export const SHIPPING_INFO_EXPLAINED =
  '开通了微信「发货信息管理服务」的店铺，发货时把物流信息同步给微信，货款才能按时结算；未开通的店铺可关闭。';

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

export default function OwnerSettingsPage() {
  const state = useLoadAndSave<ShopSettings, Input, Busy>({
    load: () => shopApi.settings(),
    save: (input) => shopApi.updateSettings(input),
  });
  const { busy, setBusy } = state;
  const [editing, setEditing] = useState<Editing | null>(null);

  const settings = state.data;
  if (!settings || state.error?.code === 'auth.not_owner') {
    return <LoadGate error={state.error} reload={state.reload} />;
  }
  // The owner removed themself: the answer to that save is the last they may read.
  if (!settings.owners.some((o) => o.isMe)) {
    return <NotOwner message="你已不是本店店主" />;
  }

  /** Saves one change; a refusal is shown as the server words it, and a list it proves stale is reloaded. */
  const run = async (key: Busy, input: Input, done: string, reloadOn: ReadonlyArray<ErrorBody['code']> = []) => {
    const res = await state.run(key, input, { done, reloadOn: ['auth.not_owner', ...reloadOn] });
    if (res.ok) setEditing(null);
  };

  const confirmed = async (title: string, content: string, confirmText: string) =>
    (await Taro.showModal({ title, content, confirmText, cancelText: '再想想' })).confirm;

  const saveRule = async (name: RuleName, value: number) => {
    if (busy) return;
    if (value === settings.rules[name]) return setEditing(null);
    const text = ruleText(name);
    if (
      !(await confirmed('确认修改店铺设置', `${text.label}改为「${text.describe(value)}」。${text.reach}`, '确认修改'))
    )
      return;
    const rules: NonNullable<Input['rules']> = {};
    rules[name] = value;
    await run(name, { rules }, '已保存');
  };

  const saveName = async (shopName: string) => {
    if (busy) return;
    if (shopName === settings.shopName) return setEditing(null);
    await run('shopName', { shopName }, '已保存');
  };

  const changeLogo = async () => {
    if (busy) return;
    const [local] = await pickImages(1);
    if (!local) return;
    setBusy('logo-upload');
    const own = await ownUploadFolder(SHOP_UPLOAD_FOLDERS.logo);
    if (!own.ok) {
      setBusy(null);
      return toast(own.error.message);
    }
    const uploaded = await uploadFile(cloudPathFor(own.data, local), local);
    if (!uploaded.ok) {
      setBusy(null);
      return toast(uploaded.error.message);
    }
    await run('logo', { logo: uploaded.data.fileID }, '标志已更换');
  };

  const saveService = async (key: 'phone' | 'wechatId', value: string) => {
    if (busy) return;
    if (value === settings.service[key]) return setEditing(null);
    await run(key === 'phone' ? 'servicePhone' : 'serviceWechat', { service: { [key]: value } }, '已保存');
  };

  const saveReturnAddress = async (returnAddress: NonNullable<Input['returnAddress']>) => {
    if (busy) return;
    await run('returnAddress', { returnAddress }, '已保存');
  };

  const setShippingInfoUpload = async (on: boolean) => {
    if (busy || on === settings.shippingInfoUpload) return;
    const content = '关闭后，发货时不再把物流信息同步给微信。只有未开通「发货信息管理服务」的店铺才需要关闭。';
    if (!on && !(await confirmed('关闭上传发货信息', content, '关闭'))) return;
    await run('shippingInfoUpload', { shippingInfoUpload: on }, on ? '已开启' : '已关闭');
  };

  const addOwner = async (code: string) => {
    if (busy) return;
    const content = `会员码 ${code} 的会员将成为店主，可以处理订单与退款、修改商品和店铺设置。`;
    if (!(await confirmed('添加店主', content, '添加'))) return;
    await run('addOwner', { addOwner: code }, '已添加');
  };

  const removeOwner = async (owner: Owner) => {
    if (busy) return;
    const content = owner.isMe
      ? '移除后你将不能再管理本店，也打不开店主页面。'
      : `移除后「${owner.nickname}」将不能再管理本店。`;
    if (!(await confirmed('移除店主', content, '移除'))) return;
    // Refused as the last owner or as no longer a member: another owner changed the list meanwhile.
    await run(`remove:${owner.shareCode}`, { removeOwner: owner.shareCode }, '已移除', [
      'settings.last_owner',
      'settings.member_not_found',
    ]);
  };

  const action = (text: string, key: Busy, onClick: () => void) =>
    busy === key ? (
      <Text className="owner-settings__saving">保存中…</Text>
    ) : (
      <View
        className={busy ? 'owner-settings__action owner-settings__action--disabled' : 'owner-settings__action'}
        onClick={busy ? undefined : onClick}
      >
        {text}
      </View>
    );

  const row = (label: string, value: string, key: Busy, onEdit: () => void) => (
    <View key={label} className="owner-settings__row" aria-label={label}>
      <View className="owner-settings__row-body">
        <Text className="owner-settings__label">{label}</Text>
        <Text className="owner-settings__value">{value}</Text>
      </View>
      {action('修改', key, onEdit)}
    </View>
  );

  // The last owner cannot leave (the server refuses too); an owner who never signed in has no code to remove by.
  const removable = (o: Owner) => settings.owners.length > 1 && o.shareCode !== '';

  return (
    <View className="owner-settings">
      {state.error ? <View className="owner-settings__notice">{`刷新失败：${state.error.message}`}</View> : null}

      <View className="owner-settings__card">
        <Text className="owner-settings__card-title">店铺</Text>
        {row('店铺名称', settings.shopName, 'shopName', () => setEditing({ kind: 'shopName' }))}
        <View className="owner-settings__row" aria-label="店铺标志">
          {settings.logo ? (
            <Image className="owner-settings__logo" src={settings.logo.url} mode="aspectFill" />
          ) : (
            <View className="owner-settings__logo owner-settings__logo--empty">未设置</View>
          )}
          <View className="owner-settings__row-body">
            <Text className="owner-settings__label">店铺标志</Text>
          </View>
          {busy === 'logo-upload' ? (
            <Text className="owner-settings__saving">上传中…</Text>
          ) : (
            action(settings.logo ? '更换标志' : '上传标志', 'logo', () => void changeLogo())
          )}
        </View>
      </View>

      {RULE_CARDS.map((card) => (
        <View key={card.title} className="owner-settings__card">
          <Text className="owner-settings__card-title">{card.title}</Text>
          {card.rules.map((name) =>
            row(ruleText(name).label, ruleText(name).describe(settings.rules[name]), name, () =>
              setEditing({ kind: 'rule', name }),
            ),
          )}
        </View>
      ))}

      <View className="owner-settings__card">
        <Text className="owner-settings__card-title">客服与退货</Text>
        {row('客服电话', settings.service.phone || '未设置', 'servicePhone', () =>
          setEditing({ kind: 'servicePhone' }),
        )}
        {row('客服微信号', settings.service.wechatId || '未设置', 'serviceWechat', () =>
          setEditing({ kind: 'serviceWechat' }),
        )}
        {row(
          '退货地址',
          settings.returnAddress ? describeAddress(settings.returnAddress) : '未设置',
          'returnAddress',
          () => setEditing({ kind: 'returnAddress' }),
        )}
      </View>

      <View className="owner-settings__card">
        <Text className="owner-settings__card-title">微信发货信息</Text>
        <View className="owner-settings__row" aria-label="上传发货信息到微信">
          <View className="owner-settings__row-body">
            <Text className="owner-settings__label">上传发货信息到微信</Text>
            <Text className="owner-settings__explain">{SHIPPING_INFO_EXPLAINED}</Text>
          </View>
          {busy === 'shippingInfoUpload' ? (
            <Text className="owner-settings__saving">保存中…</Text>
          ) : (
            <Switch
              checked={settings.shippingInfoUpload}
              disabled={busy !== null}
              color="#e4393c"
              onChange={(e) => void setShippingInfoUpload(e.detail.value)}
            />
          )}
        </View>
      </View>

      <View className="owner-settings__card">
        <Text className="owner-settings__card-title">店主</Text>
        {settings.owners.map((owner) => (
          <View
            key={owner.shareCode || owner.nickname}
            className="owner-settings__row"
            aria-label={`店主 ${owner.nickname}`}
          >
            <View className="owner-settings__row-body">
              <View className="owner-settings__owner-name">
                <Text className="owner-settings__value">{owner.nickname}</Text>
                {owner.isMe ? <Text className="owner-settings__me">我</Text> : null}
              </View>
              {owner.shareCode ? <Text className="owner-settings__label">{`会员码 ${owner.shareCode}`}</Text> : null}
            </View>
            {removable(owner) ? action('移除', `remove:${owner.shareCode}`, () => void removeOwner(owner)) : null}
          </View>
        ))}
        <View
          className={busy ? 'owner-settings__add owner-settings__action--disabled' : 'owner-settings__add'}
          onClick={busy ? undefined : () => setEditing({ kind: 'addOwner' })}
        >
          {busy === 'addOwner' ? '添加中…' : '添加店主'}
        </View>
      </View>

      {editing?.kind === 'rule' ? (
        <FieldSheet
          key={editing.name}
          field={ruleField(editing.name, settings.rules[editing.name])}
          busy={busy === editing.name}
          submitText="保存"
          onSubmit={(value) => void saveRule(editing.name, value)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'shopName' ? (
        <FieldSheet
          field={shopNameField(settings.shopName)}
          busy={busy === 'shopName'}
          submitText="保存"
          onSubmit={(name) => void saveName(name)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'servicePhone' ? (
        <FieldSheet
          field={servicePhoneField(settings.service.phone)}
          busy={busy === 'servicePhone'}
          submitText="保存"
          onSubmit={(phone) => void saveService('phone', phone)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'serviceWechat' ? (
        <FieldSheet
          field={serviceWechatField(settings.service.wechatId)}
          busy={busy === 'serviceWechat'}
          submitText="保存"
          onSubmit={(id) => void saveService('wechatId', id)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'returnAddress' ? (
        <ReturnAddressSheet
          current={settings.returnAddress}
          busy={busy === 'returnAddress'}
          onSubmit={(address) => void saveReturnAddress(address)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'addOwner' ? (
        <FieldSheet
          field={ownerCodeField(settings.owners)}
          busy={busy === 'addOwner'}
          submitText="添加"
          busyText="添加中…"
          onSubmit={(code) => void addOwner(code)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </View>
  );
}
