// WeChat's shipping rules (发货信息管理服务) through the emulator: shipping an order uploads its shipping info by the
// cloud call wxa.sec.order.uploadShippingInfo with every field WeChat requires; a failed upload leaves the order
// shipped and 'failed' with WeChat's reason, and the scheduler uploads it again; 48001 (not in the service) is
// recorded once and never asked again; the owner's switch turns uploads off; only an owner ships.
import { post } from '../emulator/harness';
import { MINUTE, OWNER, line, useShop } from './order-kit';

const shop = useShop();

const API = 'wxa.sec.order.uploadShippingInfo';
const APPLE = line('aksu-apple', 'aksu-apple-1');
const RICE = line('rice5kg', 'rice5kg-1', 2);

afterEach(async () => {
  await post(shop.emu, '/__dev/shipping-info', { failing: null });
  await shop.call(OWNER, 'shop', { action: 'updateSettings', shippingInfoUpload: true });
});

/** The uploads WeChat received for an order, oldest first. */
async function uploadsOf(orderId: string): Promise<any[]> {
  return (await shop.outbox()).filter((m) => m.api === API && m.body.order_key.out_trade_no === orderId);
}

const failing = (errcode: number | null) => post(shop.emu, '/__dev/shipping-info', { failing: errcode });
const ownerView = async (orderId: string) => (await shop.ok(OWNER, 'ownerGet', { orderId })).order;

