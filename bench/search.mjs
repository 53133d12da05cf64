// Catalogue search benchmark of `npm run bench`, on the built `shop` function in the emulator (demo seed, file
// database with WAL + synchronous=FULL, like `npm start`), called through the client gateway as a buyer:
// - `listProducts { q }` over 2,000 products on sale (written straight to the emulator, each with a cover and two
//   SKUs, beside the demo seed's): p50 and p99 of the first page for a word 1 product in 10 holds (in its title or
//   a SKU's spec) and for a word only one product holds, and the TCB requests of one call;
// - against raw better-sqlite3 doing the same work in the same run: read every product document, decode it, keep
//   those on sale whose title or a SKU spec holds the word (case-insensitive), order by (sort, _id), encode the first
//   11 (a page and the one that says there is more).
// `node bench/search.mjs` runs this section alone (after `npm run build:emulator && npm run build:cloud`).
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../scripts/e2e.mjs';
import { client } from './orders.mjs';
import { openRawDocs } from './raw-docs.mjs';

const require = createRequire(import.meta.url);
const { EJSON } = require('bson');

const PRODUCTS = 2_000;
const SAMPLES = 200;
const PAGE = 10;
/** In 1 product of 10: the title of half of them, a SKU's spec of the other half. */
const COMMON = '马克杯';
/** In the title of one product only. */
const RARE = '青花瓷盖碗';

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

function benchProducts(cover) {
  return Array.from({ length: PRODUCTS }, (_, i) => {
    const common = i % 10 === 0;
    const title = i === 1234 ? `${RARE} 手绘` : `基准商品 ${i} ${common && i % 20 === 0 ? COMMON : '茶具'}`;
    return {
      _id: `bench${String(i).padStart(5, '0')}`,
      title,
      description: '',
      images: [cover],
      skus: [
        { id: `bench${i}-1`, spec: common && i % 20 !== 0 ? `${COMMON} 单只` : '单只', priceFen: 1000 + i, stock: 50 },
        { id: `bench${i}-2`, spec: '两只装', priceFen: 1900 + i, stock: 20 },
      ],
      status: 'on_sale',
      sort: 10_000 + i,
      holds: [],
      categoryIds: [],
    };
  });
}

/** Raw better-sqlite3, the emulator's pragmas and document encoding: the same search done in-process. */
function measureRaw(products, q) {
  const dir = mkdtempSync(join(tmpdir(), 'youjian-bench-raw-'));
  try {
    const db = openRawDocs(dir);
    const insert = db.prepare('INSERT INTO docs (coll, id, data, ver) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const p of products) insert.run('products', p._id, EJSON.stringify(p, { relaxed: true }), 1);
    })();
    const scan = db.prepare('SELECT data FROM docs WHERE coll = ?').pluck();
    const words = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    const search = () =>
      scan
        .all('products')
        .map((data) => EJSON.parse(data, { relaxed: true }))
        .filter((p) => p.status === 'on_sale' && (words.test(p.title) || p.skus.some((s) => words.test(s.spec))))
        .sort((a, b) => a.sort - b.sort || (a._id < b._id ? -1 : 1))
        .slice(0, PAGE + 1)
        .map((p) => EJSON.stringify(p, { relaxed: false }));
    for (let i = 0; i < 20; i++) search();
    const times = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      search();
      times.push(performance.now() - t0);
    }
    db.close();
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureCalls(api, q) {
  const body = { action: 'listProducts', q, limit: PAGE };
  const check = await api.call('benchbuyer', 'shop', body);
  if (!check?.ok) throw new Error(`listProducts refused: ${JSON.stringify(check)}`);
  for (let i = 0; i < 20; i++) await api.call('benchbuyer', 'shop', body); // warm instance
  const times = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await api.call('benchbuyer', 'shop', body);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  await api.resetStats();
  await api.call('benchbuyer', 'shop', body);
  const { tcbRequests, tcbActions } = await api.stats();
  return { p50: percentile(times, 50), p99: percentile(times, 99), tcbRequests, tcbActions, page: check.data };
}

export async function runSearch() {
  const emu = await startEmulator({ seed: 'demo' });
  let common;
  let rare;
  let products;
  try {
    const api = client(emu.origin);
    // A demo product's cover: a file that exists, so the page's one URL batch is the real one.
    const demo = await api.call('owner', 'shop', { action: 'ownerProduct', id: 'puer357' });
    if (!demo?.ok) throw new Error(`ownerProduct refused: ${JSON.stringify(demo)}`);
    const cover = demo.data.photos[0].fileId;
    products = benchProducts(cover);
    for (let i = 0; i < products.length; i += 500) {
      const data = products.slice(i, i + 500).map((d) => EJSON.stringify(d, { relaxed: false }));
      await api.tcb({ action: 'database.insertDocument', collectionName: 'products', data });
    }
    common = await measureCalls(api, COMMON);
    rare = await measureCalls(api, RARE);
    if (common.page.items.length !== PAGE || !common.page.nextCursor)
      throw new Error(`"${COMMON}" did not fill a page: ${JSON.stringify(common.page).slice(0, 300)}`);
    if (rare.page.items.length !== 1) throw new Error(`"${RARE}" found ${rare.page.items.length} products`);
  } finally {
    await emu.stop();
  }
  const rawCommon = measureRaw(products, COMMON);
  const rawRare = measureRaw(products, RARE);
  const holds = (p, q) => p.title.includes(q) || p.skus.some((s) => s.spec.includes(q));
  const matching = products.filter((p) => holds(p, COMMON)).length;
  const actions = (a) =>
    Object.entries(a)
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const ms = (n) => `${n.toFixed(1)} ms`;
  const row = (q, what, matches, emu, raw) =>
    `| \`${q}\` (${what}) | ${matches} | ${ms(emu.p50)} / ${ms(emu.p99)} | ${ms(raw.p50)} | ` +
    `${(emu.p50 / raw.p50).toFixed(1)} | ${emu.tcbRequests} |`;
  const md = `
## Catalogue search (\`shop.listProducts { q }\` in the emulator)

${PRODUCTS.toLocaleString('en-US')} products on sale (each with a cover and two SKUs) written straight to the emulator
beside the demo seed; a buyer asks for the first page of ${PAGE}, through the client gateway, one call at a time, warm
instance (${SAMPLES} calls each). The search is a case-insensitive, literal \`db.RegExp\` on the title or a SKU's
spec of the products on sale: no index can serve it, so every product on sale is read. Baseline: raw better-sqlite3
doing the same search in-process in the same run (read and decode every product, filter, order by (sort, _id),
encode ${PAGE + 1}).

| \`q\` | matches | \`listProducts\` p50 / p99 | raw SQLite p50 | ratio (p50 ÷ raw p50) | TCB requests |
|---|---:|---:|---:|---:|---:|
${row(COMMON, '1 product in 10', matching, common, rawCommon)}
${row(RARE, 'one product', 1, rare, rawRare)}

- One call: ${actions(common.tcbActions)} (the products query and the settings for the first page's shop name
  and logo, read together, then one batch of cover URLs).
`;
  return { md };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log((await runSearch()).md);
