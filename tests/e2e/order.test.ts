// Journey: an order from cart to completion, and a refund, with the buyer and the owner each in their own browser.
// bob puts two products in the cart, checks out and pays in the (simulated) pay sheet; the owner ships it from the
// order desk; bob confirms receipt. bob then buys another and, before it ships, asks for a refund (售后, 仅退款); the
// owner approves it from the desk's 售后 tab, bob plays WeChat Pay's refund (h5 only), and both see 已退款.
// The emulator is shared by every journey file and keeps its state: products are picked by the stock they have now.
import type { Page } from 'playwright-core';
import type { ProductDetail } from '../../cloudfunctions/contracts/shop';
import { callFunction, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { checkoutAndPay, confirmModal, content, fill, shown, tap } from './steps';

// Each step is a few screens in a browser: more than jest's default minute when the machine is busy.
jest.setTimeout(120_000);

const open = journeySessions();

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

async function openProduct(page: Page, pick: Pick): Promise<void> {
  await page.goto(`${origin}/#/pages/product/index?id=${pick.productId}`);
  await shown(page, pick.title);
  await tap(page, pick.spec);
  await shown(page, `已选：${pick.spec}`);
}

/** The owner finds an order on the desk (already on screen) by its id: the shared emulator holds other orders too. */
async function openOnDesk(page: Page, orderId: string): Promise<void> {
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
let refundCase: string | undefined;

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
    await page.goto(`${origin}/#/member/order/index?id=${shippedOrder}`);
    await shown(page, '待收货');
    await shown(page, 'SF1234567890');
    await tap(page, '确认收货');
    await confirmModal(page, '确认收货');
    await shown(page, '已完成');
    await screenshot(page, 'order-completed');
  });
});

test('bob buys another product and asks for a refund before it ships (售后, 仅退款)', async () => {
  const [pick] = await inStock(1);
  const { page } = await open('bob');
  await withFailureScreenshot(page, 'order-refund-request', async () => {
    await openProduct(page, pick);
    await tap(page, '立即购买');
    refundOrder = await checkoutAndPay(page);
    refundOrderUrl = page.url();
    await tap(page, '申请售后');
    await page.waitForURL(/\/member\/aftersale-apply\/index\?orderId=/);
    // Not shipped: refund only, the whole amount paid (shipping included when it is everything).
    await shown(page, '商品未发货，可申请仅退款，按实付金额全额退款');
    await tap(page, '请选择 ›');
    await page.locator('.taro-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
    await fill(page, '补充描述，有助于商家更快处理（选填）', '拍错了规格，请退款');
    await tap(page, '提交申请');
    await confirmModal(page, '提交');
    await page.waitForURL(/\/member\/aftersale\/index\?id=/);
    refundCase = /id=(YJ[0-9A-Z]{16}S[0-9]+)/.exec(page.url())?.[1];
    await shown(page, '待商家处理');
    await shown(page, /^商家 .+内处理，逾期自动同意$/);
    await screenshot(page, 'order-refund-requested');
  });
});

test('the owner approves the refund; once WeChat Pay refunds it both see 已退款', async () => {
  expect(refundCase).toBeDefined();
  const id = refundCase as string;
  const owner = await open('owner');
  await withFailureScreenshot(owner.page, 'order-refund-approve', async () => {
    const { page } = owner;
    await page.goto(`${origin}/#/owner/orders/index`);
    await tap(page, '售后');
    await tap(page, id);
    await page.waitForURL(new RegExp(`/owner/aftersale/index\\?id=${id}`));
    // The desk's tabs say 待商家处理 too: the case page's own words first, while the desk slides away.
    await shown(page, /^请在 .+内处理，逾期自动同意$/);
    await shown(page, '待商家处理');
    await shown(page, '拍错了规格，请退款');
    await tap(page, '同意退款');
    await confirmModal(page, '同意退款');
    await shown(page, '已同意退款，等待微信支付退款到账');
    await screenshot(page, 'order-refund-approved');
  });

  const bob = await open('bob');
  await withFailureScreenshot(bob.page, 'order-refunded', async () => {
    await bob.page.goto(`${origin}/#/member/aftersale/index?id=${id}`);
    await tap(bob.page, '模拟微信退款到账');
    await shown(bob.page, /^已退款 ¥[0-9,.]+，已原路退回$/);
    await bob.page.goto(refundOrderUrl ?? `${origin}/#/member/order/index?id=${refundOrder}`);
    // The order as loaded (its cases listed), then its status.
    await shown(bob.page, '售后记录');
    await content(bob.page).locator('.order__status', { hasText: '已退款' }).filter({ visible: true }).last().waitFor();
    await screenshot(bob.page, 'order-refunded');
  });
});
