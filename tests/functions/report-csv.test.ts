// The owner's CSV work through the emulator: exportOrders (a header-only file for an empty range; 5,000 lines read
// back and compared with the stored orders: amounts in yuan, China times at the midnight edges, a tricky address,
// formula cells guarded, the BOM) and importShipments (good rows shipped exactly as order.ship ships, each bad row
// with its coded reason and its order untouched, a 2 MB file refused whole, hostile fileIDs); non-owners refused.
import { randomUUID } from 'node:crypto';
import { parseCsv } from '../../cloudfunctions/core/csv';
import { databaseOf } from '../../cloudfunctions/data/db';
import { loadSettings } from '../../cloudfunctions/data/settings';
import { importShipments } from '../../cloudfunctions/report/import-shipments';
import { sdkFor } from '../emulator/harness';
import { ORDER_STATUS_LABELS } from '../../src/lib/order-status';
import { OWNER, line, useShop } from './order-kit';

const shop = useShop();

const APPLE = line('aksu-apple', 'aksu-apple-1');
const report = (as: string, action: string, input: Record<string, unknown>) =>
  shop.call(as, 'report', { action, ...input });
const codeOf = (result: any) => (result.ok ? 'ok' : result.error.code);

async function openidOf(as: string): Promise<string> {
  return (await shop.call(as, 'shop', { action: 'session' })).data.user.openid;
}

/** The owner's client upload (the h5 build's wx.cloud.uploadFile) of `bytes` to `cloudPath`; answers the fileID. */
async function upload(as: string, cloudPath: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${shop.emu.origin}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${await shop.token(as)}` },
    body: new Uint8Array(bytes),
  });
  const body = (await res.json()) as { fileID?: string };
  if (!res.ok || !body.fileID) throw new Error(`upload of ${cloudPath}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.fileID;
}

const importFile = async (text: string | Buffer) =>
  upload(OWNER, `imports/${await openidOf(OWNER)}/${randomUUID()}.csv`, Buffer.from(text));

/** The export's file as stored: its bytes fetched from the temporary URL. */
async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

