// The SKU of a group order (拼团): a sheet of the activity's SKUs only, each at its group price beside its normal
// price, and the action that opens the checkout of one unit of it with the group (start one, or join one).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatFen } from '../../lib/money';
import { routes } from '../../routes';
import { useCheckout } from '../../stores/checkout';
import type { GroupBuy, GroupBuySku } from '../../../cloudfunctions/contracts/campaign';
import './index.scss';

export interface GroupSkuSheetProps {
  groupBuy: GroupBuy;
  /** The SKU picked already (the product page's choice, or the group's own SKU). */
  initialSkuId?: string | null;
  /** A SKU that cannot be bought now (sold out): shown, not pickable. */
  soldOut?: (skuId: string) => boolean;
  /** 发起拼团 or 参团. */
  action: string;
  onConfirm: (sku: GroupBuySku) => void;
  onClose: () => void;
}

export default function GroupSkuSheet({
  groupBuy,
  initialSkuId,
  soldOut,
  action,
  onConfirm,
  onClose,
}: GroupSkuSheetProps) {
  const pickable = (sku: GroupBuySku) => !soldOut?.(sku.skuId);
  const [picked, setPicked] = useState<string | null>(() => {
    const initial = groupBuy.skus.find((k) => k.skuId === initialSkuId && pickable(k));
    const only = groupBuy.skus.filter(pickable);
    return initial?.skuId ?? (only.length === 1 ? only[0].skuId : null);
  });
  const sku = groupBuy.skus.find((k) => k.skuId === picked) ?? null;

  return (
    <View className="group-sku" role="dialog" aria-label="选择拼团规格">
      <View className="group-sku__mask" onClick={onClose} />
      <View className="group-sku__panel">
        <Text className="group-sku__title">选择规格</Text>
        <Text className="group-sku__hint">{`${groupBuy.size}人团 · 每人限购 ${groupBuy.perMember} 件`}</Text>
        <View className="group-sku__list">
          {groupBuy.skus.map((k) => {
            const disabled = !pickable(k);
            const className = [
              'group-sku__item',
              disabled ? 'group-sku__item--disabled' : '',
              k.skuId === picked ? 'group-sku__item--selected' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <View
                key={k.skuId}
                className={className}
                aria-disabled={disabled}
                onClick={disabled ? undefined : () => setPicked(k.skuId)}
              >
                <Text className="group-sku__spec">{k.spec}</Text>
                <View className="group-sku__prices">
                  <Text className="group-sku__price">
                    {disabled ? '已售罄' : `拼团价 ${formatFen(k.groupPriceFen)}`}
                  </Text>
                  <Text className="group-sku__normal">{formatFen(k.priceFen)}</Text>
                </View>
              </View>
            );
          })}
        </View>
        <View
          className={sku ? 'group-sku__confirm' : 'group-sku__confirm group-sku__confirm--disabled'}
          aria-disabled={!sku}
          onClick={sku ? () => onConfirm(sku) : undefined}
        >
          {sku ? `${action} ${formatFen(sku.groupPriceFen)}` : '请选择规格'}
        </View>
        <View className="group-sku__cancel" onClick={onClose}>
          取消
        </View>
      </View>
    </View>
  );
}

/** What the checkout shows of the product until its quote arrives. */
export interface GroupProduct {
  productId: string;
  title: string;
  image: string;
}

/** Opens the checkout of one unit of this SKU with the group: `groupId` joins that group, none starts one. */
export function openGroupCheckout(product: GroupProduct, sku: GroupBuySku, groupBuyId: string, groupId?: string): void {
  const line = { ...product, skuId: sku.skuId, spec: sku.spec, qty: 1, priceFen: sku.groupPriceFen };
  useCheckout.getState().start([line], 'buy_now');
  void Taro.navigateTo({ url: routes.checkout(groupId ? { groupBuyId, groupId } : { groupBuyId }) });
}
