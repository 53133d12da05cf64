// Journey: the home page lists the demo shop's products, as the shop function pages them out.
import type { ProductPage } from '../../cloudfunctions/contracts/shop';
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

/** Every product on sale, following the cursor to the end. */
async function allTitles(token: string): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page: ProductPage = await callFunction<ProductPage>(
      token,
      'shop',
      'listProducts',
      cursor ? { cursor, limit: 50 } : { limit: 50 },
    );
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
  // The page itself, not the h5 navigation bar.
  const content = page.locator('.taro_router');
  const rendered = () =>
    page.evaluate((all) => {
      const text = (document.querySelector('.taro_router') as HTMLElement | null)?.innerText ?? '';
      return all.filter((t) => text.includes(t)).length;
    }, titles);

  await withFailureScreenshot(page, 'home', async () => {
    await page.goto(`${origin}/#/pages/index/index`);
    await waitOnScreen(content.getByText(titles[0], { exact: true }).first());
    for (const title of titles) {
      const card = content.getByText(title, { exact: true }).first();
      for (let more = 0; (await card.count()) === 0; more++) {
        if (more === titles.length) throw new Error(`"${title}" is not on the home page after scrolling to the end`);
        // Not rendered yet: scrolling to the bottom asks for the next page (infinite scroll); wait for more cards.
        const before = await rendered();
        const last = titles.filter((t) => t !== title).reverse();
        for (const t of last) {
          const shown = content.getByText(t, { exact: true }).first();
          if (await shown.count()) {
            await shown.scrollIntoViewIfNeeded();
            break;
          }
        }
        await page.mouse.move(195, 600);
        await page.mouse.wheel(0, 2000);
        await page.waitForFunction(
          ([all, n]) => {
            const text = (document.querySelector('.taro_router') as HTMLElement | null)?.innerText ?? '';
            return all.filter((t) => text.includes(t)).length > n;
          },
          [titles, before] as const,
          { timeout: 10000 },
        );
      }
      await card.scrollIntoViewIfNeeded();
      await waitOnScreen(card);
    }
  });

  // Back to the top of whatever element scrolls the list, for the screenshot.
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop && (el.scrollTop = 0)));
  await screenshot(page, 'home');
  expect(session.pageErrors).toEqual([]);
  expect(session.offLoopback).toEqual([]);
});
