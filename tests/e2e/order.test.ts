// Journey: an order from cart to completion, and a refund, with the buyer and the owner each in their own browser.
// bob puts two products in the cart, checks out and pays in the (simulated) pay sheet; the owner ships it from the
// order desk; bob confirms receipt. bob then buys another, asks for a refund; the owner approves it and plays
// WeChat Pay's refund (h5 only), and both see 已退款.
// The emulator is shared by every journey file and keeps its state: products are picked by the stock they have now.
import type { Locator, Page } from 'playwright-core';
import type { ProductDetail } from '../../cloudfunctions/contracts/shop';
import { callFunction, openAs, origin, screenshot, signIn, waitOnScreen, withFailureScreenshot, type Session } from './harness';

// Each step is a few screens in a browser: more than jest's default minute when the machine is busy.
jest.setTimeout(120_000);

const sessions: Session[] = [];
async function open(as: string): Promise<Session> {
  const session = await openAs(as);
  sessions.push(session);
  return session;
}
afterEach(async () => {
  for (const session of sessions.splice(0)) {
    expect(session.pageErrors).toEqual([]);
    expect(session.offLoopback).toEqual([]);
    await session.close();
  }
});

/** Products with plenty of stock in the demo seed, in the order the journey tries them. */
const CANDIDATES = ['aksu-apple', 'ningxia-goji', 'rice5kg', 'qinling-honey', 'puer357', 'qinghua-cup', 'ejiao-cake'];

interface Pick {
  productId: string;
  title: string;
  spec: string;
}

/** `count` different products, each with a SKU that has stock now (as the shop function says). */
async function inStock(count: number, skip: string[] = []): Promise<Pick[]> {
  const token = await signIn('bob');
  const picks: Pick[] = [];
  for (const id of CANDIDATES) {
    if (picks.length === count) break;
    if (skip.includes(id)) continue;
    const { product } = await callFunction<ProductDetail>(token, 'shop', 'getProduct', { id });
    const sku = product.skus.find((s) => s.stock >= 1);
    if (product.status === 'on_sale' && sku) picks.push({ productId: id, title: product.title, spec: sku.spec });
  }
  if (picks.length < count) throw new Error(`only ${picks.length} demo products still have stock`);
  return picks;
}

/** The page the h5 router shows, not the navigation bar nor pages left in its stack. */
const content = (page: Page) => page.locator('.taro_router');

/** The element with exactly this text on the page shown now (earlier pages of the stack keep theirs), scrolled to. */
async function shown(page: Page, text: string | RegExp): Promise<Locator> {
  const locator = content(page).getByText(text, { exact: typeof text === 'string' }).filter({ visible: true }).last();
  // Further down the page is where a user scrolls to.
  await locator.waitFor({ state: 'visible' });
  await locator.scrollIntoViewIfNeeded();
  await waitOnScreen(locator);
  return locator;
}

async function tap(page: Page, text: string | RegExp): Promise<void> {
  await (await shown(page, text)).click();
}

/** Answers a Taro.showModal (h5 draws it outside the router) with its confirm button. */
async function confirmModal(page: Page, confirmText: string): Promise<void> {
  const button = page.locator('.taro__modal .taro-model__confirm', { hasText: confirmText });
  await waitOnScreen(button);
  await button.click();
}

/** Types into the native field of a Taro h5 Input or Textarea. */
async function fill(page: Page, placeholder: string, value: string): Promise<void> {
  const field = content(page).locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).filter({ visible: true }).last();
  await waitOnScreen(field);
  await field.fill(value);
}

async function openProduct(page: Page, pick: Pick): Promise<void> {
  await page.goto(`${origin}/#/pages/product/index?id=${pick.productId}`);
  await shown(page, pick.title);
  await tap(page, pick.spec);
  await shown(page, `已选：${pick.spec}`);
}

/** Checkout in h5: the address form (unless an address is remembered), 提交订单, then 确认支付 in the pay sheet. */
async function checkoutAndPay(page: Page): Promise<string> {
  await shown(page, '收货地址');
  const form = content(page).locator('input[placeholder="请填写收货人姓名"]').filter({ visible: true });
  if (await form.count()) {
    await fill(page, '请填写收货人姓名', '鲍勃');
    await fill(page, '请填写 11 位手机号', '13912345678');
    await fill(page, '省 市 区，如：浙江省 杭州市 西湖区', '浙江省 杭州市 西湖区');
    await fill(page, '街道、楼栋、门牌号', '文三路 100 号 2 单元 301');
    await tap(page, '保存地址');
  }
  await shown(page, /13912345678/);
  // The server's price (its lines appear with the quote), then the order.
  await shown(page, '商品金额');
  await tap(page, '提交订单');
  await tap(page, '确认支付');
  await page.waitForURL(/\/pages\/order\/index\?id=YJ[0-9A-Z]{16}/);
  await shown(page, '待发货');
  const id = /id=(YJ[0-9A-Z]{16})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no order id in ${page.url()}`);
  return id;
}

/**
 * The owner finds an order on the desk by its id (the shared emulator holds other journeys' orders too).
 * With a view, the desk is opened by its address and switched to that tab; without, it is already on screen.
 */
async function openOnDesk(page: Page, orderId: string, view?: '售后'): Promise<void> {
  if (view) {
    await page.goto(`${origin}/#/owner/orders/index`);
    await shown(page, '搜索');
    await tap(page, view);
  }
  await shown(page, '搜索');
  await fill(page, '搜索订单号或买家手机号', orderId);
  await tap(page, '搜索');
  await shown(page, `“${orderId}”的搜索结果`);
  await tap(page, orderId);
  await page.waitForURL(new RegExp(`/owner/order/index\\?id=${orderId}`));
  await shown(page, '收货信息');
}

