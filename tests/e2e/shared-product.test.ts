// Journey: bob opens a product card that alice shared into a chat, and sees whose recommendation it is.
import type { ProductDetail, ProductPage, SessionResult } from '../../cloudfunctions/contracts/shop';
import { formatFen } from '../../src/lib/money';
import {
  callFunction,
  openAs,
  origin,
  screenshot,
  signIn,
  waitOnScreen,
  withFailureScreenshot,
  type Session,
} from './harness';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

test("bob opens alice's shared card: the product's title, its ¥ price and 来自 alice 的推荐", async () => {
  const alice = await signIn('alice');
  const { user: sharer } = await callFunction<SessionResult>(alice, 'shop', 'session');
  expect(sharer.nickname).toBe('alice');
  const bob = await signIn('bob');
  const { items } = await callFunction<ProductPage>(bob, 'shop', 'listProducts', { limit: 1 });
  expect(items).toHaveLength(1);
  const { product } = await callFunction<ProductDetail>(bob, 'shop', 'getProduct', { id: items[0].id });
  // The price shown must be one of this product's real prices (its lowest, or a SKU's), in the shop's display format.
  const prices = new Set([product.priceFen, ...product.skus.map((s) => s.priceFen)].map(formatFen));

  session = await openAs('bob');
  const { page } = session;
  // The page itself, not the h5 navigation bar (which may repeat the title).
  const content = page.locator('.taro_router');
  await withFailureScreenshot(page, 'shared-product', async () => {
    await page.goto(`${origin}/#/pages/product/index?id=${product.id}&s=${sharer.shareCode}&c=chat`);
    await waitOnScreen(content.getByText(product.title, { exact: true }).first());
    const price = content.getByText(/¥\s*\d[\d,]*\.\d{2}/).first();
    await waitOnScreen(price);
    const shown = (await price.innerText()).replace(/\s+/g, '');
    expect([...prices].filter((p) => shown.includes(p))).not.toEqual([]);
    await waitOnScreen(content.getByText(`来自 ${sharer.nickname} 的推荐`).first());
  });

  await screenshot(page, 'shared-product');
  expect(session.pageErrors).toEqual([]);
  expect(session.offLoopback).toEqual([]);
});
