// Shapes several component tests share: the owner's own session user, a plain review, a shop without service
// contacts, an after-sale case.
import type { AfterSale } from '../../cloudfunctions/contracts/order';
import type { Member, Review, ShopService } from '../../cloudfunctions/contracts/shop';

/** The owner's session: their uploads go under their own openid. */
export const OWNER_USER: Member = {
  id: 'u0',
  openid: 'dev_owner',
  shareCode: 'OWNER2',
  nickname: '老王',
  isOwner: true,
  isMember: false,
  points: { available: 0, pending: 0 },
};

/** A 2-star review with no text, photos or reply, written 2025-01-05 09:03 local time. */
export const REVIEW: Review = {
  id: 'YJ0000000000000001:s1',
  productId: 'p1',
  spec: '500g 礼盒',
  nickname: 'bob',
  rating: 2,
  text: '',
  photos: [],
  createdAt: new Date(2025, 0, 5, 9, 3).toISOString(),
};

/** A shop that set no customer service contacts. */
export const NO_SERVICE: ShopService = { phone: '', wechatId: '' };

/** An after-sale case as the order function answers it: bob asks a refund of one of two units of tea. */
export function makeAfterSale(overrides: Partial<AfterSale> = {}): AfterSale {
  return {
    id: 'YJ7K3M9Q2W4E6R8T1YS1',
    orderId: 'YJ7K3M9Q2W4E6R8T1Y',
    type: 'refund_only',
    status: 'requested',
    lines: [
      {
        productId: 'p1',
        skuId: 'tea',
        title: '云南古树红茶',
        spec: '200g 罐装',
        image: '/img/p1.png',
        priceFen: 1290,
        qty: 1,
      },
    ],
    refundFen: 1290,
    reason: '质量问题',
    description: '茶叶受潮结块',
    photos: ['https://img/e1.jpg', 'https://img/e2.jpg'],
    createdAt: '2026-01-06T02:00:00.000Z',
    reopened: false,
    history: [
      {
        at: '2026-01-06T02:00:00.000Z',
        by: 'buyer',
        label: '申请仅退款',
        text: '茶叶受潮结块',
        photos: ['https://img/e1.jpg', 'https://img/e2.jpg'],
      },
    ],
    commands: [],
    ...overrides,
  };
}
