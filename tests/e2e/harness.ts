// What every browser journey needs: the emulator's origin, dev identities, the gateway, and a Chromium page
// that can only talk to 127.0.0.1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const origin = required('E2E_ORIGIN');
const browserWs = required('E2E_BROWSER_WS');
export const SCREENSHOTS = join(__dirname, 'screenshots');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the journeys with \`npm run test:e2e\` (scripts/e2e.mjs)`);
  return value;
}

/** A dev session token for a demo identity (owner, alice, bob). */
export async function signIn(as: string): Promise<string> {
  const res = await fetch(`${origin}/__dev/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as }),
  });
  if (!res.ok) throw new Error(`POST /__dev/session as ${as}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A cloud function call through the client gateway, as the h5 build makes it; returns `data` or throws. */
export async function callFunction<T>(token: string, name: string, action: string, input: object = {}): Promise<T> {
  const res = await fetch(`${origin}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, ...input }),
  });
  const body = (await res.json()) as { result?: { ok: boolean; data?: T; error?: { code: string; message: string } } };
  const result = body.result;
  if (!res.ok || !result?.ok) throw new Error(`${name}.${action}: ${res.status} ${JSON.stringify(body)}`);
  return result.data as T;
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to send off the loopback (aborted). */
  offLoopback: string[];
  /** Uncaught page errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh browser context signed in as `as` (its dev cookie set), with a phone-sized viewport. */
export async function openAs(as: string): Promise<Session> {
  const browser = await chromium.connect(browserWs);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const token = await signIn(as);
  await context.addCookies([{ name: 'yj_dev', value: token, url: origin, httpOnly: true, sameSite: 'Lax' }]);
  const offLoopback: string[] = [];
  await context.route(/.*/, (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offLoopback.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  // Well under jest's 60 s so that a missing element fails with playwright's own message.
  page.setDefaultTimeout(15000);
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return {
    browser,
    context,
    page,
    offLoopback,
    pageErrors,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/**
 * The `open(as)` of a journey file: each browser it opens is checked after the test (no page errors, nothing sent off
 * the loopback) and closed.
 */
export function journeySessions(): (as: string) => Promise<Session> {
  const sessions: Session[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) {
      expect(session.pageErrors).toEqual([]);
      expect(session.offLoopback).toEqual([]);
      await session.close();
    }
  });
  return async (as) => {
    const session = await openAs(as);
    sessions.push(session);
    return session;
  };
}

/**
 * Waits until the element is visible and inside the viewport. Playwright calls an element of a page that the h5
 * router left off-screen (translated out of view) "visible"; a buyer would see nothing. An element the page pushed
 * below or above the fold (a section above it loaded after it was scrolled to) is scrolled to again, as a buyer
 * would; one off to the side (a page the router slid away) is not.
 */
export async function waitOnScreen(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
  const handle = await locator.elementHandle();
  await locator.page().waitForFunction((el) => {
    const r = (el as Element).getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.right <= 0 || r.left >= window.innerWidth) return false;
    if (r.bottom > 0 && r.top < window.innerHeight) return true;
    (el as Element).scrollIntoView({ block: 'center', inline: 'nearest' });
    return false;
  }, handle);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // After the page transitions (Taro's h5 router slides pages in): a capture mid-slide shows two half pages.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity) // a loading spinner never finishes
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // The viewport, as a phone shows it: a full-page capture resizes the viewport, which re-lays out Taro's h5 pages.
  await page.screenshot({ path });
  return path;
}

/** Runs a journey's browser steps; on failure, keeps a screenshot of what the page showed (`<name>-failed.png`). */
export async function withFailureScreenshot<T>(page: Page, name: string, steps: () => Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (error) {
    await screenshot(page, `${name}-failed`).catch(() => undefined);
    throw error;
  }
}

/** A POST to one of the emulator's /__dev endpoints (the clock, the timers, the pay simulator); fails on an error. */
export async function dev(path: string, body: object): Promise<void> {
  const res = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
}
