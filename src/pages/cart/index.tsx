// Cart (a tab): the lines put aside, with quantities bounded by stock, selection for checkout and a display total.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageState from '../../components/PageState';
import { formatFen } from '../../lib/money';
import { PAGES, routes } from '../../routes';
import {
  CART_MAX_QTY,
  CHECKOUT_MAX_LINES,
  lineKey,
  maxQty,
  summarizeCart,
  useCart,
  type CartLine,
} from '../../stores/cart';
import { useCheckout } from '../../stores/checkout';
import './index.scss';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

async function confirmRemove(line: CartLine) {
  const { confirm } = await Taro.showModal({
    title: '删除商品',
    content: `确定把「${line.title}」从购物车删除吗？`,
    confirmText: '删除',
    confirmColor: '#e4393c',
    cancelText: '再想想',
  });
  if (confirm) useCart.getState().remove(lineKey(line));
}

function goCheckout(lines: CartLine[]) {
  const selected = lines.filter((l) => l.selected);
  if (selected.length === 0) {
    toast('请选择要结算的商品');
    return;
  }
  if (selected.length > CHECKOUT_MAX_LINES) {
    toast(`一次最多结算 ${CHECKOUT_MAX_LINES} 种商品`);
    return;
  }
  useCheckout.getState().start(
    selected.map(({ productId, skuId, qty, title, spec, image, priceFen }) => ({
      productId,
      skuId,
      qty,
      title,
      spec,
      image,
      priceFen,
    })),
    'cart',
  );
  void Taro.navigateTo({ url: PAGES.checkout });
}

export default function CartPage() {
  const lines = useCart((s) => s.lines);
  const summary = summarizeCart(lines);

  if (lines.length === 0) {
    return (
      <View className="cart">
        <PageState
          kind="empty"
          message="购物车还是空的"
          actionText="去逛逛"
          onAction={() => void Taro.switchTab({ url: PAGES.home })}
        />
      </View>
    );
  }

  return (
    <View className="cart">
      <View className="cart__list">
        {lines.map((line) => (
          <CartRow key={lineKey(line)} line={line} />
        ))}
      </View>
      <Text className="cart__footnote">价格以提交订单时为准</Text>

      <View className="cart__bar">
        <View className="cart__all" onClick={() => useCart.getState().selectAll(!summary.allSelected)}>
          <Check checked={summary.allSelected} label="全选" />
          <Text className="cart__all-text">全选</Text>
        </View>
        <View className="cart__total">
          <Text className="cart__total-label">合计</Text>
          <Text className="cart__total-value">{formatFen(summary.selectedFen)}</Text>
        </View>
        <View
          className={summary.selectedLines > 0 ? 'cart__checkout' : 'cart__checkout cart__checkout--disabled'}
          onClick={() => goCheckout(lines)}
        >
          {summary.selectedQty > 0 ? `去结算(${summary.selectedQty})` : '去结算'}
        </View>
      </View>
    </View>
  );
}

function CartRow({ line }: { line: CartLine }) {
  const key = lineKey(line);
  const max = maxQty(line);
  const atMin = line.qty <= 1;
  const atMax = line.qty >= max;

  const increase = () => {
    if (atMax) {
      toast(max < CART_MAX_QTY ? `库存仅剩 ${max} 件` : `每单最多购买 ${CART_MAX_QTY} 件`);
      return;
    }
    useCart.getState().setQty(key, line.qty + 1);
  };
  const decrease = () => {
    if (!atMin) useCart.getState().setQty(key, line.qty - 1);
  };
  const openProduct = () => void Taro.navigateTo({ url: routes.product(line.productId) });

  return (
    <View className="cart-row">
      <View className="cart-row__check" onClick={() => useCart.getState().toggle(key)}>
        <Check checked={line.selected} label={`选择 ${line.title} ${line.spec}`} />
      </View>
      <Image className="cart-row__image" src={line.image} mode="aspectFill" onClick={openProduct} />
      <View className="cart-row__body">
        <Text className="cart-row__title" onClick={openProduct}>
          {line.title}
        </Text>
        <Text className="cart-row__spec">{line.spec}</Text>
        <View className="cart-row__foot">
          <Text className="cart-row__price">{formatFen(line.priceFen)}</Text>
          <View className="stepper">
            <View
              className={atMin ? 'stepper__button stepper__button--disabled' : 'stepper__button'}
              aria-label="减少数量"
              aria-disabled={atMin}
              onClick={decrease}
            >
              −
            </View>
            <Text className="stepper__value" aria-label="数量">
              {line.qty}
            </Text>
            <View
              className={atMax ? 'stepper__button stepper__button--disabled' : 'stepper__button'}
              aria-label="增加数量"
              aria-disabled={atMax}
              onClick={increase}
            >
              +
            </View>
          </View>
        </View>
        <View className="cart-row__aside">
          {max < CART_MAX_QTY && max <= 5 ? <Text className="cart-row__stock">{`仅剩 ${max} 件`}</Text> : <Text />}
          <Text className="cart-row__remove" onClick={() => void confirmRemove(line)}>
            删除
          </Text>
        </View>
      </View>
    </View>
  );
}

function Check({ checked, label }: { checked: boolean; label: string }) {
  return (
    <View className={checked ? 'check check--on' : 'check'} role="checkbox" aria-checked={checked} aria-label={label}>
      {checked ? '✓' : ''}
    </View>
  );
}
