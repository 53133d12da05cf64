// Putting a product on sale or taking it off, from the product list or its editor. Taking it off is asked first:
// buyers can no longer buy it, and what already points at it (orders, shared cards) says 已下架.
import Taro from '@tarojs/taro';
import { shopApi } from '../../api/shop';
import type { SaleStatus } from './product-text';

/**
 * Answers the status the product now has, or null when the owner thought again or the change failed (told by a toast).
 */
export async function changeSaleStatus(
  product: { id: string; title: string },
  status: SaleStatus,
): Promise<SaleStatus | null> {
  if (status === 'off_sale') {
    const { confirm } = await Taro.showModal({
      title: '下架商品',
      content: `下架「${product.title}」后，买家不能再购买；已有订单和分享出去的卡片会显示「已下架」。`,
      confirmText: '下架',
      cancelText: '取消',
    });
    if (!confirm) return null;
  }
  const res = await shopApi.setSaleStatus({ productId: product.id, status });
  if (!res.ok) {
    void Taro.showToast({ title: res.error.message, icon: 'none' });
    return null;
  }
  void Taro.showToast({ title: res.data.status === 'on_sale' ? '已上架' : '已下架', icon: 'success' });
  return res.data.status;
}
