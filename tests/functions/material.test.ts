// The sharer's kit (一键发圈) through the emulator: the owner's Moments material (shop.saveMaterial, owner-only, the
// shop's own images only, words through content security, limits), and a member's kit (commission.material): the
// owner's words and pictures, the member's own visible review photos only, their note, and a poster whose code is
// their share scene. The emulator's code is a QR of `<page>?scene=<scene>` (emulator/openapi.ts): read module by
// module and compared with the symbol of the expected text.
import QRCode from 'qrcode';
import { wxacodeContent, WXACODE_QR } from '../../emulator/openapi';
import { post } from '../emulator/harness';
import { OWNER, useShop } from './order-kit';

interface Png {
  width: number;
  height: number;
  data: Buffer;
}
// pngjs comes with qrcode; it has no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(buffer: Buffer): Png } } };

const shop = useShop();

afterEach(async () => {
  await security({ riskyWords: [], reviewWords: [], riskyFiles: [], failing: false });
  await post(shop.emu, '/__dev/security/flush', {});
});

async function security(rules: Record<string, unknown>) {
  const res = await post(shop.emu, '/__dev/security', rules);
  if (res.status !== 200) throw new Error(`/__dev/security: ${res.text}`);
}

async function ok(as: string, fn: string, action: string, input: Record<string, unknown> = {}) {
  const result = await shop.call(as, fn, { action, ...input });
  if (!result.ok) throw new Error(`${fn}.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

async function refused(as: string, fn: string, action: string, input: Record<string, unknown> = {}) {
  const result = await shop.call(as, fn, { action, ...input });
  if (result.ok) throw new Error(`${fn}.${action} as ${as} went through: ${JSON.stringify(result)}`);
  return result.error.code as string;
}

const stored = async (productId: string) =>
  (
    await shop.db
      .collection('materials')
      .doc(productId)
      .get()
      .catch(() => null)
  )?.data;

/** The owner's upload from the 素材 editor: into `products/<openid>/`, as the product editor does. */
const ownerImage = () => shop.upload(OWNER, { folder: 'products' });

describe('shop.saveMaterial (the owner’s 素材)', () => {
  test('the owner saves words and the shop’s images and reads them back; a member is refused', async () => {
    await shop.makeProduct('mat-a', [{ stock: 5 }]);
    const images = [await ownerImage(), await ownerImage()];
    const texts = ['  新季蜂蜜到了，甜而不腻  ', '第二段文案'];
    expect(await refused('mat_m1', 'shop', 'saveMaterial', { productId: 'mat-a', texts, images })).toBe(
      'auth.not_owner',
    );
    expect(await stored('mat-a')).toBeUndefined();

    const { material } = await ok(OWNER, 'shop', 'saveMaterial', { productId: 'mat-a', texts, images });
    expect(material).toMatchObject({ productId: 'mat-a', texts: ['新季蜂蜜到了，甜而不腻', '第二段文案'] });
    expect(material.images.map((i: { fileId: string }) => i.fileId)).toEqual(images);
    expect(material.images.every((i: { url: string }) => i.url.startsWith('http'))).toBe(true);
    expect((await ok(OWNER, 'shop', 'ownerMaterial', { productId: 'mat-a' })).material).toEqual(material);
    expect(await refused('mat_m1', 'shop', 'ownerMaterial', { productId: 'mat-a' })).toBe('auth.not_owner');

    // Saved whole: fewer texts and no images replace what was there.
    const { material: again } = await ok(OWNER, 'shop', 'saveMaterial', {
      productId: 'mat-a',
      texts: ['一段'],
      images: [],
    });
    expect(again).toMatchObject({ texts: ['一段'], images: [] });
    expect(await stored('mat-a')).toMatchObject({ texts: ['一段'], images: [] });
    expect((await ok(OWNER, 'shop', 'ownerMaterial', { productId: 'aksu-apple' })).material).toEqual({
      productId: 'aksu-apple',
      texts: [],
      images: [],
      updatedAt: null,
    });
    expect(await refused(OWNER, 'shop', 'saveMaterial', { productId: 'nope', texts: ['x'], images: [] })).toBe(
      'product.not_found',
    );
  });

  test('an image that is not the shop’s own is refused with a code, and nothing is saved', async () => {
    await shop.makeProduct('mat-b', [{ stock: 5 }]);
    const good = await ownerImage();
    await ok(OWNER, 'shop', 'saveMaterial', { productId: 'mat-b', texts: ['原来的'], images: [good] });
    const before = await stored('mat-b');
    const env = /^cloud:\/\/([^.]+)\./.exec(good)?.[1] as string;
    const memberReview = await shop.upload('mat_m2', { folder: 'reviews' });
    const logo = await shop.upload(OWNER, { folder: 'shop' });
    const cases: Array<[string, string]> = [
      ['another env', good.replace(`cloud://${env}.`, 'cloud://other-env.')],
      ['a member’s review upload', memberReview],
      ['the logo folder', logo],
      ['a path that climbs out', good.replace('/products/', '/products/../reviews/')],
      ['a deeper path', good.replace('/products/', '/products/x/')],
      ['not a fileID', 'https://example.com/a.png'],
      ['regex characters', `cloud://${env}.b/products/.*/(a|b)+.png`],
    ];
    for (const [what, fileID] of cases) {
      const code = await refused(OWNER, 'shop', 'saveMaterial', {
        productId: 'mat-b',
        texts: ['新'],
        images: [fileID],
      });
      expect([what, code]).toEqual([what, 'material.image_not_shop']);
    }
    // In the shop's folder but never uploaded.
    const missing = good.replace(/\/[^/]+$/, '/never-uploaded.png');
    expect(await refused(OWNER, 'shop', 'saveMaterial', { productId: 'mat-b', texts: ['新'], images: [missing] })).toBe(
      'product.photo_missing',
    );
    expect(await stored('mat-b')).toEqual(before);
  });

  test('limits: 1–3 texts of 1–500 characters, at most 9 images, strict types', async () => {
    await shop.makeProduct('mat-c', [{ stock: 5 }]);
    const image = await ownerImage();
    const base = { productId: 'mat-c', texts: ['好'], images: [image] };
    const bad: Array<Record<string, unknown>> = [
      { texts: [] },
      { texts: ['1', '2', '3', '4'] },
      { texts: ['字'.repeat(501)] },
      { texts: ['   '] },
      { texts: ['x'.repeat(10_240)] },
      { texts: 'a string' },
      { texts: [42] },
      { images: Array.from({ length: 10 }, (_, i) => image.replace(/\.png$/, `-${i}.png`)) },
      { images: [image, image] },
      { images: ['x'.repeat(10_240)] },
      { images: [{ fileID: image }] },
      { productId: 'x'.repeat(10_240) },
      { productId: 42 },
      { extra: true },
    ];
    for (const change of bad) {
      expect([change, await refused(OWNER, 'shop', 'saveMaterial', { ...base, ...change })]).toEqual([
        change,
        'input.invalid',
      ]);
    }
    expect(await stored('mat-c')).toBeUndefined();
    const nine = await Promise.all(Array.from({ length: 9 }, () => ownerImage()));
    const texts = ['字'.repeat(500), '二', '三'];
    const { material } = await ok(OWNER, 'shop', 'saveMaterial', { ...base, texts, images: nine });
    expect([material.texts, material.images.length]).toEqual([texts, 9]);
  });

  test('words go through content security: a risky text is refused (content.risky), nothing saved', async () => {
    await shop.makeProduct('mat-d', [{ stock: 5 }]);
    await security({ riskyWords: ['加微信'] });
    const input = { productId: 'mat-d', texts: ['好蜂蜜', '便宜，加微信私聊'], images: [] };
    expect(await refused(OWNER, 'shop', 'saveMaterial', input)).toBe('content.risky');
    expect(await stored('mat-d')).toBeUndefined();
    await security({ failing: true });
    expect(await refused(OWNER, 'shop', 'saveMaterial', { ...input, texts: ['好蜂蜜'] })).toBe('content.check_failed');
    expect(await stored('mat-d')).toBeUndefined();
  });
});

