// Journey: the owner's product desk. The owner creates a product with two SKUs and a photo and puts it on sale;
// bob finds it on the home page and buys it; bob copies his share link; the owner takes the product off sale; the
// link now says 已下架 (and so does bob's order). Fresh identities: the shared emulator keeps other journeys' orders.
import { join } from 'node:path';
import type { ProductDetail } from '../../cloudfunctions/contracts/shop';
import { callFunction, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { checkoutAndPay, confirmModal, content, fill, shown, tap } from './steps';

jest.setTimeout(120_000);

const BUYER = 'bob_desk';
const FRIEND = 'carol_desk';
const PHOTO = join(__dirname, '../../src/assets/tab/cart-active.png');
const TITLE = `手工红糖姜茶 ${Date.now().toString(36).slice(-5)}`;
const open = journeySessions();

let productId: string;
let orderId: string;
let shareUrl: string;

test('the owner creates a product with two SKUs and a photo and puts it on sale', async () => {
  const { page } = await open('owner');
  await withFailureScreenshot(page, 'desk-create', async () => {
    await page.goto(`${origin}/#/owner/products/index`);
    await tap(page, '新建商品');
    await page.waitForURL(/\/owner\/product\/index/);
    await fill(page, '商品标题', TITLE);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, '添加图片')]);
    await chooser.setFiles(PHOTO);
    await shown(page, '封面');
    await fill(page, '规格名称', '单盒');
    await fill(page, '价格（元）', '39.90');
    await fill(page, '初始库存', '20');
    await tap(page, '添加规格');
    await shown(page, '规格 2');
    await fill(page, '规格名称', '三盒装');
    await fill(page, '价格（元）', '99');
    await fill(page, '初始库存', '5');
    await screenshot(page, 'desk-editor');
    await tap(page, '保存并上架');
    await page.waitForURL(/\/owner\/product\/index\?id=/);
    productId = /id=([A-Za-z0-9_-]+)/.exec(page.url())?.[1] ?? '';
    await shown(page, '调整库存');
  });
  expect(productId).not.toBe('');
  // What the server stored: two SKUs at those prices and stocks, the photo in our storage.
  const { product } = await callFunction<ProductDetail>(await signIn(BUYER), 'shop', 'getProduct', { id: productId });
  expect(product).toMatchObject({ title: TITLE, status: 'on_sale' });
  expect(product.skus.map((s) => [s.spec, s.priceFen, s.stock])).toEqual([
    ['单盒', 3990, 20],
    ['三盒装', 9900, 5],
  ]);
  const photo = await fetch(encodeURI(product.images[0]));
  expect(photo.status).toBe(200);
  expect(photo.headers.get('content-type')).toBe('image/png');
});

test('bob finds it on the home page, buys the three-box SKU and copies his share link', async () => {
  expect(productId).toBeDefined();
  const { page, context } = await open(BUYER);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await withFailureScreenshot(page, 'desk-buy', async () => {
    await page.goto(`${origin}/#/pages/index/index`);
    await tap(page, TITLE);
    await page.waitForURL(new RegExp(`/pages/product/index\\?id=${productId}`));
    await tap(page, '分享');
    await tap(page, '复制链接');
    shareUrl = await page.evaluate(() => navigator.clipboard.readText());
    await page.keyboard.press('Escape');
    await page.goto(`${origin}/#/pages/product/index?id=${productId}`);
    await tap(page, '三盒装');
    await tap(page, '立即购买');
    orderId = await checkoutAndPay(page);
    await shown(page, TITLE);
    await shown(page, '三盒装');
  });
  expect(shareUrl).toContain(`id=${productId}`);
  expect(shareUrl).toContain('s=');
});

test("the owner takes it off sale; bob's link shows 已下架 and cannot be bought, his order says so too", async () => {
  expect(orderId).toBeDefined();
  const owner = await open('owner');
  await withFailureScreenshot(owner.page, 'desk-off-sale', async () => {
    await owner.page.goto(`${origin}/#/owner/products/index`);
    const row = content(owner.page).getByLabel(TITLE);
    await row.getByText('下架', { exact: true }).click();
    await confirmModal(owner.page, '下架');
    await row.getByText('上架', { exact: true }).waitFor();
  });

  const friend = await open(FRIEND);
  await withFailureScreenshot(friend.page, 'desk-link', async () => {
    await friend.page.goto(shareUrl);
    await shown(friend.page, TITLE);
    await shown(friend.page, '商品已下架');
    expect(await content(friend.page).getByText('立即购买', { exact: true }).count()).toBe(0);
    await screenshot(friend.page, 'desk-off-sale-link');
  });

  const bob = await open(BUYER);
  await withFailureScreenshot(bob.page, 'desk-order', async () => {
    await bob.page.goto(`${origin}/#/member/order/index?id=${orderId}`);
    await shown(bob.page, TITLE);
    await shown(bob.page, '三盒装 · 已下架');
  });
});
