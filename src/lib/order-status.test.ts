import {
  AFTER_SALE_STATUS_LABELS,
  AFTER_SALE_TYPE_LABELS,
  BUYER_TAB_LIST,
  buyerCommands,
  ORDER_STATUS_LABELS,
  parseBuyerTab,
} from './order-status';

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
    expect(buyerCommands(['ship', 'confirmReceipt', 'applyAfterSale'])).toEqual(['applyAfterSale', 'confirmReceipt']);
    expect(buyerCommands([])).toEqual([]);
  });

  it('names every after-sale status and type in the shop’s words, each status differently', () => {
    expect(AFTER_SALE_STATUS_LABELS.refunding).toBe('退款中');
    expect(AFTER_SALE_STATUS_LABELS.awaiting_return).toBe('待寄回');
    expect(AFTER_SALE_STATUS_LABELS.returning).toBe('退货中');
    const labels = Object.values(AFTER_SALE_STATUS_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    expect(AFTER_SALE_TYPE_LABELS).toEqual({ refund_only: '仅退款', return_refund: '退货退款' });
  });
});