test('on ship, the upload has every field WeChat requires, the phone masked; the order says synced', async () => {
  const paid = await shop.paid('bob', [APPLE, RICE]);
  const shipped = (await shop.ok(OWNER, 'ship', { orderId: paid.id, courier: 'SF', trackingNo: 'sf1234567890' })).order;
  expect(shipped.shipping).toEqual({ carrier: '顺丰速运', courier: 'SF', trackingNo: 'SF1234567890' });
  expect(shipped.shippingSync).toEqual({ status: 'synced', at: shipped.shippedAt });

  const uploads = await uploadsOf(paid.id);
  expect(uploads).toHaveLength(1);
  const { body, errcode, functionName } = uploads[0];
  expect({ errcode, functionName }).toEqual({ errcode: 0, functionName: 'order' });
  const settings = (await shop.db.collection('settings').doc('shop').get()).data;
  expect(body).toEqual({
    order_key: { order_number_type: 1, mchid: settings.subMchId, out_trade_no: paid.id },
    logistics_type: 1,
    delivery_mode: 1,
    shipping_list: [
      {
        tracking_no: 'SF1234567890',
        express_company: 'SF',
        item_desc: paid.items.map((l) => `${l.title}*${l.qty}`).join('，'),
        contact: { receiver_contact: '138****8000' },
      },
    ],
    upload_time: expect.any(String),
    payer: { openid: 'dev_bob' },
  });
  expect(settings.subMchId).toMatch(/^\d+$/);
  // RFC 3339 in China time, the moment of the ship.
  expect(body.upload_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
  expect(new Date(body.upload_time).toISOString()).toBe(shipped.shippedAt);
  // The buyer's view of the order does not carry it.
  expect((await shop.get('bob', paid.id)).shippingSync).toBeUndefined();
});

test('couriers other than SF get no contact', async () => {
  const paid = await shop.paid('carol', [APPLE]);
  await shop.ok(OWNER, 'ship', { orderId: paid.id, courier: 'ZTO', trackingNo: 'ZT7788990011' });
  const [upload] = await uploadsOf(paid.id);
  expect(upload.body.shipping_list).toEqual([
    { tracking_no: 'ZT7788990011', express_company: 'ZTO', item_desc: `${paid.items[0].title}*1` },
  ]);
  expect((await ownerView(paid.id)).shipping).toEqual({
    carrier: '中通快递',
    courier: 'ZTO',
    trackingNo: 'ZT7788990011',
  });
});

test('a failed upload leaves the order shipped and failed with why; the scheduler uploads it again', async () => {
  const paid = await shop.paid('dave', [APPLE]);
  await failing(-1);
  const shipped = await shop.ship(paid.id);
  expect(shipped.status).toBe('shipped');
  expect(shipped.shippingSync).toEqual({ status: 'failed', error: '-1 system error', at: shipped.shippedAt });
  expect(await uploadsOf(paid.id)).toHaveLength(1);

  // Still failing a minute later: tried again, still failed, and not tried again within the same minute.
  await shop.advance(MINUTE + 1000);
  await shop.runScheduler();
  await shop.runScheduler();
  expect((await uploadsOf(paid.id)).map((u) => u.errcode)).toEqual([-1, -1]);
  expect((await ownerView(paid.id)).shippingSync).toMatchObject({ status: 'failed', error: '-1 system error' });

  await failing(null);
  await shop.advance(5 * MINUTE + 1000);
  await shop.runScheduler();
  const synced = await ownerView(paid.id);
  expect(synced.status).toBe('shipped');
  expect(synced.shippingSync).toEqual({ status: 'synced', at: expect.any(String) });
  expect((await uploadsOf(paid.id)).map((u) => u.errcode)).toEqual([-1, -1, 0]);
  // Synced is final: later runs send nothing.
  await shop.advance(60 * MINUTE);
  await shop.runScheduler();
  expect(await uploadsOf(paid.id)).toHaveLength(3);
});

test('a failing upload is tried a bounded number of times, then left failed for the owner', async () => {
  const paid = await shop.paid('erin', [APPLE]);
  await failing(10060012);
  await shop.ship(paid.id);
  for (let run = 0; run < 8; run++) {
    await shop.advance(3 * 60 * MINUTE);
    await shop.runScheduler();
  }
  expect(await uploadsOf(paid.id)).toHaveLength(5);
  const doc = await shop.orderDoc(paid.id);
  expect(doc.shippingSync).toMatchObject({ status: 'failed', attempts: 5 });
  expect(doc.shippingSync.retryAt).toBeUndefined();
});

test('48001 (not in the service) is recorded once and never asked again', async () => {
  const paid = await shop.paid('frank', [APPLE]);
  await failing(48001);
  const shipped = await shop.ship(paid.id);
  expect(shipped.shippingSync).toEqual({
    status: 'not_joined',
    error: '48001 api unauthorized',
    at: shipped.shippedAt,
  });
  await failing(null);
  await shop.advance(10 * MINUTE);
  await shop.runScheduler();
  expect(await uploadsOf(paid.id)).toHaveLength(1);
  expect((await ownerView(paid.id)).shippingSync.status).toBe('not_joined');
});

test('an upload cut off between the ship and the call (pending) is taken by the scheduler after a minute', async () => {
  const paid = await shop.paid('gina', [APPLE]);
  await shop.ship(paid.id);
  // As a crash would leave it: shipped, the upload never made.
  const shippedAt = new Date((await shop.orderDoc(paid.id)).shippedAt);
  await shop.db
    .collection('orders')
    .doc(paid.id)
    .update({
      data: {
        shippingSync: shop.db.command.set({
          status: 'pending',
          at: shippedAt,
          attempts: 0,
          retryAt: new Date(shippedAt.getTime() + MINUTE),
        }),
      },
    });
  expect((await ownerView(paid.id)).shippingSync.status).toBe('pending');
  await shop.runScheduler();
  expect(await uploadsOf(paid.id)).toHaveLength(1); // not yet due: the ship's own upload only
  await shop.advance(MINUTE + 1000);
  await shop.runScheduler();
  expect(await uploadsOf(paid.id)).toHaveLength(2);
  expect((await ownerView(paid.id)).shippingSync.status).toBe('synced');
});

test('with the switch off, nothing is sent and the order says off; a failed one turns off at its retry', async () => {
  const failed = await shop.paid('hank', [APPLE]);
  await failing(-1);
  await shop.ship(failed.id);
  await failing(null);

  const settings = await shop.call(OWNER, 'shop', { action: 'updateSettings', shippingInfoUpload: false });
  expect(settings.data.shippingInfoUpload).toBe(false);

  const paid = await shop.paid('hank', [APPLE]);
  const before = (await shop.outbox()).filter((m) => m.api === API).length;
  const shipped = await shop.ship(paid.id);
  expect(shipped.status).toBe('shipped');
  expect(shipped.shippingSync).toEqual({ status: 'off', at: shipped.shippedAt });

  await shop.advance(2 * MINUTE);
  await shop.runScheduler();
  expect((await ownerView(failed.id)).shippingSync.status).toBe('off');
  expect((await shop.outbox()).filter((m) => m.api === API)).toHaveLength(before);
});

test('a buyer calling ship is refused and nothing is uploaded', async () => {
  const paid = await shop.paid('ivy', [APPLE]);
  expect(await shop.refused('ivy', 'ship', { orderId: paid.id, courier: 'SF', trackingNo: 'SF1234567890' })).toBe(
    'auth.not_owner',
  );
  expect(await uploadsOf(paid.id)).toEqual([]);
  expect((await shop.orderDoc(paid.id)).shippingSync).toBeUndefined();
});
