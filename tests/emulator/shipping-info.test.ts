// 发货信息管理服务's cloud call wxa.sec.order.uploadShippingInfo through the real wx-server-sdk
// (`cloud.openapi.wxa.sec.order.uploadShippingInfo`): the fields WeChat requires, its errcodes for missing or bad
// ones, every call kept in /__dev/outbox with the answer, and POST /__dev/shipping-info making calls fail.
import { get, post, sdkFor, startEmulator, type RunningEmulator } from './harness';

let emu: RunningEmulator;
let upload: (body: Record<string, unknown>) => Promise<any>;

beforeAll(async () => {
  emu = await startEmulator();
  const cloud = sdkFor(emu);
  upload = (body) => cloud.openapi.wxa.sec.order.uploadShippingInfo(body);
});

afterAll(async () => {
  await emu.stop();
});

afterEach(async () => {
  await post(emu, '/__dev/shipping-info', { failing: null });
});

const API = 'wxa.sec.order.uploadShippingInfo';

function body(change: Record<string, unknown> = {}, item: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_key: { order_number_type: 1, mchid: '1900000109', out_trade_no: 'YJ0123456789ABCDEF' },
    logistics_type: 1,
    delivery_mode: 1,
    shipping_list: [
      {
        tracking_no: 'SF1234567890',
        express_company: 'SF',
        item_desc: '手冲咖啡豆*2',
        contact: { receiver_contact: '138****5678' },
        ...item,
      },
    ],
    upload_time: '2026-12-02T20:30:00.000+08:00',
    payer: { openid: 'dev_bob' },
    ...change,
  };
}

async function outbox(): Promise<any[]> {
  return (await get(emu, '/__dev/outbox')).json.messages.filter((m: any) => m.api === API);
}

/** The errcode the SDK throws with (WeChat's errcode), or 0 when the call succeeded. */
async function errcodeOf(b: Record<string, unknown>): Promise<number> {
  try {
    return (await upload(b)).errCode;
  } catch (error) {
    return (error as { errCode: number }).errCode;
  }
}

test('a well-formed upload succeeds and is kept in the outbox whole, with the answer', async () => {
  const before = (await outbox()).length;
  const answer = await upload(body());
  expect(answer).toMatchObject({ errCode: 0, errMsg: `openapi.${API}:ok` });
  const kept = (await outbox()).slice(before);
  expect(kept).toEqual([
    { id: expect.any(Number), api: API, body: body(), errcode: 0, errmsg: 'ok', sentAt: expect.any(Number) },
  ]);
});

test.each([
  ['order_key missing', { order_key: undefined }, 47001],
  ['payer missing', { payer: undefined }, 47001],
  ['order_number_type 1 without mchid', { order_key: { order_number_type: 1, out_trade_no: 'YJ1' } }, 10060014],
  ['an unknown order_number_type', { order_key: { order_number_type: 3, transaction_id: '42' } }, 10060014],
  ['an out_trade_no with a space', { order_key: { order_number_type: 1, mchid: '1', out_trade_no: 'a b' } }, 10060014],
  ['logistics_type 5', { logistics_type: 5 }, 10060005],
  ['delivery_mode 3', { delivery_mode: 3 }, 268485224],
  ['split without is_all_delivered', { delivery_mode: 2 }, 10060007],
  ['an empty shipping_list', { shipping_list: [] }, 47001],
  ['upload_time without a zone', { upload_time: '2026-12-02 20:30:00' }, 268485216],
  ['upload_time as a number', { upload_time: 1764678600000 }, 268485216],
  ['payer without openid', { payer: {} }, 10060014],
])('refused: %s', async (_name, change, errcode) => {
  expect(await errcodeOf(body(change))).toBe(errcode);
});

test('unified delivery takes exactly one parcel; at most 15 in all', async () => {
  const item = (body().shipping_list as object[])[0];
  expect(await errcodeOf(body({ shipping_list: [item, item] }))).toBe(268485228);
  expect(await errcodeOf(body({ delivery_mode: 2, is_all_delivered: true, shipping_list: Array(16).fill(item) }))).toBe(
    10060024,
  );
  expect(await errcodeOf(body({ delivery_mode: 2, is_all_delivered: true, shipping_list: [item, item] }))).toBe(0);
});

