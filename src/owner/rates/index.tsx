// 佣金设置: the shop's default commission rate and each product's own rate (or 跟随默认). A sharer earns the rate
// of the goods actually paid in an order they brought; a change applies to orders placed after it.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { commissionApi } from '../../api/commission';
import type { CommissionInput, RateTable } from '../../../cloudfunctions/contracts/commission';
import LoadGate from '../shared/LoadGate';
import { useLoadAndSave } from '../shared/useLoadAndSave';
import { formatRateBp } from './rate';
import RateSheet from './RateSheet';
import './index.scss';

type Product = RateTable['products'][number];
/** What is being edited or saved: the shop default, or one product. */
type Target = { kind: 'default' } | { kind: 'product'; product: Product };

const keyOf = (t: Target) => (t.kind === 'default' ? 'default' : t.product.id);

export default function OwnerRatesPage() {
  // `busy`: the target whose rate is being saved (one at a time).
  const rates = useLoadAndSave<RateTable, CommissionInput<'setRate'>>({
    load: () => commissionApi.rates(),
    save: (input) => commissionApi.setRate(input),
  });
  const { busy } = rates;
  const [editing, setEditing] = useState<Target | null>(null);

  const table = rates.data;
  if (!table || rates.error?.code === 'auth.not_owner') {
    return <LoadGate error={rates.error} reload={rates.reload} />;
  }

  /** Confirms "修改后仅对新订单生效" and sets the rate (null: the product follows the default again). */
  const save = async (target: Target, rateBp: number | null) => {
    if (busy) return;
    const current = target.kind === 'default' ? table.defaultRateBp : target.product.rateBp;
    if (rateBp === current) {
      setEditing(null);
      return;
    }
    const content =
      target.kind === 'default'
        ? `店铺默认佣金改为 ${formatRateBp(rateBp ?? 0)}。修改后仅对新订单生效。`
        : rateBp === null
          ? `“${target.product.title}”恢复为跟随默认 ${formatRateBp(table.defaultRateBp)}。修改后仅对新订单生效。`
          : `“${target.product.title}”的佣金改为 ${formatRateBp(rateBp)}。修改后仅对新订单生效。`;
    const { confirm } = await Taro.showModal({
      title: '确认修改佣金',
      content,
      confirmText: '确认修改',
      cancelText: '再想想',
    });
    if (!confirm) return;
    const input = target.kind === 'default' ? { rateBp: rateBp ?? 0 } : { productId: target.product.id, rateBp };
    // The product was removed meanwhile: the table on screen is out of date.
    const res = await rates.run(keyOf(target), input, { reloadOn: ['product.not_found'] });
    if (res.ok || res.error.code === 'product.not_found') setEditing(null);
  };

  return (
    <View className="owner-rates">
      {rates.error ? <View className="owner-rates__notice">{`刷新失败：${rates.error.message}`}</View> : null}
      <View className="owner-rates__card owner-rates__default">
        <View className="owner-rates__default-head">
          <Text className="owner-rates__card-title">店铺默认佣金</Text>
          <View
            className={busy ? 'owner-rates__action owner-rates__action--disabled' : 'owner-rates__action'}
            onClick={busy ? undefined : () => setEditing({ kind: 'default' })}
          >
            {busy === 'default' ? '保存中…' : '修改'}
          </View>
        </View>
        <Text className="owner-rates__default-rate">{formatRateBp(table.defaultRateBp)}</Text>
        <Text className="owner-rates__hint">
          未单独设置的商品按此比例计算。佣金 = 商品实付金额（扣除积分抵扣）× 比例，每笔订单只给一位推荐人。
        </Text>
      </View>

      <View className="owner-rates__card">
        <Text className="owner-rates__card-title">商品佣金</Text>
        {table.products.length === 0 ? <Text className="owner-rates__hint">店里还没有商品</Text> : null}
        {table.products.map((product) => (
          <View key={product.id} className="owner-rates__product">
            <View className="owner-rates__product-body">
              <Text className="owner-rates__product-title">{product.title}</Text>
              {product.rateBp === null ? (
                <Text className="owner-rates__follow">{`跟随默认 ${formatRateBp(table.defaultRateBp)}`}</Text>
              ) : (
                <Text className="owner-rates__override">{`单独设置 ${formatRateBp(product.rateBp)}`}</Text>
              )}
            </View>
            <View className="owner-rates__product-actions">
              {busy === product.id ? <Text className="owner-rates__saving">保存中…</Text> : null}
              {product.rateBp !== null && busy !== product.id ? (
                <View
                  className={busy ? 'owner-rates__link owner-rates__link--disabled' : 'owner-rates__link'}
                  onClick={busy ? undefined : () => void save({ kind: 'product', product }, null)}
                >
                  恢复默认
                </View>
              ) : null}
              {busy !== product.id ? (
                <View
                  className={busy ? 'owner-rates__action owner-rates__action--disabled' : 'owner-rates__action'}
                  onClick={busy ? undefined : () => setEditing({ kind: 'product', product })}
                >
                  修改
                </View>
              ) : null}
            </View>
          </View>
        ))}
      </View>

      {editing ? (
        <RateSheet
          key={keyOf(editing)}
          title={editing.kind === 'default' ? '店铺默认佣金' : editing.product.title}
          rateBp={editing.kind === 'default' ? table.defaultRateBp : (editing.product.rateBp ?? table.defaultRateBp)}
          busy={busy === keyOf(editing)}
          onSubmit={(rateBp) => void save(editing, rateBp)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </View>
  );
}
