// Journey: bob opens a card alice shared and sees her track record in plain words on the trust banner (the year she
// joined, what she kept and reviewed, counted by the shop); alice's 推广中心 shows her the same words under 好友看到的你.
// The demo seed makes alice a member when the shop is seeded and gives her no orders nor reviews; other journeys on
// the shared emulator may have added some since, so the figures are the server's and the words are checked for them.
import type { MyStats } from '../../cloudfunctions/contracts/commission';
import type { ProductDetail, SessionResult } from '../../cloudfunctions/contracts/shop';
import { refundRateWords, trackWords } from '../../src/lib/track';
import { PAGES } from '../../src/routes';
import { callFunction, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { content, shown } from './steps';

jest.setTimeout(120_000);

const open = journeySessions();

test('bob sees alice’s track record in plain words on her card; her centre shows her exactly that', async () => {
  const alice = await signIn('alice');
  const { user } = await callFunction<SessionResult>(alice, 'shop', 'session');
  const bob = await signIn('bob');
  await callFunction<SessionResult>(bob, 'shop', 'session');
  const { trust } = await callFunction<ProductDetail>(bob, 'shop', 'getProduct', { id: 'puer357', s: user.shareCode });
  const record = trust.sharer;
  if (!record) throw new Error('no sharer on a card alice shared');
  // The seed made her a member this year (the journeys' clock moves on from the seeding, never back before it).
  expect(new Date(record.memberSince).getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
  expect(new Date(record.memberSince).getFullYear()).toBe(new Date().getFullYear());
  const words = trackWords(record);
  expect(words).toMatch(new RegExp(`^${new Date().getFullYear()} 年加入`));
  if (record.keptProducts === 0 && record.reviews === 0) expect(words).toBe(`${new Date().getFullYear()} 年加入`);
  const rate = refundRateWords(record);

  const { page } = await open('bob');
  await withFailureScreenshot(page, 'sharer-trust', async () => {
    await page.goto(`${origin}/#${PAGES.product}?id=puer357&s=${user.shareCode}&c=chat`);
    const banner = content(page).locator('.trust');
    await shown(page, `来自 ${user.nickname} 的推荐`);
    await expect(banner.locator('.sharer-track__facts').innerText()).resolves.toBe(words);
    await expect(banner.locator('.sharer-track__rate').count()).resolves.toBe(rate ? 1 : 0);
    await screenshot(page, 'sharer-trust-card');
  });

  const mine = await callFunction<MyStats>(alice, 'commission', 'myStats');
  expect(mine.asFriendsSee).toEqual(record);
  const { page: own } = await open('alice');
  await withFailureScreenshot(own, 'sharer-trust-center', async () => {
    await own.goto(`${origin}/#${PAGES.shareCenter}`);
    await shown(own, '好友看到的你');
    const card = content(own).locator('.share-center__friends-see');
    await expect(card.locator('.sharer-track__facts').innerText()).resolves.toBe(words);
    await expect(card.getByText(`来自 ${user.nickname} 的推荐`).count()).resolves.toBe(1);
    await screenshot(own, 'sharer-trust-center');
  });
});
