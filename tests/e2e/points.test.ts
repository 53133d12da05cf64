// Journey: member points. A new member opens 我的, 开卡 gives the 100-point welcome gift; at checkout the 积分抵扣
// switch spends them and the payable amount drops by ¥1; the order keeps what was spent and the card shows 0 left.
// A fresh identity: the shared emulator keeps the points other journeys' orders earned.
import type { Order } from '../../cloudfunctions/contracts/order';
import type { ProductDetail } from '../../cloudfunctions/contracts/shop';
import { formatFen, parseYuanToFen } from '../../src/lib/money';
import { callFunction, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { checkoutAddress, content, shown, submitAndPay, tap } from './steps';

jest.setTimeout(120_000);

const MEMBER = 'bob_member';
const CANDIDATES = ['aksu-apple', 'ningxia-goji', 'rice5kg', 'qinling-honey', 'puer357', 'qinghua-cup', 'ejiao-cake'];
const open = journeySessions();

/** ¥12.90 as shown → 1290. */
function parseFenText(text: string): number {
  const fen = parseYuanToFen(text.replace(/[¥,\s]/g, ''));
  if (fen === null) throw new Error(`not a price: ${text}`);
  return fen;
}

test('bob joins, sees 100 points, uses them at checkout and the payable amount drops by ¥1', async () => {
  const token = await signIn(MEMBER);
  let pick: { productId: string; title: string; spec: string } | undefined;
  for (const id of CANDIDATES) {
    const { product } = await callFunction<ProductDetail>(token, 'shop', 'getProduct', { id });
    const sku = product.skus.find((s) => s.stock >= 1);
    // Points pay at most half of the goods: ¥1 needs goods of ¥2 or more.
    if (product.status === 'on_sale' && sku && sku.priceFen >= 200) {
      pick = { productId: id, title: product.title, spec: sku.spec };
      break;
    }
  }
  if (!pick) throw new Error('no demo product in stock');

  const { page } = await open(MEMBER);
  let orderId = '';
  await withFailureScreenshot(page, 'points-checkout', async () => {
    await page.goto(`${origin}/#/pages/me/index`);
    await shown(page, '开通会员卡');
    await tap(page, '开卡');
    await shown(page, '可用积分');
    await expect(content(page).locator('.me__points-available').innerText()).resolves.toBe('100');
    await screenshot(page, 'points-joined');

    await page.goto(`${origin}/#/pages/product/index?id=${pick!.productId}`);
    await shown(page, pick!.title);
    await tap(page, pick!.spec);
    await tap(page, '立即购买');
    await checkoutAddress(page);
    await shown(page, '可用 100 积分，抵 ¥1.00');
    const total = content(page).locator('.checkout__total-value');
    const before = parseFenText(await total.innerText());
    await content(page).getByRole('switch', { name: '使用积分抵扣' }).click();
    await shown(page, '-¥1.00');
    await content(page)
      .locator('.checkout__total-value', { hasText: formatFen(before - 100) })
      .waitFor();
    expect(parseFenText(await total.innerText())).toBe(before - 100);
    await screenshot(page, 'points-checkout');
    orderId = await submitAndPay(page);
    await shown(page, '积分抵扣（100 积分）');

    // 积分明细: the gift and the spend, newest first.
    await page.goto(`${origin}/#/member/points/index`);
    await shown(page, '下单抵扣');
    await shown(page, '开卡礼');
    await screenshot(page, 'points-ledger');
  });

  const { order } = await callFunction<{ order: Order }>(token, 'order', 'get', { orderId });
  expect(order.amounts).toMatchObject({ pointsUsed: 100, pointsDiscountFen: 100 });
  const balance = await callFunction<{ available: number }>(token, 'points', 'balance');
  expect(balance.available).toBe(0);
});
