// Journey: a friend who has had enough. bob opens alice's card (her recommendation banner; the visit binds him to
// her), mutes her from the banner (asked first; the banner goes), opens her card again: no banner and no new
// binding, though the visit still counts for her; 我的 → 绑定记录 shows the binding ended 已屏蔽.
// Fresh identities: the emulator is shared by every journey, and a mute of the demo's bob → alice would take her
// banner from the journeys after this one.
import type { BindingHistoryItem, MyStats } from '../../cloudfunctions/contracts/commission';
import type { ProductDetail, ProductPage, SessionResult } from '../../cloudfunctions/contracts/shop';
import { callFunction, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { confirmModal, content, shown, tap } from './steps';

jest.setTimeout(120_000);

const SHARER = 'alice_mute';
const BUYER = 'bob_mute';

const open = journeySessions();

/** alice's visits as her centre counts them, read until they reach `count` (a page records its visit after showing). */
/** Whether bob's binding names the sharer, read until it does (at most 200 reads). */
async function boundTo(token: string, shareCode: string): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    const { binding } = await callFunction<{ binding: { sharerCode: string } | null }>(token, 'commission', 'binding');
    if (binding?.sharerCode === shareCode) return true;
  }
  return false;
}

async function visitsReach(token: string, count: number): Promise<number> {
  let visits = 0;
  for (let i = 0; i < 200 && visits < count; i++)
    visits = (await callFunction<MyStats>(token, 'commission', 'myStats')).visits;
  return visits;
}

test('bob mutes alice from her banner: her card opens again without it, binds no one, and 绑定记录 says 已屏蔽', async () => {
  const aliceToken = await signIn(SHARER);
  const bobToken = await signIn(BUYER);
  const { user: alice } = await callFunction<SessionResult>(aliceToken, 'shop', 'session');
  const { items } = await callFunction<ProductPage>(bobToken, 'shop', 'listProducts', { limit: 1 });
  const { product } = await callFunction<ProductDetail>(bobToken, 'shop', 'getProduct', { id: items[0].id });
  const card = `${origin}/#/pages/product/index?id=${product.id}&s=${alice.shareCode}&c=chat`;
  const banner = `来自 ${alice.nickname} 的推荐`;

  const first = await open(BUYER);
  await withFailureScreenshot(first.page, 'sharer-mute-banner', async () => {
    const { page } = first;
    await page.goto(card);
    await shown(page, banner);
    // The visit (recorded once the page has shown) bound bob to alice.
    expect(await boundTo(bobToken, alice.shareCode)).toBe(true);
    await tap(page, '不再看 TA 的推荐');
    await confirmModal(page, '不再看');
    await content(page).getByText(banner).filter({ visible: true }).first().waitFor({ state: 'detached' });
    await shown(page, product.title);
    await screenshot(page, 'sharer-mute-muted');
  });
  expect(await visitsReach(aliceToken, 1)).toBe(1);

  const again = await open(BUYER);
  await withFailureScreenshot(again.page, 'sharer-mute-again', async () => {
    const { page } = again;
    await page.goto(card);
    await shown(page, product.title);
    // The visit is still counted for alice, after the page has shown.
    expect(await visitsReach(aliceToken, 2)).toBe(2);
    await expect(content(page).getByText(banner).count()).resolves.toBe(0);
    await page.goto(`${origin}/#/pages/me/index`);
    await tap(page, '绑定记录');
    await shown(page, `${alice.nickname}（${alice.shareCode}）`);
    await shown(page, '已屏蔽');
    await screenshot(page, 'sharer-mute-history');
  });
  // No new binding after the visit through a muted sharer: the one binding, ended by the mute.
  const history = await callFunction<{ items: BindingHistoryItem[] }>(bobToken, 'commission', 'bindingHistory');
  expect(history.items.map((i) => [i.sharer.shareCode, i.ended])).toEqual([[alice.shareCode, 'muted']]);
  expect((await callFunction<{ binding: unknown }>(bobToken, 'commission', 'binding')).binding).toBeNull();
});
