// Journey: group buying (拼团). The owner runs two activities. bob starts a group of 2 on a product page, pays, and
// copies the group's link from the group page; carol opens it, joins and pays: the group is full, and both orders are
// 待发货 on the owner's desk. A group of 3 that only two buyers paid for runs out of time (the clock moved): the
// scheduler fails it, WeChat Pay refunds both in full, and both buyers see 已退款 and 拼团未成功. Fresh identities:
// the emulator is shared by every journey.
import type { Page } from 'playwright-core';
import type { GroupBuy } from '../../cloudfunctions/contracts/campaign';
import type { Order, Quote } from '../../cloudfunctions/contracts/order';
import type { ProductDetail, SessionResult } from '../../cloudfunctions/contracts/shop';
import { formatFen } from '../../src/lib/money';
import { callFunction, dev, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { checkoutAddress, content, fill, shown, tap } from './steps';

jest.setTimeout(150_000);

const STARTER = 'bob_group';
const JOINER = 'carol_group';
const FAILED = ['dan_group', 'erin_group'];
const HOUR_MS = 3_600_000;
const ADDRESS = { name: '丹', phone: '13912345679', region: '浙江省 杭州市 西湖区', detail: '文三路 200 号' };

const open = journeySessions();

interface Activity {
  groupBuy: GroupBuy;
  title: string;
  spec: string;
  groupPriceFen: number;
}

let pair: Activity;
let trio: Activity;
let groupUrl: string;
let groupId: string;
const pairOrders: string[] = [];

/** The emulator's clock (other journeys move it). */
async function emulatorNow(): Promise<number> {
  const res = await fetch(`${origin}/__dev/clock`);
  return ((await res.json()) as { now: number }).now;
}

/** A group buy of the product's first SKU at 80% of its price, saved by the owner, live now. */
async function activity(productId: string, size: number, hours: number): Promise<Activity> {
  const owner = await signIn('owner');
  const { product } = await callFunction<ProductDetail>(owner, 'shop', 'getProduct', { id: productId });
  const sku = product.skus[0];
  const groupPriceFen = Math.round(sku.priceFen * 0.8);
  const now = await emulatorNow();
  const { groupBuy } = await callFunction<{ groupBuy: GroupBuy }>(owner, 'campaign', 'saveGroupBuy', {
    groupBuy: {
      productId,
      skus: [{ skuId: sku.id, groupPriceFen }],
      size,
      hours,
      startAt: new Date(now - 60_000).toISOString(),
      endAt: new Date(now + 60 * 24 * HOUR_MS).toISOString(),
      stockCap: 20,
      perMember: 1,
    },
  });
  return { groupBuy, title: product.title, spec: sku.spec, groupPriceFen };
}

/** 提交订单 and 确认支付 on the checkout; answers the order page's id once it shows `status`. */
async function payOrder(page: Page, status: string): Promise<string> {
  await tap(page, '提交订单');
  await tap(page, '确认支付');
  await page.waitForURL(/\/member\/order\/index\?id=YJ[0-9A-Z]{16}/);
  await shown(page, status);
  const id = /id=(YJ[0-9A-Z]{16})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no order id in ${page.url()}`);
  return id;
}

beforeAll(async () => {
  pair = await activity('ningxia-goji', 2, 24);
  trio = await activity('qinling-honey', 3, 1);
});

// The owner stops both activities: the journeys after this one find these products sold the usual way again.
afterAll(async () => {
  const owner = await signIn('owner');
  for (const a of [pair, trio].filter(Boolean))
    await callFunction(owner, 'campaign', 'stopGroupBuy', { id: a.groupBuy.id });
});

test('bob starts a group of 2 at the group price, pays, and copies the group link', async () => {
  // What the server prices: the group price, and shipping by the shop's rules.
  const quote = await callFunction<Quote>(await signIn(STARTER), 'order', 'quote', {
    items: [{ productId: pair.groupBuy.productId, skuId: pair.groupBuy.skus[0].skuId, qty: 1 }],
    groupBuy: { groupBuyId: pair.groupBuy.id },
  });
  expect(quote.items.map((l) => [l.priceFen, l.campaign])).toEqual([[pair.groupPriceFen, 'group_buy']]);
  const { page, context } = await open(STARTER);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await withFailureScreenshot(page, 'group-start', async () => {
    await page.goto(`${origin}/#/pages/product/index?id=${pair.groupBuy.productId}`);
    await shown(page, '还没有人开团，发起拼团邀好友一起买');
    await tap(page, '发起拼团 · 2人团');
    await tap(page, `发起拼团 ${formatFen(pair.groupPriceFen)}`);
    await checkoutAddress(page);
    await shown(page, '拼团价');
    const total = content(page).locator('.checkout__total-value').filter({ visible: true }).last();
    await expect(total.innerText()).resolves.toBe(formatFen(quote.amounts.payableFen));
    pairOrders.push(await payOrder(page, '待成团'));
    await screenshot(page, 'group-order-waiting');

    await tap(page, '邀请好友');
    await page.waitForURL(/\/campaign\/group\/index\?id=/);
    await shown(page, '还差 1 人成团');
    await tap(page, '邀请好友');
    await tap(page, '复制链接');
    groupUrl = await page.evaluate(() => navigator.clipboard.readText());
    await screenshot(page, 'group-invite');
  });
  const url = new URL(groupUrl);
  expect(url.origin).toBe(origin);
  expect(url.hash).toMatch(/^#\/campaign\/group\/index\?/);
  groupId = new URLSearchParams(url.hash.split('?')[1]).get('id') ?? '';
  const { order } = await callFunction<{ order: Order }>(await signIn(STARTER), 'order', 'get', {
    orderId: pairOrders[0],
  });
  expect(order.group).toEqual({ groupBuyId: pair.groupBuy.id, groupId });
  expect(order.status).toBe('grouping');
});

