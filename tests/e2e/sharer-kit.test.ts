// Journey: the sharer's kit (一键发圈). The owner saves Moments material for a demo product (words and a picture the
// shop uploaded); alice opens 一键发圈 from the product page's share sheet, saves the pictures (h5: a download each,
// the owner's picture then her poster, whose code is read module by module and is her share scene) and copies the
// words (her note, if any, then the owner's), and the page says how to post them.
import type { Download, Page } from 'playwright-core';
import QRCode from 'qrcode';
import type { MaterialKit } from '../../cloudfunctions/contracts/commission';
import type { OwnerMaterial, ProductDetail, SessionResult } from '../../cloudfunctions/contracts/shop';
import { wxacodeContent, WXACODE_QR } from '../../emulator/openapi';
import { CODE, POSTER_HEIGHT, POSTER_SCALE, POSTER_WIDTH } from '../../src/share/poster/layout';
import { HOW_TO_POST } from '../../src/share/moments/kit';
import { callFunction, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { content, shown, tap } from './steps';

jest.setTimeout(120_000);

interface Png {
  width: number;
  height: number;
  data: Buffer;
}
// pngjs comes with qrcode; it has no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as {
  PNG: { new (o: { width: number; height: number }): Png; sync: { read(b: Buffer): Png; write(p: Png): Buffer } };
};

const SHARER = 'alice';
const CANDIDATES = ['qinling-honey', 'qinghua-cup', 'puer357', 'ningxia-goji', 'aksu-apple', 'rice5kg', 'ejiao-cake'];
const OWNER_TEXTS = ['秦岭深山里的好东西，一年只有这一季', '自家也在吃，朋友回购了三次'];

const open = journeySessions();

let productId: string;
let title: string;

test('the owner saves Moments material for a product: two texts and a picture the shop uploaded', async () => {
  const owner = await signIn('owner');
  for (const id of CANDIDATES) {
    const { product } = await callFunction<ProductDetail>(owner, 'shop', 'getProduct', { id });
    if (product.status === 'on_sale') {
      productId = id;
      title = product.title;
      break;
    }
  }
  expect(productId).toBeDefined();
  const { user } = await callFunction<SessionResult>(owner, 'shop', 'session');
  const fileID = await uploadPicture(owner, `products/${user.openid}/kit-${Date.now()}.png`);
  const { material } = await callFunction<{ material: OwnerMaterial }>(owner, 'shop', 'saveMaterial', {
    productId,
    texts: OWNER_TEXTS,
    images: [fileID],
  });
  expect(material.texts).toEqual(OWNER_TEXTS);
  expect(material.images.map((i) => i.fileId)).toEqual([fileID]);
});

test('alice opens 一键发圈 from the product page, saves the pictures (her poster last) and copies the words', async () => {
  expect(productId).toBeDefined();
  const token = await signIn(SHARER);
  const { user } = await callFunction<SessionResult>(token, 'shop', 'session');
  const kit = await callFunction<MaterialKit>(token, 'commission', 'material', { productId });
  const words = kit.note ? `${kit.note}\n\n${OWNER_TEXTS[0]}` : OWNER_TEXTS[0];

  const { page, context } = await open(SHARER);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await withFailureScreenshot(page, 'sharer-kit', async () => {
    await page.goto(`${origin}/#/pages/product/index?id=${productId}`);
    await shown(page, title);
    await tap(page, '分享');
    await tap(page, '一键发圈');
    await page.waitForURL(/\/share\/moments\/index\?id=/);
    await shown(page, '已选 2/9');
    await content(page).locator('.moments__overlay').waitFor({ state: 'detached' }); // the poster is drawn
    await expect(content(page).locator('textarea').inputValue()).resolves.toBe(words);
    await screenshot(page, 'sharer-kit');

    const downloads = await saveAll(page, 2);
    expect(downloads.map((d) => d.suggestedFilename())).toEqual([
      `youjian-${productId}-1.png`,
      `youjian-${productId}-poster.png`,
    ]);
    const picture = PNG.sync.read(await bytesOf(downloads[0]));
    expect([picture.width, picture.height]).toEqual([8, 8]);
    const poster = PNG.sync.read(await bytesOf(downloads[1]));
    expect([poster.width, poster.height]).toEqual([POSTER_WIDTH * POSTER_SCALE, POSTER_HEIGHT * POSTER_SCALE]);
    const scene = `p=${productId}&s=${user.shareCode}`;
    const expected = modulesOf(scene);
    expect(codeModules(poster, expected.length)).toEqual(expected);
    await shown(page, `图片已保存：${HOW_TO_POST}`);

    await tap(page, '复制文案');
    await shown(page, `文案已复制：${HOW_TO_POST}`);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(words);
    await screenshot(page, 'sharer-kit-copied');
  });
});

/** Taps 保存图片 and collects the `count` downloads it starts, in order. */
async function saveAll(page: Page, count: number): Promise<Download[]> {
  const downloads: Download[] = [];
  const all = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      downloads.push(download);
      if (downloads.length === count) resolve();
    });
  });
  await tap(page, `保存图片（${count}）`);
  await all;
  return downloads;
}

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** An 8 × 8 PNG uploaded as the caller (the h5 build's uploadFile); answers its fileID. */
async function uploadPicture(token: string, cloudPath: string): Promise<string> {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(200);
  const res = await fetch(`${origin}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
    body: new Uint8Array(PNG.sync.write(png)),
  });
  const body = (await res.json()) as { fileID?: string };
  if (!res.ok || !body.fileID) throw new Error(`upload of ${cloudPath}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.fileID;
}

/** The poster's code read as a `size`-module symbol: each module's centre in the code's box, dark or light. */
function codeModules(poster: Png, size: number): boolean[][] {
  const scale = (CODE.w * POSTER_SCALE) / (size + WXACODE_QR.margin * 2);
  const at = (origin0: number, i: number) => Math.floor(origin0 * POSTER_SCALE + (i + WXACODE_QR.margin + 0.5) * scale);
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => {
      const offset = (at(CODE.y, row) * poster.width + at(CODE.x, col)) * 4;
      return poster.data[offset] + poster.data[offset + 1] + poster.data[offset + 2] < 384;
    }),
  );
}

/** The modules of the emulator's code for `scene` on the product page. */
function modulesOf(scene: string): boolean[][] {
  const { modules } = QRCode.create(wxacodeContent('pages/product/index', scene), {
    errorCorrectionLevel: WXACODE_QR.errorCorrectionLevel,
  });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))),
  );
}
