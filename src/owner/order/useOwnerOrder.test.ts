import { makeOrder } from '../shared/test-orders';
import { approveRefundInput, partialRefundAllowed } from './useOwnerOrder';

const refund = { reason: '少了一件', requestedAt: '2026-11-25T07:00:00.000Z', refundFen: 30780 };

describe('refund approval input', () => {
  it('allows a partial refund only once the order has shipped', () => {
    expect(partialRefundAllowed(makeOrder({ status: 'refunding', refund }))).toBe(false);
    expect(
      partialRefundAllowed(makeOrder({ status: 'refunding', refund, shippedAt: '2026-11-23T08:00:00.000Z' })),
    ).toBe(true);
  });

  it('sends refundFen only when it is less than the full refund', () => {
    const order = makeOrder({ status: 'refunding', refund, shippedAt: '2026-11-23T08:00:00.000Z' });
    expect(approveRefundInput(order, 30780)).toEqual({ orderId: order.id, approve: true });
    expect(approveRefundInput(order, 12000)).toEqual({ orderId: order.id, approve: true, refundFen: 12000 });
  });
});
