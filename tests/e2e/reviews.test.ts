// Journey: the trust layer. bob completes an order and reviews it with a photo; bob shares the product; carol opens
// bob's card and sees that bob really bought it ("TA 买过 1 次", counted by the shop) and bob's review.
// Fresh identities: the shared emulator keeps other journeys' orders.
import { join } from 'node:path';
import type { Order } from '../../cloudfunctions/contracts/order';
import type { ProductDetail } from '../../cloudfunctions/contracts/shop';
import { callFunction, dev, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { confirmModal, content, fill, shown, tap } from './steps';

jest.setTimeout(120_000);

const BUYER = 'bob_reviewer';
const FRIEND = 'carol_e2e';
const CANDIDATES = ['qinling-honey', 'ningxia-goji', 'aksu-apple', 'rice5kg', 'puer357', 'qinghua-cup', 'ejiao-cake'];
const PHOTO = join(__dirname, '../../src/assets/tab/home-active.png');
const TEXT = '蜂蜜很稠，早上冲一杯，家里人都喜欢';
const open = journeySessions();

let pick: { productId: string; skuId: string; title: string };
let orderId: string;
let shareUrl: string;

test('bob completes an order and reviews it with a photo', async () => {
  const token = await signIn(BUYER);
  for (const id of CANDIDATES) {
    const { product } = await callFunction<ProductDetail>(token, 'shop', 'getProduct', { id });
    const sku = product.skus.find((s) => s.stock >= 1);
    if (product.status === 'on_sale' && sku) {
      pick = { productId: id, skuId: sku.id, title: product.title };
      break;
    }
  }
  expect(pick).toBeDefined();
  // The purchase itself is the order journey's business: here it is placed, paid, shipped and received by API.
  const address = { name: '鲍勃', phone: '13912345678', region: '浙江省 杭州市 西湖区', detail: '文三路 100 号' };
  const { order } = await callFunction<{ order: Order }>(token, 'order', 'create', {
    requestId: `e2e-review-${Date.now()}`,
    items: [{ productId: pick.productId, skuId: pick.skuId, qty: 1 }],
    address,
  });
  orderId = order.id;
  const { outTradeNo } = await callFunction<{ outTradeNo: string }>(token, 'order', 'pay', { orderId });
  await dev('/__dev/pay', { outTradeNo });
  await callFunction(await signIn('owner'), 'order', 'ship', {
    orderId,
    courier: 'SF',
    trackingNo: 'SF2026112301',
  });
  await callFunction(token, 'order', 'confirmReceipt', { orderId });

  const { page } = await open(BUYER);
  await withFailureScreenshot(page, 'review-write', async () => {
    await page.goto(`${origin}/#/member/order/index?id=${orderId}`);
    await shown(page, '已完成');
    await tap(page, '评价');
    await page.waitForURL(/\/member\/review\/index\?/);
    await shown(page, '点击星星打分');
    await expect(content(page).locator('.review-form__title').innerText()).resolves.toBe(pick.title);
    await content(page).getByLabel('5 星 非常满意').click();
    await fill(page, '说说你的真实感受，帮到想买的朋友', TEXT);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, '添加图片 0/6')]);
    await chooser.setFiles(PHOTO);
    await shown(page, '添加图片 1/6');
    await screenshot(page, 'review-form');
    await tap(page, '提交评价');
    await confirmModal(page, '提交');
    await page.waitForURL(/\/member\/order\/index\?id=/);
    await shown(page, '已评价');
  });
  // Content security's verdict on the photo lands now (the emulator delivers it on flush, or by itself after ~1 s).
  await dev('/__dev/security/flush', {});
  const { items } = await callFunction<{ items: Array<{ text: string; photos: string[] }> }>(
    token,
    'shop',
    'listReviews',
    { productId: pick.productId },
  );
  const mine = items.find((r) => r.text === TEXT);
  expect(mine?.photos).toHaveLength(1);
  // The photo is served from the shop's storage.
  const photo = await fetch(encodeURI(mine!.photos[0]));
  expect(photo.status).toBe(200);
  expect(photo.headers.get('content-type')).toBe('image/png');
});

test('bob shares the product; carol opens his card and sees TA 买过 1 次 and his review', async () => {
  expect(orderId).toBeDefined();
  const bob = await open(BUYER);
  await bob.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await withFailureScreenshot(bob.page, 'review-share', async () => {
    await bob.page.goto(`${origin}/#/pages/product/index?id=${pick.productId}`);
    await shown(bob.page, pick.title);
    await tap(bob.page, '分享');
    await tap(bob.page, '复制链接');
    shareUrl = await bob.page.evaluate(() => navigator.clipboard.readText());
  });
  expect(shareUrl).toContain(`id=${pick.productId}`);

  const { page } = await open(FRIEND);
  await withFailureScreenshot(page, 'review-trust', async () => {
    await page.goto(shareUrl);
    await shown(page, pick.title);
    await shown(page, 'TA 买过 1 次');
    await shown(page, TEXT);
    await screenshot(page, 'review-trust');
  });
});