describe('exportOrders', () => {
  test('an empty range is a header-only file with the BOM, stored under exports/', async () => {
    const result = await report(OWNER, 'exportOrders', { from: '2024-01-01', to: '2024-01-31' });
    expect(codeOf(result)).toBe('ok');
    expect(result.data.rows).toBe(0);
    expect(result.data.fileID).toMatch(/^cloud:\/\/[^/]+\/exports\/[^/]+\.csv$/);
    const bytes = await download(result.data.url);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toEqual([expect.stringMatching(/^\uFEFF订单号,下单时间,状态,/), '']);
  });

  test.each([
    [{ from: '2025-03-10', to: '2025-03-01' }],
    [{ from: '2025-02-29', to: '2025-03-01' }],
    [{ from: '2024-01-01', to: '2025-01-01' }],
  ])('%j is refused as report.range_invalid', async (range) => {
    expect(codeOf(await report(OWNER, 'exportOrders', range))).toBe('report.range_invalid');
  });

  test.each([
    ['a date with slashes', { from: '2025/03/01', to: '2025-03-02' }],
    ['an unknown status', { from: '2025-03-01', to: '2025-03-02', status: 'lost' }],
    ['an operator for a date', { from: { $gt: '' }, to: '2025-03-02' }],
    ['a 10 KB date', { from: '2025-03-01', to: `2025-03-02${'x'.repeat(10_000)}` }],
  ])('%s is refused as input.invalid', async (_name, input) => {
    expect(codeOf(await report(OWNER, 'exportOrders', input))).toBe('input.invalid');
  });

  test('5,000 lines come back exactly as stored: rows, times, statuses, yuan, sharers, a tricky address', async () => {
    const sharerOpenid = await openidOf('sharon');
    const sharer = (await shop.db.collection('users').where({ openid: sharerOpenid }).get()).data[0];
    const statuses = ['paid', 'shipped', 'completed', 'cancelled', 'refunded'] as const;
    const start = Date.parse('2025-02-28T16:00:00.000Z'); // 2025-03-01 00:00 China time
    const end = Date.parse('2025-03-10T16:00:00.000Z'); // the midnight after 2025-03-10
    const doc = (i: number, createdAt: Date) => {
      const items = [0, 1, 2, 3].map((k) => ({
        productId: `p${k}`,
        skuId: `p${k}-1`,
        skuIndex: 0,
        title: k === 3 ? '=HYPERLINK("http://evil")' : `商品 ${k}, "精选"`,
        spec: k === 2 ? '5kg\n礼盒' : '默认',
        cover: '',
        priceFen: 100 * k + 1 + (i % 7),
        qty: k + 1,
        lineFen: (100 * k + 1 + (i % 7)) * (k + 1),
      }));
      const goodsFen = items.reduce((s, l) => s + l.lineFen, 0);
      const status = statuses[i % statuses.length];
      const paid = status !== 'cancelled';
      return {
        _id: `YJEXP${String(i).padStart(13, '0')}`,
        requestKey: `export-test:${i}`,
        requestHash: 'x',
        buyerId: 'export-test',
        status,
        items,
        amounts: {
          goodsFen,
          couponFen: i % 3,
          pointsUsed: 0,
          pointsDiscountFen: i % 5,
          shippingFen: i % 2 ? 800 : 0,
          payableFen: goodsFen,
        },
        address: {
          name: i % 11 === 0 ? '@李四' : '张三',
          phone: '13800138000',
          region: '上海市 浦东新区',
          detail: i % 4 === 0 ? '世纪大道 "100" 号,\n8 楼' : '世纪大道 100 号',
        },
        ...(i % 6 === 0 ? { note: '-1+1 请尽快发货' } : {}),
        ...(paid ? { paidFen: goodsFen + (i % 2 ? 800 : 0) - (i % 3) - (i % 5) } : {}),
        ...(i % 9 === 0
          ? { sharer: { id: sharerOpenid, code: sharer.shareCode, channel: 'chat', productId: 'p0', rates: {} } }
          : {}),
        ...(status === 'shipped' ? { shipping: { carrier: '顺丰速运', courier: 'SF', trackingNo: `SF${i}0000` } } : {}),
        createdAt,
        day: chinaTime(createdAt).slice(0, 10),
        payBefore: createdAt,
        holdsStock: false,
        timeline: [],
      };
    };
    // 1,250 orders of 4 lines inside the range, its first and last instants included; two just outside.
    const inside = Array.from({ length: 1250 }, (_, i) =>
      doc(i, new Date(i === 0 ? start : i === 1 ? end - 1 : start + Math.floor(((end - start) * i) / 1250))),
    );
    const outside = [doc(5000, new Date(start - 1)), doc(5001, new Date(end))];
    const all = [...inside, ...outside];
    const orders = shop.db.collection('orders');
    try {
      for (let i = 0; i < all.length; i += 100) {
        await Promise.all(all.slice(i, i + 100).map((data) => orders.add({ data })));
      }
      const result = await report(OWNER, 'exportOrders', { from: '2025-03-01', to: '2025-03-10' });
      expect(codeOf(result)).toBe('ok');
      expect(result.data.rows).toBe(5000);
      const bytes = await download(result.data.url);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      // Quoted as Excel reads it: the quotes doubled, the comma and line break inside the quotes.
      expect(text).toContain(',"上海市 浦东新区 世纪大道 ""100"" 号,\n8 楼",');
      const [header, ...rows] = parseCsv(text).map((r) => r.fields);
      expect(header).toHaveLength(20);
      const sorted = [...inside].sort((a, b) => +a.createdAt - +b.createdAt || (a._id < b._id ? -1 : 1));
      const expected = sorted.flatMap((o: any) =>
        o.items.map((l: any) => [
          o._id,
          chinaTime(o.createdAt),
          ORDER_STATUS_LABELS[o.status as keyof typeof ORDER_STATUS_LABELS],
          o.address.name === '@李四' ? "'@李四" : o.address.name,
          o.address.phone,
          `${o.address.region} ${o.address.detail}`,
          o.note ? `'${o.note}` : '',
          l.title.startsWith('=') ? `'${l.title}` : l.title,
          l.spec,
          String(l.qty),
          yuan(l.priceFen),
          yuan(l.lineFen),
          yuan(o.amounts.couponFen),
          yuan(o.amounts.pointsDiscountFen),
          yuan(o.amounts.shippingFen),
          o.paidFen === undefined ? '' : yuan(o.paidFen),
          o.sharer ? sharer.shareCode : '',
          o.sharer ? sharer.nickname : '',
          o.shipping?.carrier ?? '',
          o.shipping?.trackingNo ?? '',
        ]),
      );
      expect(rows).toEqual(expected);
      expect(rows[0].slice(0, 2)).toEqual([inside[0]._id, '2025-03-01 00:00:00']);
      expect(rows.at(-1)?.slice(0, 2)).toEqual([inside[1]._id, '2025-03-10 23:59:59']);

      const refunded = await report(OWNER, 'exportOrders', {
        from: '2025-03-01',
        to: '2025-03-10',
        status: 'refunded',
      });
      expect(refunded.data.rows).toBe(inside.filter((o) => o.status === 'refunded').length * 4);
    } finally {
      await orders.where({ buyerId: 'export-test' }).remove();
    }
  }, 180_000);
});