let shippedOrder: string | undefined;
let refundOrder: string | undefined;
let refundOrderUrl: string | undefined;

test('bob adds two products to the cart, checks out and pays: the order is 待发货', async () => {
  const picks = await inStock(2);
  const { page } = await open('bob');
  await withFailureScreenshot(page, 'order-checkout', async () => {
    for (const pick of picks) {
      await openProduct(page, pick);
      await tap(page, '加入购物车');
    }
    await tap(page, /^购物车\d*$/);
    for (const pick of picks) await shown(page, pick.title);
    await screenshot(page, 'order-cart');
    await tap(page, '去结算(2)');
    for (const pick of picks) await shown(page, pick.title);
    shippedOrder = await checkoutAndPay(page);
    await screenshot(page, 'order-paid');
  });
});

test('a member who is not the owner cannot open the order desk', async () => {
  const { page } = await open('bob');
  await withFailureScreenshot(page, 'order-desk-not-owner', async () => {
    await page.goto(`${origin}/#/owner/orders/index`);
    await shown(page, '仅店主可以查看');
  });
});

test('the owner ships it from the order desk', async () => {
  expect(shippedOrder).toBeDefined();
  const orderId = shippedOrder as string;
  const { page } = await open('owner');
  await withFailureScreenshot(page, 'order-ship', async () => {
    // The owner's day starts on 今日概况; its 待发货 tile opens the desk on that tab.
    await page.goto(`${origin}/#/owner/summary/index`);
    await shown(page, '今日概况');
    await shown(page, /^¥\d[\d,]*\.\d{2}$/);
    await screenshot(page, 'order-owner-summary');
    await tap(page, '待发货');
    await page.waitForURL(/\/owner\/orders\/index\?view=to_ship/);
    await openOnDesk(page, orderId);
    await shown(page, '买家已付款，请尽快发货');
    await screenshot(page, 'order-owner-detail');
    await tap(page, '发货');
    await tap(page, '顺丰速运');
    await fill(page, '请输入运单号', ' SF1234567890 ');
    await screenshot(page, 'order-ship-form');
    await tap(page, '确认发货');
    await confirmModal(page, '确认发货');
    await shown(page, '待收货(已发货)');
    await shown(page, 'SF1234567890');
    expect(await content(page).getByText('发货', { exact: true }).filter({ visible: true }).count()).toBe(0);
    await screenshot(page, 'order-shipped');
  });
});

test('bob confirms receipt and sees 已完成', async () => {
  expect(shippedOrder).toBeDefined();
  const { page } = await open('bob');
  await withFailureScreenshot(page, 'order-receipt', async () => {
    await page.goto(`${origin}/#/pages/order/index?id=${shippedOrder}`);
    await shown(page, '待收货');
    await shown(page, 'SF1234567890');
    await tap(page, '确认收货');
    await confirmModal(page, '确认收货');
    await shown(page, '已完成');
    await screenshot(page, 'order-completed');
  });
});

test('bob buys another product and asks for a refund', async () => {
  const [pick] = await inStock(1);
  const { page } = await open('bob');
  await withFailureScreenshot(page, 'order-refund-request', async () => {
    await openProduct(page, pick);
    await tap(page, '立即购买');
    refundOrder = await checkoutAndPay(page);
    refundOrderUrl = page.url();
    await tap(page, '申请退款');
    await fill(page, '请说明退款原因，如：商品破损、与描述不符', '拍错了规格，请退款');
    await tap(page, '提交申请');
    await confirmModal(page, '提交');
    await shown(page, '售后中');
    await screenshot(page, 'order-refund-requested');
  });
});

test('the owner approves the refund; once WeChat Pay refunds it both see 已退款', async () => {
  expect(refundOrder).toBeDefined();
  const orderId = refundOrder as string;
  const owner = await open('owner');
  await withFailureScreenshot(owner.page, 'order-refund-approve', async () => {
    const { page } = owner;
    await openOnDesk(page, orderId, '售后');
    await shown(page, '买家申请退款，请处理');
    await shown(page, '拍错了规格，请退款');
    await tap(page, '同意退款');
    await confirmModal(page, '同意退款');
    await shown(page, '已同意退款，等待微信支付退款到账');
    await screenshot(page, 'order-refund-approved');
    await tap(page, '模拟微信退款到账');
    await shown(page, '已退款');
    await shown(page, '退款已原路退回买家');
    await screenshot(page, 'order-refunded-owner');
  });

  const bob = await open('bob');
  await withFailureScreenshot(bob.page, 'order-refunded', async () => {
    await bob.page.goto(refundOrderUrl ?? `${origin}/#/pages/order/index?id=${orderId}`);
    await shown(bob.page, '已退款');
    await screenshot(bob.page, 'order-refunded');
  });
});
