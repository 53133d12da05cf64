// Journey: share-attributed commission. A sharer copies her link from the product page's share sheet; a friend opens
// it, buys and pays; the sharer's 推广中心 shows the visit, the order and the pending commission in ¥. The owner ships,
// the friend confirms receipt, the clock passes the after-sale window and the scheduler runs: the line is settled.
// Fresh identities (the emulator is shared by every journey and keeps their bindings), picked by the stock there is
// now.
import type { Locator, Page } from 'playwright-core';
import type { RateTable } from '../../cloudfunctions/contracts/commission';
import type { ProductDetail, SessionResult } from '../../cloudfunctions/contracts/shop';
import { DAY_MS, DEFAULT_RULES } from '../../cloudfunctions/core/rules';
import { formatFen } from '../../src/lib/money';
import { callFunction, dev, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { checkoutAndPay, content, fill, shown, tap } from './steps';

jest.setTimeout(120_000);

const SHARER = 'alice_e2e';
const BUYER = 'bob_e2e';
const CANDIDATES = ['qinghua-cup', 'puer357', 'qinling-honey', 'ningxia-goji', 'aksu-apple', 'rice5kg', 'ejiao-cake'];

const open = journeySessions();

/** A figure of the center's cards: its value above the label. */
function figure(page: Page, label: string): Locator {
  return content(page)
    .locator('.share-center__figure')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('.share-center__figure-value');
}

async function expectFigure(page: Page, label: string, value: string): Promise<void> {
  await shown(page, label);
  await expect(figure(page, label).innerText()).resolves.toBe(value);
}

interface Pick {
  productId: string;
  title: string;
  spec: string;
  priceFen: number;
}

let pick: Pick;
let shareUrl: string;
let orderId: string;
let commissionFen: number;

test('alice copies her share link from the share sheet', async () => {
  const token = await signIn(SHARER);
  for (const id of CANDIDATES) {
    const { product } = await callFunction<ProductDetail>(token, 'shop', 'getProduct', { id });
    const sku = product.skus.find((s) => s.stock >= 1);
    if (product.status === 'on_sale' && sku) {
      pick = { productId: id, title: product.title, spec: sku.spec, priceFen: sku.priceFen };
      break;
    }
  }
  expect(pick).toBeDefined();
  const { user } = await callFunction<SessionResult>(token, 'shop', 'session');

  const { page, context } = await open(SHARER);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await withFailureScreenshot(page, 'commission-share', async () => {
    await page.goto(`${origin}/#/pages/product/index?id=${pick.productId}`);
    await shown(page, pick.title);
    await tap(page, '分享');
    await shown(page, '分享给朋友');
    await screenshot(page, 'commission-share-sheet');
    await tap(page, '复制链接');
    shareUrl = await page.evaluate(() => navigator.clipboard.readText());
  });
  // The link is to this product, as this sharer, through a chat (what a WeChat card carries).
  const url = new URL(shareUrl);
  expect(url.origin).toBe(origin);
  const query = new URLSearchParams(url.hash.split('?')[1]);
  expect(url.hash.startsWith('#/pages/product/index?')).toBe(true);
  expect(Object.fromEntries(query)).toEqual({ id: pick.productId, s: user.shareCode, c: 'chat' });
});

test("bob opens alice's link, buys and pays", async () => {
  expect(shareUrl).toBeDefined();
  const alice = await callFunction<SessionResult>(await signIn(SHARER), 'shop', 'session');
  const { page } = await open(BUYER);
  await withFailureScreenshot(page, 'commission-buy', async () => {
    await page.goto(shareUrl);
    await shown(page, pick.title);
    await shown(page, `来自 ${alice.user.nickname} 的推荐`);
    await tap(page, pick.spec);
    await shown(page, `已选：${pick.spec}`);
    await tap(page, '立即购买');
    orderId = await checkoutAndPay(page);
    // bob's "me" names his recommender (the binding the visit made).
    await page.goto(`${origin}/#/pages/me/index`);
    await shown(page, new RegExp(`你的推荐人：${alice.user.nickname}，至 \\d{1,2}月\\d{1,2}日`));
    await screenshot(page, 'commission-binding');
  });
});

test("alice's center: 1 visit, 1 order and the pending commission in ¥", async () => {
  expect(orderId).toBeDefined();
  const rates = await callFunction<RateTable>(await signIn('owner'), 'commission', 'rates');
  const rateBp = rates.products.find((p) => p.id === pick.productId)?.rateBp ?? rates.defaultRateBp;
  commissionFen = Math.floor((pick.priceFen * rateBp) / 10_000);
  expect(commissionFen).toBeGreaterThan(0);

  const { page } = await open(SHARER);
  await withFailureScreenshot(page, 'commission-pending', async () => {
    await page.goto(`${origin}/#/share/center/index`);
    await shown(page, '推广效果');
    await expectFigure(page, '访问', '1');
    await expectFigure(page, '访客', '1');
    await expectFigure(page, '成交订单', '1');
    await expectFigure(page, '成交金额', formatFen(pick.priceFen));
    await expectFigure(page, '待结算', formatFen(commissionFen));
    await expectFigure(page, '已结算', formatFen(0));
    const line = content(page).locator('.commission').filter({ hasText: pick.title });
    await expect(line.locator('.commission__amount').innerText()).resolves.toBe(formatFen(commissionFen));
    await expect(line.locator('.commission__status').innerText()).resolves.toBe('待结算');
    await screenshot(page, 'commission-pending');
  });
});

test('after receipt and the after-sale window, the scheduler settles it and the center shows it settled', async () => {
  expect(commissionFen).toBeGreaterThan(0);
  await callFunction(await signIn('owner'), 'order', 'ship', {
    orderId,
    courier: 'SF',
    trackingNo: 'SF2026112300',
  });
  await callFunction(await signIn(BUYER), 'order', 'confirmReceipt', { orderId });
  // The shop's window is the default one unless the owner changed it; a day past it is past either way here.
  await dev('/__dev/clock', { advanceMs: (DEFAULT_RULES.afterSaleDays + 1) * DAY_MS });
  await dev('/__dev/timers/run', { name: 'scheduler' });

  const { page } = await open(SHARER);
  await withFailureScreenshot(page, 'commission-settled', async () => {
    await page.goto(`${origin}/#/share/center/index`);
    await shown(page, '推广效果');
    await expectFigure(page, '已结算', formatFen(commissionFen));
    await expectFigure(page, '待结算', formatFen(0));
    await expect(content(page).locator('.share-center__available').innerText()).resolves.toBe(formatFen(commissionFen));
    const line = content(page).locator('.commission').filter({ hasText: pick.title });
    await expect(line.locator('.commission__status').innerText()).resolves.toBe('已结算');
    await screenshot(page, 'commission-settled');
  });
});

test('alice writes her note on the poster page and downloads the poster; bob sees the note on her card', async () => {
  expect(shareUrl).toBeDefined();
  const note = '自己每天都在用，杯壁很薄，手感好';
  const alice = await open(SHARER);
  await withFailureScreenshot(alice.page, 'commission-poster', async () => {
    const { page } = alice;
    await page.goto(`${origin}/#/pages/product/index?id=${pick.productId}`);
    await shown(page, pick.title);
    await tap(page, '分享');
    await tap(page, '生成海报');
    await page.waitForURL(/\/share\/poster\/index\?id=/);
    await fill(page, '写一句你的真实感受，会出现在海报和分享卡片上', note);
    await tap(page, '保存推荐语');
    // Saved: the note is the server's again, so there is nothing to save until it is edited.
    await content(page).locator('.poster__note-save--disabled', { hasText: '保存推荐语' }).waitFor();
    // The download is offered once the poster is drawn.
    const button = content(page).locator('.poster__save:not(.poster__save--disabled)');
    await button.waitFor();
    await screenshot(page, 'commission-poster');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`youjian-${pick.productId}.png`);
    const stream = await download.createReadStream();
    const head: Buffer = await new Promise((resolve, reject) => {
      stream.once('data', (chunk) => resolve(Buffer.from(chunk)));
      stream.once('error', reject);
    });
    expect(head.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  const bob = await open(BUYER);
  await withFailureScreenshot(bob.page, 'commission-note', async () => {
    await bob.page.goto(shareUrl);
    await shown(bob.page, `“${note}”`);
  });
});
