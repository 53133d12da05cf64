// 再来一单: a past order's lines at today's prices go into the cart (a line short of stock with as many as are left),
// lines no longer sold or sold out are said plainly, and the cart opens. Nothing is added when nothing is available.
import Taro from '@tarojs/taro';
import { orderApi } from '../../api/order';
import type { BuyAgainLine, OrderStatus } from '../../../cloudfunctions/contracts/order';
import { PAGES } from '../../routes';
import { useCart } from '../../stores/cart';

/** The orders 再来一单 is offered on: finished ones, whether they completed or were cancelled. */
export const BUY_AGAIN_STATUSES: readonly OrderStatus[] = ['completed', 'cancelled'];

export interface BuyAgainPlan {
  /** Lines to add, each with how many. */
  add: Array<{ line: BuyAgainLine; qty: number }>;
  /** Lines that cannot be bought now (off sale or sold out). */
  unavailable: number;
  /** Lines added with fewer units than the past order had. */
  short: number;
}

export function planBuyAgain(lines: readonly BuyAgainLine[]): BuyAgainPlan {
  const plan: BuyAgainPlan = { add: [], unavailable: 0, short: 0 };
  for (const line of lines) {
    const qty = line.status === 'ok' ? line.qty : line.status === 'short' ? Math.min(line.qty, line.stock) : 0;
    if (qty <= 0) {
      plan.unavailable += 1;
      continue;
    }
    if (qty < line.qty) plan.short += 1;
    plan.add.push({ line, qty });
  }
  return plan;
}

/** What the buyer is told before the cart opens, or null when everything went in as it was. */
export function buyAgainNotice(plan: BuyAgainPlan): string | null {
  if (plan.add.length === 0) return '订单中的商品都已下架或售罄，暂时无法再次购买';
  const parts: string[] = [];
  if (plan.unavailable > 0) parts.push(`${plan.unavailable} 件商品已下架或售罄`);
  if (plan.short > 0) parts.push(`${plan.short} 件商品库存不足，已按现有库存加入`);
  return parts.length > 0 ? `${parts.join('，')}，其余已加入购物车` : null;
}

/** Runs 再来一单 of an order; a refusal is said in a toast. */
export async function buyAgain(orderId: string): Promise<void> {
  const res = await orderApi.buyAgain({ orderId });
  if (!res.ok) {
    void Taro.showToast({ title: res.error.message, icon: 'none' });
    return;
  }
  const plan = planBuyAgain(res.data.lines);
  const notice = buyAgainNotice(plan);
  if (plan.add.length === 0) {
    await Taro.showModal({ title: '再来一单', content: notice ?? '', showCancel: false, confirmText: '知道了' });
    return;
  }
  const cart = useCart.getState();
  // The past order's first line ends up on top, as it was.
  for (const { line, qty } of [...plan.add].reverse()) {
    const { productId, skuId, title, spec, priceFen, image, stock } = line;
    cart.add({ productId, skuId, title, spec, priceFen, image, stock }, qty);
  }
  if (notice) await Taro.showModal({ title: '再来一单', content: notice, showCancel: false, confirmText: '去购物车' });
  await Taro.switchTab({ url: PAGES.cart });
}
