// Shapes several component tests share: the owner's own session user, a plain review, a shop without service contacts.
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
