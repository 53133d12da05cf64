// Journey: the sharer's kit (一键发圈). The owner writes Moments material for a demo product in its 素材 editor (two
// texts and an uploaded picture); alice opens 一键发圈 from the product page's share sheet, saves the pictures (h5: a
// download each, the owner's picture then her poster, whose code is read module by module and is her share scene) and
// copies the words (her note, if any, then the owner's), and the page says how to post them.
import type { Download, Page } from 'playwright-core';
import QRCode from 'qrcode';
import type { MaterialKit } from '../../cloudfunctions/contracts/commission';
import type { OwnerMaterial, ProductDetail, SessionResult } from '../../cloudfunctions/contracts/shop';
import { wxacodeContent, WXACODE_QR } from '../../emulator/openapi';
import { CODE, POSTER_HEIGHT, POSTER_SCALE, POSTER_WIDTH } from '../../src/share/poster/layout';
import { HOW_TO_POST } from '../../src/share/moments/kit';
import { callFunction, journeySessions, origin, screenshot, signIn, withFailureScreenshot } from './harness';
import { content, fill, shown, tap } from './steps';

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
const TEXT_PLACEHOLDER = '推荐人发朋友圈时用的文字，比如产地、口感、适合谁';
const OWNER_TEXTS = ['秦岭深山里的好东西，一年只有这一季', '自家也在吃，朋友回购了三次'];

const open = journeySessions();

let productId: string;
let title: string;

test('the owner writes Moments material in the 素材 editor of a product: two texts and a picture', async () => {
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
  const { page } = await open('owner');
  await withFailureScreenshot(page, 'sharer-kit-material', async () => {
    await page.goto(`${origin}/#/owner/product/index?id=${productId}`);
    await tap(page, '朋友圈素材');
    await page.waitForURL(/\/owner\/material\/index\?id=/);
    await fill(page, TEXT_PLACEHOLDER, OWNER_TEXTS[0]);
    await tap(page, '+ 再写一段');
    await shown(page, '文案 2');
    await fill(page, TEXT_PLACEHOLDER, OWNER_TEXTS[1]);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, '+ 添加图片')]);
    await chooser.setFiles({ name: 'kit.png', mimeType: 'image/png', buffer: tinyPng() });
    await shown(page, '图片 1/9');
    await screenshot(page, 'sharer-kit-material');
    await tap(page, '保存素材');
    await page.getByText('素材已保存').waitFor();
  });
  // What the server stored: both texts, and the picture in the owner's own folder of the shop's products/.
  const { user } = await callFunction<SessionResult>(owner, 'shop', 'session');
  const { material } = await callFunction<{ material: OwnerMaterial }>(owner, 'shop', 'ownerMaterial', { productId });
  expect(material.texts).toEqual(OWNER_TEXTS);
  expect(material.images).toHaveLength(1);
  expect(material.images[0].fileId).toContain(`/products/${user.openid}/`);
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

/** An 8 × 8 grey PNG (the owner's picture). */
function tinyPng(): Buffer {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(200);
  return PNG.sync.write(png);
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
