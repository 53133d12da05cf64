// Journey: after-sale (售后), a return of one of two units. alice brought bob (her share), bob paid with points, and
// the owner shipped: the owner's order shows 已同步微信 (the shipping info reached WeChat). bob asks 退货退款 for one
// of the two units with a photo; the owner approves with the shop's return address; bob enters the return's
// tracking number; the owner confirms receipt; WeChat Pay's refund arrives (played in h5). alice's commission and
// bob's points for that order drop pro rata: alice's 推广中心 shows what was taken back, bob's 积分明细 the points.
// Fresh identities: the shared emulator keeps other journeys' orders.
import { join } from 'node:path';
import type { CommissionLine } from '../../cloudfunctions/contracts/commission';
import type { AfterSale, AfterSaleQuote, Order } from '../../cloudfunctions/contracts/order';
import type { ProductDetail, SessionResult } from '../../cloudfunctions/contracts/shop';
import { formatFen } from '../../src/lib/money';
import { callFunction, dev, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { confirmModal, content, fill, shown, tap } from './steps';

jest.setTimeout(120_000);

const SHARER = 'alice_aftersale';
const BUYER = 'bob_aftersale';
const CANDIDATES = ['qinghua-cup', 'puer357', 'ejiao-cake', 'rice5kg', 'qinling-honey', 'ningxia-goji', 'aksu-apple'];
const PHOTO = join(__dirname, '../../src/assets/tab/home-active.png');
const RETURN_TO = {
  name: '王店长',
  phone: '13800000000',
  region: '浙江省 杭州市 西湖区',
  detail: '文三路 1 号 友荐仓',
};
const POINTS_USED = 100;
const open = journeySessions();

let orderId: string;
let pick: { productId: string; skuId: string; title: string };
let caseId: string;
let oneUnitFen: number;

test('alice brought bob; bob paid two units with points; the owner shipped: 已同步微信 on the owner page', async () => {
  const [alice, bob, owner] = await Promise.all([signIn(SHARER), signIn(BUYER), signIn('owner')]);
  for (const id of CANDIDATES) {
    const { product } = await callFunction<ProductDetail>(bob, 'shop', 'getProduct', { id });
    const sku = product.skus.find((s) => s.stock >= 2);
    if (product.status === 'on_sale' && sku) {
      pick = { productId: id, skuId: sku.id, title: product.title };
      break;
    }
  }
  expect(pick).toBeDefined();
  // The purchase and the share are other journeys' business: here they happen by API.
  await callFunction(owner, 'shop', 'updateSettings', { returnAddress: RETURN_TO });
  const { user } = await callFunction<SessionResult>(alice, 'shop', 'session');
  await callFunction(bob, 'commission', 'recordVisit', { productId: pick.productId, s: user.shareCode, c: 'chat' });
  await callFunction(bob, 'points', 'join');
  const address = { name: '鲍勃', phone: '13912345678', region: '浙江省 杭州市 西湖区', detail: '文三路 100 号' };
  const { order } = await callFunction<{ order: Order }>(bob, 'order', 'create', {
    requestId: `e2e-aftersale-${Date.now()}`,
    items: [{ productId: pick.productId, skuId: pick.skuId, qty: 2 }],
    address,
    pointsToUse: POINTS_USED,
  });
  expect(order.amounts.pointsUsed).toBe(POINTS_USED);
  orderId = order.id;
  const { outTradeNo } = await callFunction<{ outTradeNo: string }>(bob, 'order', 'pay', { orderId });
  await dev('/__dev/pay', { outTradeNo });
  await callFunction(owner, 'order', 'ship', { orderId, courier: 'SF', trackingNo: 'SF2026120201' });
  const quote = await callFunction<AfterSaleQuote>(bob, 'order', 'quoteAfterSale', {
    orderId,
    lines: [{ skuId: pick.skuId, qty: 1 }],
  });
  oneUnitFen = quote.maxFen;

  const { page } = await open('owner');
  await withFailureScreenshot(page, 'aftersale-synced', async () => {
    await page.goto(`${origin}/#/owner/order/index?id=${orderId}`);
    await shown(page, '收货信息');
    await shown(page, '已同步微信');
    await screenshot(page, 'aftersale-shipping-synced');
  });
});

test('bob asks 退货退款 for one of the two units, with a photo', async () => {
  const { page } = await open(BUYER);
  await withFailureScreenshot(page, 'aftersale-apply', async () => {
    await page.goto(`${origin}/#/member/order/index?id=${orderId}`);
    await shown(page, '待收货');
    await tap(page, '申请售后');
    await page.waitForURL(/\/member\/aftersale-apply\/index\?orderId=/);
    await tap(page, '退货退款');
    await content(page).locator('[aria-label="减少"]').filter({ visible: true }).first().click();
    await shown(page, `最多可退 ${formatFen(oneUnitFen)}`);
    await tap(page, '请选择 ›');
    await page.locator('.taro-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
    await fill(page, '补充描述，有助于商家更快处理（选填）', '其中一件杯口有裂纹，见照片');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, '上传凭证 0/6')]);
    await chooser.setFiles(PHOTO);
    await shown(page, '上传凭证 1/6');
    await screenshot(page, 'aftersale-apply');
    await tap(page, '提交申请');
    await confirmModal(page, '提交');
    await page.waitForURL(/\/member\/aftersale\/index\?id=YJ[0-9A-Z]{16}S[0-9]+/);
    caseId = /id=(YJ[0-9A-Z]{16}S[0-9]+)/.exec(page.url())?.[1] as string;
    await shown(page, '待商家处理');
    await shown(page, /^商家 .+内处理，逾期自动同意$/);
    await shown(page, '其中一件杯口有裂纹，见照片');
    await screenshot(page, 'aftersale-requested');
  });
});

