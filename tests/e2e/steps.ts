// Steps a shop user takes in the h5 build, shared by the journeys: finding what is on screen, tapping, typing,
// answering a modal, and checking out with the (simulated) pay sheet.
import type { Locator, Page } from 'playwright-core';
import { waitOnScreen } from './harness';

/** The page the h5 router shows, not the navigation bar nor pages left in its stack. */
export const content = (page: Page) => page.locator('.taro_router');

/** The element with exactly this text on the page shown now (earlier pages of the stack keep theirs), scrolled to. */
export async function shown(page: Page, text: string | RegExp): Promise<Locator> {
  const locator = content(page)
    .getByText(text, { exact: typeof text === 'string' })
    .filter({ visible: true })
    .last();
  // Further down the page is where a user scrolls to.
  await locator.waitFor({ state: 'visible' });
  await locator.scrollIntoViewIfNeeded();
  await waitOnScreen(locator);
  return locator;
}

export async function tap(page: Page, text: string | RegExp): Promise<void> {
  await (await shown(page, text)).click();
}

/** Answers a Taro.showModal (h5 draws it outside the router) with its confirm button. */
export async function confirmModal(page: Page, confirmText: string): Promise<void> {
  const button = page.locator('.taro__modal .taro-model__confirm', { hasText: confirmText });
  await waitOnScreen(button);
  await button.click();
}

/** Types into the native field of a Taro h5 Input or Textarea. */
export async function fill(page: Page, placeholder: string, value: string): Promise<void> {
  const field = content(page)
    .locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`)
    .filter({ visible: true })
    .last();
  await waitOnScreen(field);
  await field.fill(value);
}

/** Checkout in h5, up to the server's price: the address form (unless an address is remembered), then the amounts. */
export async function checkoutAddress(page: Page): Promise<void> {
  await shown(page, '收货地址');
  const form = content(page).locator('input[placeholder="请填写收货人姓名"]').filter({ visible: true });
  if (await form.count()) {
    await fill(page, '请填写收货人姓名', '鲍勃');
    await fill(page, '请填写 11 位手机号', '13912345678');
    await fill(page, '省 市 区，如：浙江省 杭州市 西湖区', '浙江省 杭州市 西湖区');
    await fill(page, '街道、楼栋、门牌号', '文三路 100 号 2 单元 301');
    await tap(page, '保存地址');
  }
  await shown(page, /13912345678/);
  // The server's price (its lines appear with the quote).
  await shown(page, '商品金额');
}

/** 提交订单, then 确认支付 in the (simulated) pay sheet; answers the paid order's id. */
export async function submitAndPay(page: Page): Promise<string> {
  await tap(page, '提交订单');
  await tap(page, '确认支付');
  await page.waitForURL(/\/member\/order\/index\?id=YJ[0-9A-Z]{16}/);
  await shown(page, '待发货');
  const id = /id=(YJ[0-9A-Z]{16})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no order id in ${page.url()}`);
  return id;
}

/** Checkout in h5: the address form (unless an address is remembered), 提交订单, then 确认支付 in the pay sheet. */
export async function checkoutAndPay(page: Page): Promise<string> {
  await checkoutAddress(page);
  return submitAndPay(page);
}
