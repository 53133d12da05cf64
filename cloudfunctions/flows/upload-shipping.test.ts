// The shipping info body's pure parts: the masked phone, the goods text within WeChat's 120 characters, China-time
// RFC 3339, and which couriers get the contact.
import { chinaRfc3339, itemDesc, maskPhone, shippingInfoBody, shippingSyncOnShip } from './upload-shipping';

test('a mobile keeps its first three and last four digits; a shorter number only its last four', () => {
  expect(maskPhone('13812345678')).toBe('138****5678');
  expect(maskPhone('88886666')).toBe('****6666');
});

test('the goods text is "title*qty" joined, cut to 120 characters with an ellipsis', () => {
  expect(
    itemDesc([
      { title: '普洱茶饼', qty: 2 },
      { title: '大米', qty: 1 },
    ]),
  ).toBe('普洱茶饼*2，大米*1');
  const long = itemDesc([
    { title: '茶'.repeat(70), qty: 1 },
    { title: '米'.repeat(70), qty: 1 },
  ]);
  expect(Array.from(long)).toHaveLength(120);
  expect(long.endsWith('…')).toBe(true);
  const exact = itemDesc([{ title: '茶'.repeat(118), qty: 1 }]);
  expect(exact).toBe(`${'茶'.repeat(118)}*1`);
  // A character outside the BMP counts once, as WeChat counts characters.
  expect(Array.from(itemDesc([{ title: '🍵'.repeat(130), qty: 1 }]))).toHaveLength(120);
});

test('upload time is RFC 3339 in China time, the same instant', () => {
  const now = new Date('2026-12-02T16:30:05.123Z');
  expect(chinaRfc3339(now)).toBe('2026-12-03T00:30:05.123+08:00');
  expect(new Date(chinaRfc3339(now)).getTime()).toBe(now.getTime());
});

test('the contact goes only with SF; an order shipped with the switch off is off from the start', () => {
  const order = {
    _id: 'YJ0123456789ABCDEF',
    buyerId: 'o_buyer',
    items: [{ title: '大米', qty: 1 }] as never,
    address: { name: '张三', phone: '13800138000', region: '上海市 浦东新区', detail: '世纪大道 100 号' },
  };
  const now = new Date('2026-12-02T12:00:00.000Z');
  const sf = shippingInfoBody({ ...order, shipping: { courier: 'SF', trackingNo: 'SF1' } }, { subMchId: '1900' }, now);
  expect(sf.shipping_list[0].contact).toEqual({ receiver_contact: '138****8000' });
  expect(sf.order_key).toEqual({ order_number_type: 1, mchid: '1900', out_trade_no: 'YJ0123456789ABCDEF' });
  const zto = shippingInfoBody(
    { ...order, shipping: { courier: 'ZTO', trackingNo: 'ZT1' } },
    { subMchId: '1900' },
    now,
  );
  expect(zto.shipping_list[0]).not.toHaveProperty('contact');
  expect(shippingSyncOnShip({ shippingInfoUpload: false }, now)).toEqual({ status: 'off', at: now, attempts: 0 });
  expect(shippingSyncOnShip({ shippingInfoUpload: true }, now)).toEqual({
    status: 'pending',
    at: now,
    attempts: 0,
    retryAt: new Date(now.getTime() + 60_000),
  });
});