test('the owner approves the return with the shop address; bob enters the tracking number', async () => {
  expect(caseId).toBeDefined();
  const owner = await open('owner');
  await withFailureScreenshot(owner.page, 'aftersale-approve', async () => {
    const { page } = owner;
    await page.goto(`${origin}/#/owner/orders/index`);
    await tap(page, '售后');
    await tap(page, caseId);
    await page.waitForURL(new RegExp(`/owner/aftersale/index\\?id=${caseId}`));
    // The desk's tabs say 待商家处理 too: the case page's own words first, while the desk slides away.
    await shown(page, /^请在 .+内处理，逾期自动同意$/);
    await shown(page, '待商家处理');
    await tap(page, '同意退货');
    await shown(page, '默认为店铺设置中的退货地址，可为这次售后修改');
    await content(page).locator('.owner-sheet__submit', { hasText: '同意退货' }).click();
    await confirmModal(page, '同意退货');
    await shown(page, '待寄回');
    await shown(page, /^买家需在 .+内寄回，逾期申请关闭$/);
    await screenshot(page, 'aftersale-approved');
  });

  const bob = await open(BUYER);
  await withFailureScreenshot(bob.page, 'aftersale-ship-back', async () => {
    const { page } = bob;
    await page.goto(`${origin}/#/member/aftersale/index?id=${caseId}`);
    await shown(page, /^请在 .+内寄回，逾期申请关闭$/);
    await shown(page, /文三路 1 号 友荐仓/);
    await tap(page, '填写退货物流');
    await tap(page, '顺丰速运');
    await fill(page, '请输入退货运单号', 'SF9988776655');
    await tap(page, '提交');
    await confirmModal(page, '提交');
    await shown(page, '退货中');
    await shown(page, /^商家 .+内确认收货，逾期自动确认$/);
    await screenshot(page, 'aftersale-returning');
  });
});

test('the owner confirms receipt; the refund arrives; commission and points drop pro rata', async () => {
  expect(caseId).toBeDefined();
  const owner = await open('owner');
  await withFailureScreenshot(owner.page, 'aftersale-receive', async () => {
    const { page } = owner;
    await page.goto(`${origin}/#/owner/aftersale/index?id=${caseId}`);
    await shown(page, '退货中');
    await shown(page, /^请在 .+内确认收货，逾期自动确认$/);
    await tap(page, '确认收到退货');
    await confirmModal(page, '确认收货');
    await shown(page, '已同意退款，等待微信支付退款到账');
  });

  const bob = await open(BUYER);
  await withFailureScreenshot(bob.page, 'aftersale-refunded', async () => {
    const { page } = bob;
    await page.goto(`${origin}/#/member/aftersale/index?id=${caseId}`);
    await tap(page, '模拟微信退款到账');
    await shown(page, `已退款 ${formatFen(oneUnitFen)}，已原路退回`);
    await screenshot(page, 'aftersale-refunded');
  });

  const buyer = await signIn(BUYER);
  const { afterSale } = await callFunction<{ afterSale: AfterSale }>(buyer, 'order', 'afterSale', {
    afterSaleId: caseId,
  });
  expect(afterSale.status).toBe('refunded');
  const { order } = await callFunction<{ order: Order }>(buyer, 'order', 'get', { orderId });
  expect(order).toMatchObject({ status: 'shipped', refundedFen: oneUnitFen });
  // Commission and points are of the goods paid: shipping is no part of the refunded share.
  const paid = order.amounts.payableFen - order.amounts.shippingFen;

  // alice keeps floor(amount × kept / paid): the rest is taken back, shown on her 推广中心.
  const { items } = await callFunction<{ items: CommissionLine[] }>(
    await signIn(SHARER),
    'commission',
    'myCommissions',
  );
  const line = items.find((l) => l.orderId === orderId) as CommissionLine;
  const taken = line.amountFen - Math.floor((line.amountFen * (paid - oneUnitFen)) / paid);
  expect(line).toMatchObject({ status: 'pending', reversedFen: taken });
  expect(taken).toBeGreaterThan(0);
  const alice = await open(SHARER);
  await withFailureScreenshot(alice.page, 'aftersale-commission', async () => {
    await alice.page.goto(`${origin}/#/share/center/index`);
    await shown(alice.page, `已退回 ${formatFen(taken)}`);
    await screenshot(alice.page, 'aftersale-commission');
  });

  // bob gets back the refunded share of the points he spent, on his 积分明细.
  const back = Math.floor((POINTS_USED * oneUnitFen) / paid);
  const page = (await open(BUYER)).page;
  await withFailureScreenshot(page, 'aftersale-points', async () => {
    await page.goto(`${origin}/#/member/points/index`);
    await shown(page, `+${back}`);
    await screenshot(page, 'aftersale-points');
  });
});