describe('commission.material (a member’s kit)', () => {
  test('the owner’s words and pictures, the member’s own visible review photos only, their note and code', async () => {
    const [item] = await shop.makeProduct('mat-e', [{ stock: 10 }]);
    const ownerImages = [await ownerImage(), await ownerImage()];
    await ok(OWNER, 'shop', 'saveMaterial', { productId: 'mat-e', texts: ['店主的话'], images: ownerImages });

    // kit_a: two reviews with a photo each (one the owner hides), and a photo content security does not pass.
    const first = await shop.completed('kit_a', [item]);
    const second = await shop.completed('kit_a', [item]);
    const third = await shop.completed('kit_a', [item]);
    const shown = await shop.upload('kit_a', { cloudPath: 'reviews/dev_kit_a/shown.png' });
    const risky = await shop.upload('kit_a', { cloudPath: 'reviews/dev_kit_a/risky.png' });
    const inHidden = await shop.upload('kit_a', { cloudPath: 'reviews/dev_kit_a/hidden.png' });
    const pending = await shop.upload('kit_a', { cloudPath: 'reviews/dev_kit_a/pending.png' });
    await security({ riskyFiles: ['reviews/dev_kit_a/risky.png'] });
    const write = (order: { id: string }, photos: string[]) =>
      ok('kit_a', 'shop', 'review', { orderId: order.id, skuId: item.skuId, rating: 5, text: '好', photos });
    await write(first, [shown, risky]);
    const { review: hidden } = await write(second, [inHidden]);
    await post(shop.emu, '/__dev/security/flush', {});
    await ok(OWNER, 'shop', 'hideReview', { reviewId: hidden.id, hidden: true });
    await write(third, [pending]); // its verdict has not come yet
    // Another member's passed review photo is not kit_a's.
    const other = await shop.completed('kit_b', [item]);
    await ok('kit_b', 'shop', 'review', {
      orderId: other.id,
      skuId: item.skuId,
      rating: 5,
      text: '好',
      photos: [await shop.upload('kit_b', { cloudPath: 'reviews/dev_kit_b/theirs.png' })],
    });
    await ok('kit_a', 'commission', 'setNote', { productId: 'mat-e', note: '我家天天吃' });
    await security({ riskyFiles: [] });
    const pendingBefore = await shop.db.collection('reviews').doc(`${third.id}:${item.skuId}`).get();
    expect(pendingBefore.data.photoChecks[0].state).toBe('pending');

    const kit = await ok('kit_a', 'commission', 'material', { productId: 'mat-e' });
    expect(kit.texts).toEqual(['店主的话']);
    expect(kit.note).toBe('我家天天吃');
    expect(kit.images.map((i: { source: string }) => i.source)).toEqual(['owner', 'owner', 'review']);
    const paths = kit.images.map((i: { url: string }) => new URL(i.url).pathname);
    expect(paths[0]).toContain(ownerImages[0].split('/').slice(-1)[0]);
    expect(paths[1]).toContain(ownerImages[1].split('/').slice(-1)[0]);
    expect(paths[2]).toContain('/reviews/dev_kit_a/shown.png');

    const { shareCode } = (await ok('kit_a', 'shop', 'session')).user;
    expect(kit.poster.scene).toBe(`p=mat-e&s=${shareCode}`);
    expect(kit.poster.note).toBe('我家天天吃');
    const expected = modulesOf(`p=mat-e&s=${shareCode}`);
    expect(codeModules(kit.poster.code, expected.length)).toEqual(expected);
    const bobCode = (await ok('kit_b', 'shop', 'session')).user.shareCode;
    expect(codeModules(kit.poster.code, expected.length)).not.toEqual(modulesOf(`p=mat-e&s=${bobCode}`));
  });

  test('without material: the title and its price line, the product’s pictures; unknown ones refused', async () => {
    await ok('kit_c', 'shop', 'session'); // a member is made at their first session, as the app starts
    const kit = await ok('kit_c', 'commission', 'material', { productId: 'qinling-honey' });
    const product = (await ok('kit_c', 'shop', 'getProduct', { id: 'qinling-honey' })).product;
    expect(kit.texts).toEqual([`${product.title}\n¥${(kit.poster.product.priceFen / 100).toFixed(2)}`]);
    expect(kit.note).toBe('');
    expect(kit.images.length).toBe(product.images.length);
    expect(kit.images.every((i: { source: string }) => i.source === 'owner')).toBe(true);
    expect(await refused('kit_c', 'commission', 'material', { productId: 'nope' })).toBe('product.not_found');
    // The owner's words without pictures of their own: the product's pictures go with them.
    await ok(OWNER, 'shop', 'saveMaterial', { productId: 'qinling-honey', texts: ['只有文字'], images: [] });
    const wordsOnly = await ok('kit_c', 'commission', 'material', { productId: 'qinling-honey' });
    expect(wordsOnly.texts).toEqual(['只有文字']);
    expect(wordsOnly.images).toEqual(kit.images);
    expect(await refused('kit_c', 'commission', 'material', { productId: 'x'.repeat(10_240) })).toBe('input.invalid');
  });
});

/** The code PNG (a data URL) read as a `size`-module symbol: each module's centre, dark or light. */
function codeModules(dataUrl: string, size: number): boolean[][] {
  const image = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const scale = image.width / (size + WXACODE_QR.margin * 2);
  const centre = (i: number) => Math.floor((i + WXACODE_QR.margin + 0.5) * scale);
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => {
      const at = (centre(row) * image.width + centre(col)) * 4;
      return image.data[at] + image.data[at + 1] + image.data[at + 2] < 384;
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
