import { ORDER_ID_PATTERN } from '../contracts/order';
import { chinaDay, orderIdFor, requestHashOf } from './order-id';

describe('order ids', () => {
  it('are stable per buyer and request, distinct otherwise, and valid out_trade_no values', () => {
    const a = orderIdFor('dev_bob', 'req-00000001');
    expect(a).toMatch(ORDER_ID_PATTERN);
    expect(orderIdFor('dev_bob', 'req-00000001')).toBe(a);
    expect(orderIdFor('dev_alice', 'req-00000001')).not.toBe(a);
    expect(orderIdFor('dev_bob', 'req-00000002')).not.toBe(a);
  });

  it('fingerprints request content', () => {
    expect(requestHashOf({ items: [1] })).toBe(requestHashOf({ items: [1] }));
    expect(requestHashOf({ items: [1] })).not.toBe(requestHashOf({ items: [2] }));
  });

  it('counts days in China time', () => {
    expect(chinaDay(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(chinaDay(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });
});
