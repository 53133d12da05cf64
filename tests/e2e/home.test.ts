// Journey: the home page lists the demo shop's products, as the shop function pages them out.
import type { ProductPage } from '../../cloudfunctions/contracts/shop';
import { callFunction, openAs, origin, screenshot, signIn, type Session } from './harness';

let session: Session;
afterEach(async () => {
  await session?.close();
});

/** Every product on sale, following the cursor to the end. */
async function allTitles(token: string): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page: ProductPage = await callFunction<ProductPage>(token, 'shop', 'listProducts', cursor ? { cursor, limit: 50 } : { limit: 50 });
    titles.push(...page.items.map((p) => p.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return titles;
}

test('the home page lists the demo products', async () => {
  const titles = await allTitles(await signIn('bob'));
  expect(titles.length).toBeGreaterThanOrEqual(6);

  session = await openAs('bob');
  const { page } = session;
  await page.goto(`${origin}/#/pages/index/index`);
  for (const title of titles) {
    const card = page.getByText(title, { exact: true }).first();
    // Further pages load on scroll (infinite scroll): bring each card into view, which scrolls the list.
    await card.waitFor({ state: 'attached' });
    await card.scrollIntoViewIfNeeded();
    await card.waitFor({ state: 'visible' });
  }

  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'home');
  expect(session.pageErrors).toEqual([]);
  expect(session.offLoopback).toEqual([]);
});
