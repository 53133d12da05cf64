// Product desk benchmarks of `npm run bench`, on the built `shop` function in the emulator (demo seed):
// - what the home grid downloads: the owner puts 10 products on sale, each with a 1600×1200 JPEG phone photo
//   uploaded through the h5 upload endpoint; the first page of `listProducts` is fetched as a buyer, then every
//   card image it names (the thumbnail style) against the same photos at full size, in the same run;
// - the TCB requests of one `setStock` (the adjustment and its ledger entry in one transaction).
// `node bench/products.mjs` runs this section alone (after `npm run build:emulator && npm run build:cloud`).
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../scripts/e2e.mjs';
import { client } from './orders.mjs';

const require = createRequire(import.meta.url);
const sharp = require('sharp');

const PRODUCTS = 10;

/** A photo that compresses like a real one: smooth colour with fine noise, at a phone's JPEG quality. */
async function photo(seed) {
  const width = 1600;
  const height = 1200;
  const pixels = Buffer.alloc(width * height * 3);
  let x = seed * 2654435761;
  for (let i = 0; i < pixels.length; i += 3) {
    x = (x * 1103515245 + 12345) >>> 0;
    const p = i / 3;
    const noise = (x >>> 24) % 32;
    pixels[i] = (((p % width) / width) * 200 + noise) | 0;
    pixels[i + 1] = ((Math.floor(p / width) / height) * 200 + noise) | 0;
    pixels[i + 2] = (seed * 23 + noise) % 256;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function bytesOf(url) {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return (await res.arrayBuffer()).byteLength;
}

export async function runProducts() {
  const emu = await startEmulator({ seed: 'demo' });
  let grid;
  let stockRequests;
  try {
    const api = client(emu.origin);
    const owner = await api.session('owner');
    const ids = [];
    // The owner uploads into their own folder (a dev session's openid is dev_<name>), as the storage rule requires.
    const folder = 'products/dev_owner';
    for (let i = 0; i < PRODUCTS; i++) {
      const res = await fetch(`${emu.origin}/api/storage/upload?cloudPath=${folder}/bench-${i}-${randomUUID()}.jpg`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner}`, 'content-type': 'image/jpeg' },
        body: await photo(i + 1),
      });
      const { fileID } = await res.json();
      const saved = await api.call('owner', 'shop', {
        action: 'saveProduct',
        requestId: randomUUID(),
        title: `基准商品 ${i + 1}`,
        description: '',
        photos: [fileID],
        skus: [{ spec: '标准', priceFen: 1000 + i, initialStock: 100 }],
        commissionRateBp: null,
        status: 'on_sale',
      });
      if (!saved?.ok) throw new Error(`saveProduct refused: ${JSON.stringify(saved)}`);
      ids.push(saved.data.product.id);
    }
    const page = await api.call('benchbuyer', 'shop', { action: 'listProducts', limit: PRODUCTS });
    const cards = page.data.items.filter((c) => ids.includes(c.id));
    if (cards.length !== PRODUCTS)
      throw new Error(`the first page shows ${cards.length} of the ${PRODUCTS} new products`);
    let thumbs = 0;
    let originals = 0;
    for (const card of cards) {
      thumbs += await bytesOf(card.image);
      originals += await bytesOf(card.image.replace(/[?&]imageMogr2\/.*$/, ''));
    }
    grid = { thumbs, originals, style: /imageMogr2\/[^&]*$/.exec(cards[0].image)?.[0] ?? '' };

    const product = (await api.call('owner', 'shop', { action: 'ownerProduct', id: ids[0] })).data;
    await api.resetStats();
    const adjusted = await api.call('owner', 'shop', {
      action: 'setStock',
      productId: ids[0],
      skuId: product.skus[0].id,
      requestId: randomUUID(),
      delta: 5,
      reason: '到货入库',
    });
    if (!adjusted?.ok) throw new Error(`setStock refused: ${JSON.stringify(adjusted)}`);
    stockRequests = (await api.stats()).tcbRequests;
  } finally {
    await emu.stop();
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const md = `
## Product desk: what the home grid downloads

The owner puts ${PRODUCTS} products on sale, each with a 1600×1200 JPEG photo uploaded like the editor does; a buyer
reads the first page of \`listProducts\` and downloads every card image it names (\`${grid.style}\`, the CloudBase
image-processing style the functions append; the emulator renders it with sharp), against the same photos at full
size in the same run.

| figure | value |
|---|---:|
| ${PRODUCTS} card images as listed (thumbnails) | ${kb(grid.thumbs)} |
| the same ${PRODUCTS} photos at full size | ${kb(grid.originals)} |
| ratio: thumbnails ÷ full size | ${(grid.thumbs / grid.originals).toFixed(3)} |
| TCB requests of one \`setStock\` (owner check, transaction: product + ledger) | ${stockRequests} |
`;
  return { md };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log((await runProducts()).md);