test('item_desc is required and at most 120 characters (Chinese characters count one each)', async () => {
  expect(await errcodeOf(body({}, { item_desc: '' }))).toBe(10060008);
  expect(await errcodeOf(body({}, { item_desc: '豆'.repeat(121) }))).toBe(10060009);
  expect(await errcodeOf(body({}, { item_desc: '豆'.repeat(120) }))).toBe(0);
});

test('express delivery needs the tracking number and the company code', async () => {
  expect(await errcodeOf(body({}, { tracking_no: undefined }))).toBe(10060014);
  expect(await errcodeOf(body({}, { express_company: '' }))).toBe(10060014);
  expect(await errcodeOf(body({}, { tracking_no: '1'.repeat(129) }))).toBe(10060026);
  // Other logistics types need neither (e.g. 3: virtual goods).
  expect(await errcodeOf(body({ logistics_type: 3, shipping_list: [{ item_desc: '会员卡' }] }))).toBe(0);
});

test('the receiver contact is masked with its last four digits readable, and required for SF only', async () => {
  expect(await errcodeOf(body({}, { contact: { receiver_contact: '13812345678' } }))).toBe(10060014);
  expect(await errcodeOf(body({}, { contact: { receiver_contact: '138****56**' } }))).toBe(10060014);
  expect(await errcodeOf(body({}, { contact: undefined }))).toBe(10060014);
  expect(await errcodeOf(body({}, { express_company: 'ZTO', contact: undefined }))).toBe(0);
  expect(await errcodeOf(body({}, { contact: { consignor_contact: '021-****1234' } }))).toBe(0);
});

test('refused calls are kept in the outbox too, with the errcode', async () => {
  const before = (await outbox()).length;
  await errcodeOf(body({ logistics_type: 9 }));
  const kept = (await outbox()).slice(before);
  expect(kept).toEqual([expect.objectContaining({ errcode: 10060005, body: body({ logistics_type: 9 }) })]);
});

test('POST /__dev/shipping-info { failing } makes well-formed calls answer that errcode, until null', async () => {
  expect((await post(emu, '/__dev/shipping-info', { failing: 48001 })).json).toEqual({ failing: 48001 });
  await expect(upload(body())).rejects.toMatchObject({
    errCode: 48001,
    errMsg: expect.stringContaining('unauthorized'),
  });
  await post(emu, '/__dev/shipping-info', { failing: -1 });
  await expect(upload(body())).rejects.toMatchObject({ errCode: -1 });
  // A malformed body still answers its own errcode first, as WeChat checks the request before the service.
  expect(await errcodeOf(body({ delivery_mode: 7 }))).toBe(268485224);
  expect((await get(emu, '/__dev/shipping-info')).json).toEqual({ failing: -1 });
  await post(emu, '/__dev/shipping-info', { failing: null });
  expect(await errcodeOf(body())).toBe(0);
  const last = (await outbox()).slice(-4).map((m) => m.errcode);
  expect(last).toEqual([48001, -1, 268485224, 0]);
});

test('POST /__dev/shipping-info refuses a failing that is not an errcode', async () => {
  for (const failing of [0, 'yes', 1.5, true]) {
    expect((await post(emu, '/__dev/shipping-info', { failing })).status).toBe(400);
  }
  expect((await get(emu, '/__dev/shipping-info')).json).toEqual({ failing: null });
});

test('the outbox survives a restart of the emulator on the same data folder', async () => {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const data = await mkdtemp(join(tmpdir(), 'yj-shipping-'));
  try {
    let other = await startEmulator({ data });
    await sdkFor(other).openapi.wxa.sec.order.uploadShippingInfo(body());
    await other.stop();
    other = await startEmulator({ data });
    const kept = (await get(other, '/__dev/outbox')).json.messages;
    await other.stop();
    expect(kept).toEqual([expect.objectContaining({ api: API, body: body(), errcode: 0 })]);
  } finally {
    await rm(data, { recursive: true, force: true });
  }
});
