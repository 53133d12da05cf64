import type { CommissionLine } from '../../../cloudfunctions/contracts/commission';
import { friendsText, partialReversalText, rowCommissionFen, settleText } from './text';

// Built from local fields so the shown day holds in any time zone.
const day = (mo: number, d: number) => new Date(2026, mo - 1, d, 12, 0).toISOString();

const line = (extra: Partial<CommissionLine>): CommissionLine => ({
  id: 'c1',
  orderId: 'o1',
  productId: 'p1',
  title: '云南古树红茶',
  spec: '200g 罐装',
  channel: 'chat',
  baseFen: 10000,
  rateBp: 500,
  amountFen: 500,
  reversedFen: 0,
  status: 'pending',
  createdAt: day(11, 20),
  settlesAt: null,
  ...extra,
});

describe('settleText', () => {
  it('a pending line of a completed order: the day it settles', () => {
    expect(settleText(line({ settlesAt: day(12, 8) }))).toBe('预计 12月8日 结算');
  });

  it('a pending line of an order not yet completed: the rule', () => {
    expect(settleText(line({ settlesAt: null }))).toBe('订单完成且售后期结束后结算');
  });

  it('a settled line: the day it settled', () => {
    expect(settleText(line({ status: 'settled', settledAt: day(12, 9), settlesAt: null }))).toBe('已于 12月9日 结算');
  });

  it('a reversed line: the day the refund took it back', () => {
    expect(settleText(line({ status: 'reversed', reversedFen: 500, reversedAt: day(11, 25) }))).toBe(
      '11月25日 因退款退回',
    );
  });
});

describe('partialReversalText', () => {
  it('is nothing when nothing was taken back', () => {
    expect(partialReversalText(line({}))).toBeNull();
  });

  it('names the part a partial refund took back', () => {
    expect(partialReversalText(line({ reversedFen: 200 }))).toBe('已退回 ¥2.00');
    expect(partialReversalText(line({ status: 'settled', reversedFen: 120 }))).toBe('已退回 ¥1.20');
  });

  it('is nothing more when the whole line was taken back (the status says it)', () => {
    expect(partialReversalText(line({ status: 'reversed', reversedFen: 500 }))).toBeNull();
  });
});

describe('rowCommissionFen', () => {
  it('counts pending and settled, not reversed', () => {
    const row = {
      productId: 'p1',
      title: 't',
      channel: 'chat' as const,
      visits: 9,
      visitors: 5,
      orders: 2,
      gmvFen: 20000,
      pendingFen: 300,
      settledFen: 700,
      reversedFen: 500,
    };
    expect(rowCommissionFen(row)).toBe(1000);
  });
});

describe('friendsText', () => {
  it('counts friends who released or muted, and says so plainly when there are none', () => {
    expect(friendsText({ released: 3, muted: 1 })).toBe('3 位好友解除了绑定 · 1 位好友不再看你的推荐');
    expect(friendsText({ released: 0, muted: 2 })).toBe('0 位好友解除了绑定 · 2 位好友不再看你的推荐');
    expect(friendsText({ released: 0, muted: 0 })).toBe('还没有好友解除绑定或不再看你的推荐');
  });
});
