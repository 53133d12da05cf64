// Journey: finding and coming back. bob opens alice's card, later finds the tea cake again by search and through the
// 分类 tab, claims the shop's coupon on its page (opening his member card when asked), and checkout applies it: he
// pays ¥15.00 less than without it. alice's commission is on the goods he actually paid. Once the order is completed,
// 再来一单 puts its line back into his cart at today's price. Fresh identities: the emulator is shared by every
// journey and keeps their bindings, coupons and member cards.
import type { Locator, Page } from 'playwright-core';
import type { RateTable } from '../../cloudfunctions/contracts/commission';
import type { Quote } from '../../cloudfunctions/contracts/order';
import type { ProductDetail, SessionResult } from '../../cloudfunctions/contracts/shop';
import { formatFen } from '../../src/lib/money';
import { callFunction, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { checkoutAddress, confirmModal, content, fill, shown, submitAndPay, tap } from './steps';

jest.setTimeout(120_000);

const SHARER = 'alice_find';
const BUYER = 'bob_find';
/** The demo seed's tea cake (in 茶与茶器), its coupon 满100减15 and that category's other product. */
const PRODUCT = 'puer357';
const COUPON = { name: '新客满100减15', offFen: 1500, thresholdFen: 10_000 };
const CATEGORY = '茶与茶器';
const ALSO_IN_CATEGORY = '景德镇手绘青花茶杯 主人杯';
const NOT_IN_CATEGORY = '东北五常稻花香大米 当季新米';

const open = journeySessions();

let title: string;
let sku: { id: string; spec: string; priceFen: number };
let orderId: string;
let paidGoodsFen: number;

/** The product card with this title inside a list (the search results, the category's grid). */
const card = (list: Locator, text: string) => list.locator('.product-card').filter({ hasText: text });

test("bob opens alice's card, then finds the product by search and through the 分类 tab", async () => {
  const { product } = await callFunction<ProductDetail>(await signIn(BUYER), 'shop', 'getProduct', { id: PRODUCT });
  title = product.title;
  // A SKU with stock left (other journeys buy from this shop too) that meets the coupon's threshold.
  const found = product.skus.find((s) => s.stock >= 1 && s.priceFen >= COUPON.thresholdFen);
  expect(found).toBeDefined();
  sku = found as typeof sku;
  const alice = await callFunction<SessionResult>(await signIn(SHARER), 'shop', 'session');

  const { page } = await open(BUYER);
  await withFailureScreenshot(page, 'find-search', async () => {
    await page.goto(`${origin}/#/pages/product/index?id=${PRODUCT}&s=${alice.user.shareCode}&c=chat`);
    await shown(page, `来自 ${alice.user.nickname} 的推荐`);

    // Search from the home page's bar: the words are part of the title.
    await page.goto(`${origin}/#/pages/index/index`);
    await tap(page, '搜索商品');
    await fill(page, '搜索商品名称或规格', '普洱');
    await tap(page, '搜索');
    const results = content(page).locator('.search');
    await card(results, title).first().waitFor({ state: 'visible' });
    await expect(card(results, NOT_IN_CATEGORY).count()).resolves.toBe(0);
    await screenshot(page, 'find-search-results');
    await card(results, title).first().click();
    await onProductPage(page);
  });

  await withFailureScreenshot(page, 'find-category', async () => {
    await page.goto(`${origin}/#/pages/category/index`);
    await tap(page, CATEGORY);
    const grid = content(page).locator('.category__main');
    await card(grid, title).first().waitFor({ state: 'visible' });
    await card(grid, ALSO_IN_CATEGORY).first().waitFor({ state: 'visible' });
    await expect(card(grid, NOT_IN_CATEGORY).count()).resolves.toBe(0);
    await screenshot(page, 'find-category');
    await card(grid, title).first().click();
    await onProductPage(page);
  });
});

test('bob claims the coupon on the product page, opening his member card when asked', async () => {
  expect(sku).toBeDefined();
  const { page } = await open(BUYER);
  await withFailureScreenshot(page, 'find-claim', async () => {
    await page.goto(`${origin}/#/pages/product/index?id=${PRODUCT}`);
    await shown(page, title);
    await tap(page, '领券');
    await shown(page, '本商品可领的优惠券');
    await shown(page, COUPON.name);
    await tap(page, '立即领取');
    // Claiming needs a member card: the page offers it first.
    await confirmModal(page, '立即开卡');
    await shown(page, '已领取 1 张');
    await screenshot(page, 'find-coupon-claimed');
  });
  const mine = await callFunction<{ items: Array<{ name: string; status: string }> }>(
    await signIn(BUYER),
    'coupon',
    'mine',
    { status: 'usable' },
  );
  expect(mine.items.map((c) => [c.name, c.status])).toEqual([[COUPON.name, 'usable']]);
});

test('checkout applies the coupon: bob pays ¥15.00 less than without it', async () => {
  expect(sku).toBeDefined();
  const token = await signIn(BUYER);
  const items = [{ productId: PRODUCT, skuId: sku.id, qty: 1 }];
  // What the server prices, with the best coupon (the page's default) and with none.
  const withCoupon = await callFunction<Quote>(token, 'order', 'quote', { items });
  const without = await callFunction<Quote>(token, 'order', 'quote', { items, couponId: null });
  expect(withCoupon.amounts.couponFen).toBe(COUPON.offFen);
  expect(without.amounts.payableFen - withCoupon.amounts.payableFen).toBe(COUPON.offFen);
  paidGoodsFen = sku.priceFen - COUPON.offFen;

  const { page } = await open(BUYER);
  await withFailureScreenshot(page, 'find-checkout', async () => {
    await page.goto(`${origin}/#/pages/product/index?id=${PRODUCT}`);
    await tap(page, sku.spec);
    await shown(page, `已选：${sku.spec}`);
    await tap(page, '立即购买');
    await checkoutAddress(page);
    await shown(page, `-${formatFen(COUPON.offFen)}`);
    const total = content(page).locator('.checkout__total-value').filter({ visible: true }).last();
    await expect(total.innerText()).resolves.toBe(formatFen(withCoupon.amounts.payableFen));
    await screenshot(page, 'find-checkout-coupon');
    orderId = await submitAndPay(page);
    // The paid order names the coupon and what it took off.
    await shown(page, `-${formatFen(COUPON.offFen)}`);
  });
  const { order } = await callFunction<{ order: { amounts: { couponFen: number; payableFen: number } } }>(
    token,
    'order',
    'get',
    { orderId },
  );
  expect(order.amounts).toMatchObject({ couponFen: COUPON.offFen, payableFen: withCoupon.amounts.payableFen });
});

test("alice's commission is on the goods bob paid after the coupon", async () => {
  expect(orderId).toBeDefined();
  const rates = await callFunction<RateTable>(await signIn('owner'), 'commission', 'rates');
  const rateBp = rates.products.find((p) => p.id === PRODUCT)?.rateBp ?? rates.defaultRateBp;
  const expected = Math.floor((paidGoodsFen * rateBp) / 10_000);
  // Not what the full price would have earned.
  expect(expected).toBeLessThan(Math.floor((sku.priceFen * rateBp) / 10_000));

  const { page } = await open(SHARER);
  await withFailureScreenshot(page, 'find-commission', async () => {
    await page.goto(`${origin}/#/share/center/index`);
    await shown(page, '推广效果');
    const line = content(page).locator('.commission').filter({ hasText: title });
    await line.first().waitFor({ state: 'visible' });
    await expect(line.locator('.commission__amount').innerText()).resolves.toBe(formatFen(expected));
    await screenshot(page, 'find-commission');
  });
});

test('再来一单 on the completed order fills the cart with its line at today’s price', async () => {
  expect(orderId).toBeDefined();
  await callFunction(await signIn('owner'), 'order', 'ship', { orderId, courier: 'SF', trackingNo: 'SF2026120318' });
  await callFunction(await signIn(BUYER), 'order', 'confirmReceipt', { orderId });
  const { product } = await callFunction<ProductDetail>(await signIn(BUYER), 'shop', 'getProduct', { id: PRODUCT });
  const today = product.skus.find((s) => s.id === sku.id);
  expect(today?.stock).toBeGreaterThan(0);

  const { page } = await open(BUYER);
  await withFailureScreenshot(page, 'find-buy-again', async () => {
    await page.goto(`${origin}/#/member/order/index?id=${orderId}`);
    await shown(page, '已完成');
    await tap(page, '再来一单');
    await page.waitForURL(/\/pages\/cart\/index/);
    const line = cartLine(page, title);
    await line.waitFor({ state: 'visible' });
    await expect(line.innerText()).resolves.toContain(sku.spec);
    await expect(line.innerText()).resolves.toContain(formatFen(today?.priceFen ?? 0));
    await expect(content(page).locator('.cart__total-value').innerText()).resolves.toBe(
      formatFen(today?.priceFen ?? 0),
    );
    await screenshot(page, 'find-buy-again');
  });
});

/** The product's own page is shown (its title is also on the card just tapped, so the buy bar tells them apart). */
async function onProductPage(page: Page): Promise<void> {
  await page.waitForURL(new RegExp(`/pages/product/index\\?id=${PRODUCT}`));
  await shown(page, '立即购买');
}

function cartLine(page: Page, text: string): Locator {
  return content(page).locator('.cart__list > *').filter({ hasText: text }).first();
}
