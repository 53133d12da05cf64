// Orders as the `order` function answers them, for the owner pages' tests.
import type { Order } from '../../../cloudfunctions/contracts/order';

export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'YJ20261123ABCD0001',
    status: 'paid',
    items: [
      {
        productId: 'puer357',
        skuId: 'cake',
        title: '勐海普洱茶饼 357g',
        spec: '生茶 单饼',
        image: '/img/puer.png',
        priceFen: 16800,
        qty: 1,
        lineFen: 16800,
      },
      {
        productId: 'rice5kg',
        skuId: 'bag',
        title: '五常稻花香大米 5kg',
        spec: '5kg 袋装',
        image: '/img/rice.png',
        priceFen: 6990,
        qty: 2,
        lineFen: 13980,
      },
    ],
    amounts: { goodsFen: 30780, couponFen: 0, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: 0, payableFen: 30780 },
    address: {
      name: '王小波',
      phone: '13800138000',
      region: '浙江省 杭州市 西湖区',
      detail: '文三路 100 号 2 单元 301',
    },
    createdAt: '2026-11-23T06:05:00.000Z',
    payBefore: '2026-11-23T06:35:00.000Z',
    paidAt: '2026-11-23T06:06:00.000Z',
    timeline: [
      { at: '2026-11-23T06:05:00.000Z', label: '已下单' },
      { at: '2026-11-23T06:06:00.000Z', label: '已付款', detail: '微信支付' },
    ],
    commands: [],
    afterSales: [],
    refundedFen: 0,
    ...overrides,
  };
}