describe('importShipments', () => {
  const API = 'wxa.sec.order.uploadShippingInfo';
  /** What a ship leaves on the order that does not depend on which order or when. */
  const shipShape = (o: any) => ({
    status: o.status,
    shipping: o.shipping,
    shippingSync: { ...o.shippingSync, at: typeof o.shippingSync.at },
    autoConfirmAfterMs: new Date(o.autoConfirmAt).getTime() - new Date(o.shippedAt).getTime(),
    lastEvent: { ...o.timeline.at(-1), at: new Date(o.timeline.at(-1).at).getTime() === +new Date(o.shippedAt) },
    holdsStock: o.holdsStock,
  });

  test('good rows ship as order.ship ships; every other row answers its code and its order is untouched', async () => {
    const [a, b, c, twin, already, unpaid] = [
      await shop.paid('bob', [APPLE]),
      await shop.paid('carol', [APPLE]),
      await shop.paid('dave', [APPLE]),
      await shop.paid('erin', [APPLE]),
      await shop.shipped('frank', [APPLE]),
      await shop.placed('grace', [APPLE]),
    ];
    const unknown = 'YJ0000000000NOPE01';
    const file = [
      '订单号,快递公司,运单号',
      `${a.id},SF,sf1234567890`,
      `${b.id},中通快递,ZT7788990011`,
      `${unknown},SF,SF0000000001`,
      `${already.id},SF,SF0000000002`,
      `${unpaid.id},SF,SF0000000003`,
      `${c.id},SF`,
      `"${c.id},SF,SF0000000004`,
    ].join('\r\n');
    // `"…` swallows the rest of the file into one malformed record: the next rows are part of it.
    const bad = [`${c.id},顺风,SF0000000005`, `${c.id},SF,${'9'.repeat(40)}`, `${a.id},YTO,YT0000000006`].join('\n');
    const before = new Map(
      await Promise.all([c, already, unpaid].map(async (o) => [o.id, await shop.orderDoc(o.id)] as const)),
    );
    const fileID = await importFile(`${bad}\n${file}`);
    const result = await report(OWNER, 'importShipments', { fileID });
    expect(codeOf(result)).toBe('ok');
    expect(result.data.results.map((r: any) => [r.line, r.orderId, r.outcome])).toEqual([
      [1, c.id, 'input.invalid'],
      [2, c.id, 'import.row_duplicate'],
      [3, a.id, 'shipped'],
      [4, undefined, 'import.row_invalid'],
      [5, a.id, 'import.row_duplicate'],
      [6, b.id, 'shipped'],
      [7, unknown, 'order.not_found'],
      [8, already.id, 'order.invalid_transition'],
      [9, unpaid.id, 'order.invalid_transition'],
      [10, undefined, 'import.row_invalid'],
      [11, undefined, 'import.row_invalid'],
    ]);
    expect(result.data).toMatchObject({ shipped: 2, refused: 9 });
    for (const r of result.data.results) if (r.outcome !== 'shipped') expect(r.message).toEqual(expect.any(String));
    for (const [id, doc] of before) expect(await shop.orderDoc(id)).toEqual(doc);

    // The same ship through order.ship, for comparison: the orders look alike but for who and when.
    const viaShip = await shop.ok(OWNER, 'ship', { orderId: twin.id, courier: 'YTO', trackingNo: 'yt0000000006' });
    expect(viaShip.order.status).toBe('shipped');
    const [docA, docB, docTwin] = await Promise.all([a, b, twin].map((o) => shop.orderDoc(o.id)));
    expect(shipShape(docA)).toEqual(shipShape(docTwin));
    expect(docA.shipping).toEqual({ carrier: '圆通速递', courier: 'YTO', trackingNo: 'YT0000000006' });
    expect(docA.shippingSync.status).toBe('synced');
    expect(docB.shipping).toEqual({ carrier: '中通快递', courier: 'ZTO', trackingNo: 'ZT7788990011' });
    // The shipping info reached WeChat once per shipped order, from the report function.
    const uploads = (await shop.outbox()).filter((m) => m.api === API);
    const of = (id: string) => uploads.filter((m) => m.body.order_key.out_trade_no === id);
    expect(of(a.id).map((m) => [m.functionName, m.body.shipping_list[0].tracking_no])).toEqual([
      ['report', 'YT0000000006'],
    ]);
    expect(of(b.id)).toHaveLength(1);
    expect(of(unpaid.id)).toHaveLength(0);
    // The buyer sees it shipped as after any ship.
    expect((await shop.get('bob', a.id)).status).toBe('shipped');
  }, 60_000);

  test('a file over 1 MB (2 MB) or over 2,000 rows is refused whole; nothing ships', async () => {
    const paid = await shop.paid('heidi', [APPLE]);
    const good = `${paid.id},SF,SF5555555555\n`;
    const big = await importFile(good + `# ${'x'.repeat(200)}\n`.repeat(10_000));
    expect(codeOf(await report(OWNER, 'importShipments', { fileID: big }))).toBe('import.too_large');
    const manyRows = await importFile(good + 'YJ0000000000NOPE02,SF,SF0000000001\n'.repeat(2000));
    expect(codeOf(await report(OWNER, 'importShipments', { fileID: manyRows }))).toBe('import.too_large');
    expect((await shop.orderDoc(paid.id)).status).toBe('paid');
  }, 60_000);

  test('hostile fileIDs are refused as import.file_invalid or input.invalid, and change nothing', async () => {
    const paid = await shop.paid('ivan', [APPLE]);
    const owner = await openidOf(OWNER);
    const real = await importFile(`${paid.id},SF,SF6666666666`);
    const prefix = real.slice(0, real.indexOf('/imports/'));
    const otherEnv = real.replace(/^cloud:\/\/[^.]+\.[^/]+/, 'cloud://other-env.other-env-emulator');
    const mallorysOwn = await upload('mallory', `imports/${await openidOf('mallory')}/x.csv`, Buffer.from('a'));
    const inProducts = await upload(OWNER, `products/${owner}/${randomUUID()}.csv`, Buffer.from('a'));
    const hostile = [
      otherEnv,
      inProducts,
      mallorysOwn,
      `${prefix}/imports/${owner}/../${real.split('/').at(-1)}`,
      `${prefix}/imports/${owner}/sub/x.csv`,
      `${prefix}/imports/${owner}/%2e%2e`,
      `${prefix}/imports/${owner}/never-uploaded.csv`,
      `${prefix}/imports/${owner}/x.png`,
      `${prefix}/exports/${real.split('/').at(-1)}`,
      'https://example.com/imports/x.csv',
    ];
    for (const fileID of hostile) {
      expect([fileID, codeOf(await report(OWNER, 'importShipments', { fileID }))]).toEqual([
        fileID,
        'import.file_invalid',
      ]);
    }
    for (const fileID of ['', 'x'.repeat(10_000), 42, { $ne: null }, ['a']]) {
      expect(codeOf(await report(OWNER, 'importShipments', { fileID }))).toBe('input.invalid');
    }
    expect((await shop.orderDoc(paid.id)).status).toBe('paid');
    // The real one ships.
    expect((await report(OWNER, 'importShipments', { fileID: real })).data.shipped).toBe(1);
  }, 60_000);
});