test('carol opens the link, joins and pays: the group is full and both orders are 待发货 for the owner', async () => {
  expect(groupUrl).toBeDefined();
  const bob = await callFunction<SessionResult>(await signIn(STARTER), 'shop', 'session');
  const { page } = await open(JOINER);
  await withFailureScreenshot(page, 'group-join', async () => {
    await page.goto(groupUrl);
    // The group's members by their nicknames; the starter is the leader.
    await shown(page, bob.user.nickname);
    await shown(page, '团长');
    await tap(page, '参团');
    await tap(page, `参团 ${formatFen(pair.groupPriceFen)}`);
    await checkoutAddress(page);
    pairOrders.push(await payOrder(page, '待发货'));
    await tap(page, '查看拼团');
    await shown(page, '拼团成功');
    await screenshot(page, 'group-succeeded');
  });

  const owner = await open('owner');
  await withFailureScreenshot(owner.page, 'group-owner', async () => {
    for (const orderId of pairOrders) {
      await owner.page.goto(`${origin}/#/owner/orders/index`);
      await shown(owner.page, '搜索');
      await fill(owner.page, '搜索订单号或买家手机号', orderId);
      await tap(owner.page, '搜索');
      const card = content(owner.page).locator('.owner-card').filter({ hasText: orderId });
      await card.first().waitFor({ state: 'visible' });
      await expect(card.first().locator('.owner-card__status').innerText()).resolves.toBe('待发货');
    }
    await screenshot(owner.page, 'group-owner-to-ship');
  });
  const token = await signIn('owner');
  for (const orderId of pairOrders) {
    const { order } = await callFunction<{ order: Order }>(token, 'order', 'ownerGet', { orderId });
    expect([orderId, order.status]).toEqual([orderId, 'paid']);
  }
});

test('a group that runs out of time fails: both of its buyers are refunded in full and see 已退款', async () => {
  // dan starts a group of 3 and erin joins it; both pay; nobody else comes.
  const sku = trio.groupBuy.skus[0].skuId;
  const paid: Array<{ as: string; orderId: string; payableFen: number }> = [];
  let trioGroup: string | undefined;
  for (const [i, as] of FAILED.entries()) {
    const token = await signIn(as);
    const { order } = await callFunction<{ order: Order }>(token, 'order', 'create', {
      requestId: `group-e2e-${as}-${Date.now()}`,
      items: [{ productId: trio.groupBuy.productId, skuId: sku, qty: 1 }],
      address: { ...ADDRESS, detail: `文三路 20${i} 号` },
      groupBuy: { groupBuyId: trio.groupBuy.id, ...(trioGroup ? { groupId: trioGroup } : {}) },
    });
    trioGroup = order.group?.groupId;
    const { outTradeNo } = await callFunction<{ outTradeNo: string }>(token, 'order', 'pay', { orderId: order.id });
    await dev('/__dev/pay', { outTradeNo });
    paid.push({ as, orderId: order.id, payableFen: order.amounts.payableFen });
  }
  expect(trioGroup).toBeDefined();

  // Past the group's hour: the scheduler fails it and asks WeChat Pay to refund each payment in full.
  await dev('/__dev/clock', { advanceMs: trio.groupBuy.hours * HOUR_MS + 60_000 });
  await dev('/__dev/timers/run', { name: 'scheduler' });
  const payments = (await (await fetch(`${origin}/__dev/payments`)).json()) as {
    refunds?: Array<{ outRefundNo: string; refundFee: number }>;
  };
  for (const p of paid) {
    const refund = payments.refunds?.find((r) => r.outRefundNo === `${p.orderId}R`);
    expect([p.orderId, refund?.refundFee]).toEqual([p.orderId, p.payableFen]);
    await dev('/__dev/refund', { outRefundNo: `${p.orderId}R` });
  }

  for (const p of paid) {
    const { page } = await open(p.as);
    await withFailureScreenshot(page, `group-failed-${p.as}`, async () => {
      await page.goto(`${origin}/#/member/order/index?id=${p.orderId}`);
      await shown(page, '已退款');
      await shown(page, '拼团未成功');
      await tap(page, '查看拼团');
      await shown(page, '拼团未成功，款项已原路退回');
      await screenshot(page, `group-failed-${p.as}`);
    });
  }
});
