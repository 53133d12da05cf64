// Journey: the owner's business view. A buyer of their own buys the demo rice; the owner opens 经营数据 and sees
// the chart drawn and the figures the server computed from its rollups (the purchase among them), then exports the
// week's orders and opens the CSV: a file for Excel with the buyer's order in it. Other journeys' purchases share
// the emulator, so the figures are checked against the server's own answer, not against fixed numbers.
import type { Dashboard } from '../../cloudfunctions/contracts/report';
import { callFunction, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { checkoutAndPay, content, shown, tap } from './steps';

jest.setTimeout(120_000);

const BUYER = 'dora_report';
const OWNER = 'owner';
const open = journeySessions();
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

let orderId: string;

test('a buyer buys the demo rice', async () => {
  const { page } = await open(BUYER);
  await withFailureScreenshot(page, 'report-buy', async () => {
    await page.goto(`${origin}/#/pages/product/index?id=rice5kg`);
    await tap(page, '5kg 袋装');
    await tap(page, '立即购买');
    orderId = await checkoutAndPay(page);
  });
  expect(orderId).toMatch(/^YJ/);
});

test('the owner opens 经营数据: the chart is drawn and the figures are the server’s, the purchase among them', async () => {
  expect(orderId).toBeDefined();
  const server = await callFunction<Dashboard>(await signIn(OWNER), 'report', 'dashboard', { days: 7 });
  const { order } = await callFunction<{ order: { amounts: { payableFen: number } } }>(
    await signIn(BUYER),
    'order',
    'get',
    { orderId },
  );
  // The rollups count the purchase: today's GMV is at least what it paid.
  const today = server.daily.at(-1);
  expect(today?.day).toBe(server.to);
  expect(today?.gmvFen).toBeGreaterThanOrEqual(order.amounts.payableFen);
  expect(server.totals.orders).toBeGreaterThanOrEqual(1);

  const { page } = await open(OWNER);
  await withFailureScreenshot(page, 'report-dashboard', async () => {
    await page.goto(`${origin}/#/owner/dashboard/index`);
    const gmv = content(page).locator('[aria-label="成交额"]');
    await gmv.waitFor();
    await expect(gmv.innerText()).resolves.toContain(yuan(server.totals.gmvFen));
    await expect(content(page).locator('[aria-label="订单数"]').innerText()).resolves.toContain(
      String(server.totals.orders),
    );
    // The day's row beside the chart, and the chart itself: F2 painted pixels into the canvas.
    await expect(content(page).locator(`[aria-label="${server.to}"]`).innerText()).resolves.toContain(
      yuan(today?.gmvFen ?? 0),
    );
    const painted = await page.waitForFunction(() => {
      const canvas = document.querySelector('canvas#dashboard-trend') as HTMLCanvasElement | null;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || canvas.width === 0) return 0;
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
      return count > 500 ? count : 0;
    });
    expect(await painted.jsonValue()).toBeGreaterThan(500);
    await screenshot(page, 'report-dashboard');
  });
});

test('the owner exports the week’s orders and opens the CSV: the purchase is a row, amounts in yuan', async () => {
  expect(orderId).toBeDefined();
  const { page } = await open(OWNER);
  await withFailureScreenshot(page, 'report-export', async () => {
    // The page's default range ends at the phone's today: here the emulator's, which other journeys move on.
    const { now } = (await (await fetch(`${origin}/__dev/clock`)).json()) as { now: string };
    await page.clock.setFixedTime(new Date(now));
    await page.goto(`${origin}/#/owner/export-orders/index`);
    await tap(page, '导出');
    await shown(page, /已导出 \d+ 行/);
    const link = content(page).locator('a', { hasText: '下载文件' });
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    const res = await fetch(new URL(href ?? '', origin));
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // UTF-8 with a BOM, so Excel opens the Chinese right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = text.split('\r\n').filter((r) => r !== '');
    const mine = rows.filter((r) => r.startsWith(`${orderId},`) || r.startsWith(`"${orderId}"`));
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toContain('订单号');
    await screenshot(page, 'report-export');
  });
});