test('rows not started within the time budget answer import.not_reached and stay as they were', async () => {
  const orders = [];
  for (const as of ['kate', 'liam', 'mona', 'nick']) orders.push(await shop.paid(as, [APPLE]));
  const fileID = await importFile(orders.map((o, i) => `${o.id},SF,SF888888888${i}`).join('\n'));
  // The use case as the report function runs it, on the emulator, with a budget that runs out after two rows.
  const cloud = sdkFor(shop.emu);
  const db = databaseOf(cloud);
  const ctx = {
    cloud,
    db,
    openid: await openidOf(OWNER),
    env: fileID.slice('cloud://'.length, fileID.indexOf('.')),
    now: await shop.now(),
    requestId: 'budget-test',
    settings: await loadSettings(db),
  };
  let asked = 0;
  const result = await importShipments({ fileID }, ctx, () => ++asked > 2);
  expect(result.results.map((r) => [r.line, r.outcome])).toEqual([
    [1, 'shipped'],
    [2, 'shipped'],
    [3, 'import.not_reached'],
    [4, 'import.not_reached'],
  ]);
  expect(result).toMatchObject({ shipped: 2, refused: 2 });
  const statuses = await Promise.all(orders.map(async (o) => (await shop.orderDoc(o.id)).status));
  expect(statuses).toEqual(['shipped', 'shipped', 'paid', 'paid']);
});

