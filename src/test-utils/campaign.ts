// Group buys, groups and flash sales as the functions answer them, for the component tests of the 拼团 and 秒杀 pages.
// Times are offsets from a fixed clock (NOW), which the tests set with jest's fake timers.
import type {
  Group,
  GroupBuy,
  GroupMember,
  LiveGroupBuy,
  ProductFlashSale,
} from '../../cloudfunctions/contracts/campaign';

/** The tests' clock: 2026-12-03 10:00:00 local time. */
export const NOW = new Date(2026, 11, 3, 10, 0, 0).getTime();
export const at = (ms: number) => new Date(NOW + ms).toISOString();
export const HOUR = 3600_000;

/** 23:41:05 from NOW. */
export const IN_23_41_05 = (23 * 3600 + 41 * 60 + 5) * 1000;

export function member(nickname: string, over: Partial<GroupMember> = {}): GroupMember {
  return { nickname, leader: false, joinedAt: at(-HOUR), ...over };
}

/** A 3-person group buy of product p1 (two SKUs: s1 at ¥9.90 instead of ¥12.90, s3 at ¥11.90 instead of ¥15.90). */
export function makeGroupBuy(over: Partial<GroupBuy> = {}): GroupBuy {
  return {
    id: 'gb1',
    productId: 'p1',
    skus: [
      { skuId: 's1', spec: '200g 罐装', priceFen: 1290, groupPriceFen: 990 },
      { skuId: 's3', spec: '100g 尝鲜', priceFen: 1590, groupPriceFen: 1190 },
    ],
    size: 3,
    hours: 24,
    startAt: at(-24 * HOUR),
    endAt: at(7 * 24 * HOUR),
    stockCap: 100,
    sold: 4,
    perMember: 2,
    status: 'live',
    ...over,
  };
}

/** alice's group of s1: alice paid, 还差 1 人 (one slot held by an unpaid join), ending 23:41:05 from NOW. */
export function makeGroup(over: Partial<Group> = {}): Group {
  return {
    id: 'g_alice',
    groupBuyId: 'gb1',
    productId: 'p1',
    skuId: 's1',
    size: 3,
    members: [member('alice', { leader: true })],
    status: 'forming',
    endsAt: at(IN_23_41_05),
    slotsLeft: 1,
    ...over,
  };
}

export function makeLive(over: Partial<LiveGroupBuy> = {}): LiveGroupBuy {
  return { groupBuy: makeGroupBuy(), openGroups: [makeGroup()], canBuy: 2, ...over };
}

/** A flash sale of s1 at ¥6.90 (8 units left of the sale) and s2 at ¥29.90 (none left). */
export function makeFlashSale(over: Partial<ProductFlashSale> = {}): ProductFlashSale {
  return {
    id: 'fs1',
    skus: [
      { skuId: 's1', priceFen: 690, stockLeft: 8 },
      { skuId: 's2', priceFen: 2990, stockLeft: 0 },
    ],
    startAt: at(-HOUR),
    endAt: at(2 * HOUR + 3 * 60 * 1000 + 4000),
    perMember: 1,
    status: 'live',
    ...over,
  };
}
