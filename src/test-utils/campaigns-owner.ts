// Activities as the campaign function answers the owner (拼团, 秒杀, groups) and a product as the editor reads it, for
// the component tests of the owner's activity pages.
import type { Group, OwnerFlashSale, OwnerGroupBuy } from '../../cloudfunctions/contracts/campaign';
import type { OwnerProductDetail } from '../../cloudfunctions/contracts/shop';

/** A local (China) time, so the shown moment holds in any time zone. */
export const localTime = (y: number, m: number, d: number, h = 12, mi = 0) =>
  new Date(y, m - 1, d, h, mi).toISOString();

/** 云南古树红茶 in a group of 3 at ¥39.90–¥69.90, live from 12月8日 10:00 to 12月10日 22:00. */
export function makeOwnerGroupBuy(over: Partial<OwnerGroupBuy> = {}): OwnerGroupBuy {
  return {
    id: 'gb1',
    productId: 'p1',
    title: '云南古树红茶',
    skus: [
      { skuId: 's1', spec: '100g', priceFen: 4990, groupPriceFen: 3990 },
      { skuId: 's2', spec: '250g', priceFen: 9990, groupPriceFen: 6990 },
    ],
    size: 3,
    hours: 24,
    startAt: localTime(2026, 12, 8, 10),
    endAt: localTime(2026, 12, 10, 22),
    stockCap: 100,
    sold: 12,
    perMember: 2,
    status: 'live',
    groups: { forming: 2, succeeded: 4, failed: 1 },
    ...over,
  };
}

/** 五常大米 at ¥29.90 (was ¥49.90), 50 set aside of which 20 sold, live. */
export function makeOwnerFlashSale(over: Partial<OwnerFlashSale> = {}): OwnerFlashSale {
  return {
    id: 'fs1',
    productId: 'p2',
    title: '五常大米',
    skus: [
      { skuId: 's3', spec: '5kg', priceFen: 2990, originalFen: 4990, stock: 50, stockLeft: 30 },
      { skuId: 's4', spec: '10kg', priceFen: 5990, originalFen: 8990, stock: 10, stockLeft: 10 },
    ],
    startAt: localTime(2026, 12, 8, 10),
    endAt: localTime(2026, 12, 8, 12),
    perMember: 1,
    status: 'live',
    sold: 20,
    ...over,
  };
}

/** A group of 3 with its leader 小明 paid, one slot left, ending 12月9日 10:00. */
export function makeOwnerGroup(over: Partial<Group & { title: string }> = {}): Group & { title: string } {
  return {
    id: 'g1',
    groupBuyId: 'gb1',
    productId: 'p1',
    skuId: 's1',
    size: 3,
    members: [
      { nickname: '小明', avatar: 'https://example.com/a.png', leader: true, joinedAt: localTime(2026, 12, 8, 10) },
      { nickname: '小红', leader: false, joinedAt: localTime(2026, 12, 8, 11) },
    ],
    status: 'forming',
    endsAt: localTime(2026, 12, 9, 10),
    slotsLeft: 1,
    title: '云南古树红茶',
    ...over,
  };
}

/** A product as `shop.ownerProduct` answers: two SKUs, ¥49.90 with 8 in stock and ¥99.90 with 3. */
export function makeOwnerProductDetail(over: Partial<OwnerProductDetail> = {}): OwnerProductDetail {
  return {
    id: 'p1',
    title: '云南古树红茶',
    description: '',
    photos: [],
    skus: [
      { id: 's1', spec: '100g', priceFen: 4990, stock: 8 },
      { id: 's2', spec: '250g', priceFen: 9990, stock: 3 },
    ],
    commissionRateBp: null,
    defaultCommissionRateBp: 500,
    status: 'on_sale',
    categoryIds: [],
    ...over,
  };
}