test('non-owners are refused on both actions, with good input; nothing is written', async () => {
  const paid = await shop.paid('judy', [APPLE]);
  const fileID = await importFile(`${paid.id},SF,SF7777777777`);
  for (const as of ['mallory', 'judy']) {
    expect(codeOf(await report(as, 'exportOrders', { from: '2025-03-01', to: '2025-03-02' }))).toBe('auth.not_owner');
    expect(codeOf(await report(as, 'importShipments', { fileID }))).toBe('auth.not_owner');
  }
  expect((await shop.orderDoc(paid.id)).status).toBe('paid');
});

test('exports and imported CSVs are deleted from storage 7 days after their use, not before', async () => {
  const DAY = 86_400_000;
  const exported = await report(OWNER, 'exportOrders', { from: '2024-02-01', to: '2024-02-02' });
  const paid = await shop.paid('kate', [APPLE]);
  const fileID = await importFile(`${paid.id},SF,SF8888888888`);
  expect(codeOf(await report(OWNER, 'importShipments', { fileID }))).toBe('ok');
  const noted = (await shop.all('report_files')).filter((f) => [exported.data.fileID, fileID].includes(f.fileID));
  expect(noted.map((f) => f.kind).sort()).toEqual(['export', 'import']);
  const stored = async () => {
    const { fileList } = await sdkFor(shop.emu).getTempFileURL({ fileList: [exported.data.fileID, fileID] });
    return Promise.all(
      fileList.map(async (f: { status: number; tempFileURL: string }) =>
        f.status === 0 ? (await fetch(f.tempFileURL)).status : 'gone',
      ),
    );
  };
  await shop.advance(6 * DAY);
  await shop.runScheduler();
  expect(await stored()).toEqual([200, 200]);
  await shop.advance(DAY + 60_000);
  await shop.runScheduler();
  expect(await stored()).not.toContain(200);
  expect((await shop.all('report_files')).filter((f) => [exported.data.fileID, fileID].includes(f.fileID))).toEqual([]);
});
