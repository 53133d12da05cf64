// Journey: bob opens a product card that alice shared into a chat, and sees whose recommendation it is.
import type { ProductDetail, ProductPage, SessionResult } from '../../cloudfunctions/contracts/shop';
import { formatFen } from '../../src/lib/money';
import { callFunction, openAs, origin, screenshot, signIn, type Session } from './harness';

let session: Session;
afterEach(async () => {
  await session?.close();
});

test("bob opens alice's shared product card: title, price and 来自 alice 的推荐", async () => {
  const alice = await signIn('alice');
  const { user: sharer } = await callFunction<SessionResult>(alice, 'shop', 'session');
  const bob = await signIn('bob');
  const { items } = await callFunction<ProductPage>(bob, 'shop', 'listProducts', { limit: 1 });
  expect(items.length).toBe(1);
  const { product } = await callFunction<ProductDetail>(bob, 'shop', 'getProduct', { id: items[0].id });

  session = await openAs('bob');
  const { page } = session;
  await page.goto(`${origin}/#/pages/product/index?id=${product.id}&s=${sharer.shareCode}&c=chat`);

  await page.getByText(product.title, { exact: true }).first().waitFor({ state: 'visible' });
  // The price shown is one of this product's real prices (the lowest, or a SKU's), in the shop's display format.
  const prices = new Set([product.priceFen, ...product.skus.map((s) => s.priceFen)].map(formatFen));
  const price = page.getByText(/¥\s*\d[\d,]*\.\d{2}/).first();
  await price.waitFor({ state: 'visible' });
  const shown = (await price.innerText()).replace(/\s+/g, '');
  expect([...prices].some((p) => shown.includes(p))).toBe(true);
  await page.getByText(`来自 ${sharer.nickname} 的推荐`).first().waitFor({ state: 'visible' });
  expect(sharer.nickname).toBe('alice');

  await screenshot(page, 'shared-product');
  expect(session.pageErrors).toEqual([]);
  expect(session.offLoopback).toEqual([]);
});
