import { BUYER_TAB_LIST, buyerCommands, ORDER_STATUS_LABELS, parseBuyerTab } from './order-status';

describe('order status', () => {
  it('labels every status in the shop’s words', () => {
    expect(ORDER_STATUS_LABELS.pending_payment).toBe('待付款');
    expect(ORDER_STATUS_LABELS.paid).toBe('待发货');
    expect(ORDER_STATUS_LABELS.shipped).toBe('待收货');
    expect(ORDER_STATUS_LABELS.refunding).toBe('售后中');
  });

  it('reads the tab of a page query, falling back to all', () => {
    expect(BUYER_TAB_LIST).toEqual(['all', 'pending_payment', 'to_ship', 'to_receive', 'completed', 'after_sale']);
    expect(parseBuyerTab('to_receive')).toBe('to_receive');
    expect(parseBuyerTab('shipped')).toBe('all');
    expect(parseBuyerTab(undefined)).toBe('all');
  });

  it('offers only the buyer commands the function returned, in a fixed order', () => {
    expect(buyerCommands(['pay', 'cancel'])).toEqual(['cancel', 'pay']);
    expect(buyerCommands(['ship', 'approveRefund', 'requestRefund'])).toEqual(['requestRefund']);
    expect(buyerCommands([])).toEqual([]);
  });
});
