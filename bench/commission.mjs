// Commission benchmarks of `npm run bench`, on the built `commission` function in the emulator (demo seed, file
// database with WAL + synchronous=FULL, like `npm start`), called through the client gateway as dev users:
// - `myStats` p50 for a sharer with 100k visits (25k distinct visitors) and 10k attributed orders seeded, with their
//   visit markers, commission lines, orders and counters — budget 50 ms — against raw better-sqlite3 reading the same
//   two counter documents in the same run;
// - the TCB requests one `recordVisit` costs: a first visit that binds, a repeat visit, an anonymous view.
// `node bench/commission.mjs` runs this section alone (after `npm run build:emulator && npm run build:cloud`).
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

export const COMMISSION_BUDGETS = { myStatsP50Ms: 50 };
const VISITS = 100_000;
const VISITORS = 25_000;
const ORDERS = 10_000;
const SAMPLES = 200;
const PRODUCTS = ['puer357', 'rice5kg', 'aksu-apple', 'ejiao-cake', 'qinghua-cup', 'qinling-honey', 'ningxia-goji'];
const CHANNELS = ['chat', 'moments', 'poster'];
const SHARER = 'dev_benchsharer';

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

/** The seeded data: visit markers, orders, commission lines, and the counters they add up to. */
function seedData(shareCode) {
  const visitMarkers = [];
  const visits = {
    _id: `${SHARER}:visits`,
    kind: 'visits',
    sharerId: SHARER,
    visits: VISITS,
    visitors: VISITORS,
    products: {},
  };
  const money = {
    _id: `${SHARER}:money`,
    kind: 'money',
    sharerId: SHARER,
    sharerCode: shareCode,
    orders: ORDERS,
    buyers: 0,
    gmvFen: 0,
    pendingFen: 0,
    settledFen: 0,
    reversedFen: 0,
    withdrawnFen: 0,
    requestedFen: 0,
    openWithdrawalId: null,
    products: {},
  };
  const row = (doc, p, c) => ((doc.products[p] ??= {})[c] ??= {});
  for (let v = 0; v < VISITORS; v++) {
    const p = PRODUCTS[v % PRODUCTS.length];
    const c = CHANNELS[v % CHANNELS.length];
    const visitor = `dev_visitor${v}`;
    visitMarkers.push(
      { _id: `${SHARER}|${visitor}`, at: new Date(0) },
      { _id: `${SHARER}|${p}|${c}|${visitor}`, at: new Date(0) },
    );
    const r = row(visits, p, c);
    r.visitors = (r.visitors ?? 0) + 1;
    r.visits = (r.visits ?? 0) + VISITS / VISITORS;
  }
  const orders = [];
  const lines = [];
  const buyers = new Set();
  for (let i = 0; i < ORDERS; i++) {
    const p = PRODUCTS[i % PRODUCTS.length];
    const c = CHANNELS[i % CHANNELS.length];
    const id = `YJBENCH${String(i).padStart(11, '0')}`;
    const buyer = `dev_visitor${i % VISITORS}`;
    buyers.add(buyer);
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
    const settled = i % 2 === 0;
    orders.push({
      _id: id,
      requestKey: `${buyer}:bench${i}`,
      requestHash: 'bench',
      buyerId: buyer,
      status: settled ? 'completed' : 'paid',
      items: [
        {
          productId: p,
          skuId: `${p}-1`,
          skuIndex: 0,
          title: p,
          spec: '默认',
          cover: '',
          priceFen: 5000,
          qty: 1,
          lineFen: 5000,
        },
      ],
      amounts: { goodsFen: 5000, pointsUsed: 0, pointsDiscountFen: 0, shippingFen: 1000, payableFen: 6000 },
      address: { name: '张三', phone: '13800138000', region: '上海市', detail: '世纪大道 100 号' },
      sharerCode: shareCode,
      sharer: { id: SHARER, code: shareCode, channel: c, productId: p, rates: { [p]: 500 } },
      commissionState: settled ? 'closed' : 'credited',
      createdAt: at,
      day: '2026-01-01',
      payBefore: at,
      holdsStock: false,
      paidAt: at,
      paidFen: 6000,
      ...(settled ? { completedAt: at } : {}),
      timeline: [],
    });
    lines.push({
      _id: `${id}:${p}-1`,
      key: `${id}:${p}-1`,
      sharerId: SHARER,
      sharerCode: shareCode,
      orderId: id,
      productId: p,
      skuId: `${p}-1`,
      title: p,
      spec: '默认',
      channel: c,
      baseFen: 5000,
      rateBp: 500,
      amountFen: 250,
      reversedFen: 0,
      status: settled ? 'settled' : 'pending',
      createdAt: at,
      ...(settled ? { settledAt: at } : {}),
    });
    const r = row(money, p, c);
    r.orders = (r.orders ?? 0) + 1;
    r.gmvFen = (r.gmvFen ?? 0) + 5000;
    r.pendingFen = (r.pendingFen ?? 0) + (settled ? 0 : 250);
    r.settledFen = (r.settledFen ?? 0) + (settled ? 250 : 0);
    money.gmvFen += 5000;
    money[settled ? 'settledFen' : 'pendingFen'] += 250;
  }
  money.buyers = buyers.size;
  return { visitMarkers, orders, lines, counters: [visits, money] };
}

/** Raw better-sqlite3, the emulator's pragmas and encoding: read the two counter documents by _id. */
function measureRawCounters(counters) {
  const dir = mkdtempSync(join(tmpdir(), 'youjian-bench-raw-'));
  try {
    const db = openRawDocs(dir);
    const insert = db.prepare('INSERT INTO docs (coll, id, data, ver) VALUES (?, ?, ?, ?)');
    for (const c of counters) insert.run('sharer_stats', c._id, EJSON.stringify(c, { relaxed: true }), 1);
    const get = db.prepare('SELECT data FROM docs WHERE coll = ? AND id = ?').pluck();
    const read = () =>
      counters.map((c) =>
        EJSON.stringify(EJSON.parse(get.get('sharer_stats', c._id), { relaxed: true }), { relaxed: false }),
      );
    for (let i = 0; i < 200; i++) read();
    const times = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      read();
      times.push(performance.now() - t0);
    }
    db.close();
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes `docs` straight to the emulator, 1,000 per TCB request (seeding, not what a call costs). */
export async function insertAll(api, collectionName, docs) {
  for (let i = 0; i < docs.length; i += 1000) {
    const data = docs.slice(i, i + 1000).map((d) => EJSON.stringify(d, { relaxed: false }));
    const reply = await api.tcb({ action: 'database.insertDocument', collectionName, data });
    if (reply.code) throw new Error(`seeding ${collectionName}: ${JSON.stringify(reply).slice(0, 300)}`);
  }
}

async function requestsOf(api, as, body) {
  await api.resetStats();
  const result = as ? await api.call(as, 'commission', body) : null;
  if (as && !result?.ok) throw new Error(`commission.${body.action} refused: ${JSON.stringify(result)}`);
  const { tcbRequests, tcbActions } = await api.stats();
  return { tcbRequests, tcbActions, result };
}

export async function runCommission() {
  const emu = await startEmulator({ seed: 'demo' });
  let stats;
  let visitsCost;
  let raw;
  try {
    const api = client(emu.origin);
    const me = (await api.call('benchsharer', 'shop', { action: 'session' })).data.user;
    const data = seedData(me.shareCode);
    raw = measureRawCounters(data.counters);
    const seedStart = performance.now();
    await insertAll(api, 'visits', data.visitMarkers);
    await insertAll(api, 'orders', data.orders);
    await insertAll(api, 'commissions', data.lines);
    await insertAll(api, 'sharer_stats', data.counters);
    const seedMs = performance.now() - seedStart;

    const check = await api.call('benchsharer', 'commission', { action: 'myStats' });
    if (!check?.ok || check.data.visits !== VISITS || check.data.orders !== ORDERS)
      throw new Error(`myStats does not see the seed: ${JSON.stringify(check).slice(0, 300)}`);
    for (let i = 0; i < 20; i++) await api.call('benchsharer', 'commission', { action: 'myStats' }); // warm instance
    const times = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      await api.call('benchsharer', 'commission', { action: 'myStats' });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const { tcbRequests: statsRequests } = await requestsOf(api, 'benchsharer', { action: 'myStats' });
    const pageTimes = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await api.call('benchsharer', 'commission', { action: 'myCommissions', limit: 20 });
      pageTimes.push(performance.now() - t0);
    }
    pageTimes.sort((a, b) => a - b);
    stats = {
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      requests: statsRequests,
      pageP50: percentile(pageTimes, 50),
      seedMs,
      rows: check.data.rows.length,
    };

    const visit = { action: 'recordVisit', productId: 'aksu-apple', s: me.shareCode, c: 'chat' };
    await api.call('warmvisitor', 'commission', visit);
    const first = await requestsOf(api, 'newvisitor', visit);
    const repeat = await requestsOf(api, 'newvisitor', visit);
    if (first.result.data.bound !== true || repeat.result.data.bound !== false)
      throw new Error('recordVisit did not bind as expected');
    visitsCost = { first, repeat };
  } finally {
    await emu.stop();
  }
  const actions = (a) =>
    Object.entries(a)
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const fmt = (n) => n.toFixed(1);
  const visitsText = VISITS.toLocaleString('en-US');
  const visitorsText = VISITORS.toLocaleString('en-US');
  const ordersText = ORDERS.toLocaleString('en-US');
  const seedS = (stats.seedMs / 1000).toFixed(1);
  const budgetMs = COMMISSION_BUDGETS.myStatsP50Ms;
  const checks = [
    [
      `commission.myStats p50 ${fmt(stats.p50)} ms with ${visitsText} visits and ${ordersText} orders ` +
        `(budget ≤ ${budgetMs} ms)`,
      stats.p50 <= budgetMs,
    ],
  ];
  for (const [text, ok] of checks) console.log(`${ok ? '\x1b[32mPASS\x1b[0m' : '\x1b[31mFAIL\x1b[0m'} ${text}`);
  const md = `
## Commission (the \`commission\` function in the emulator)

One sharer with ${visitsText} visits by ${visitorsText} visitors (their first-visit markers stored) and
${ordersText} attributed orders with their commission lines and counters, written straight to the emulator
(${seedS} s), on the demo seed; calls through the client gateway, one at a time, warm instance.

| what | measured | budget | result |
|---|---:|---:|---|
| \`myStats\` p50 (${SAMPLES} calls) | ${fmt(stats.p50)} ms | ≤ ${budgetMs} ms | ${verdict(stats.p50 <= budgetMs)} |

| figure | value |
|---|---:|
| \`myStats\` p99 | ${fmt(stats.p99)} ms |
| \`myStats\` TCB requests (counters, titles, friends' counts, the member, track record) | ${stats.requests} |
| funnel rows returned (product × channel) | ${stats.rows} |
| raw SQLite: read the same two counter documents by _id, p50, same run | ${raw.p50.toFixed(3)} ms |
| ratio: \`myStats\` p50 ÷ raw read p50 | ${(stats.p50 / raw.p50).toFixed(0)} |
| \`myCommissions\` first page of 20 lines, p50 | ${fmt(stats.pageP50)} ms |
| TCB requests of one \`recordVisit\`: first visit (binds) | ${visitsCost.first.tcbRequests} |
| TCB requests of one \`recordVisit\`: repeat visit (already bound) | ${visitsCost.repeat.tcbRequests} |

- First visit: ${actions(visitsCost.first.tcbActions)}. Repeat visit: ${actions(visitsCost.repeat.tcbActions)}.
- A visit reads the sharer, the product and the visitor's binding together, writes two first-visit markers (a duplicate
  means "seen before"), takes the binding when there is none, and bumps one counter document. Nothing reads visits back:
  the center reads counters only, so its cost does not grow with visits or orders; the ratio is the function call
  (gateway, instance, SDK round trips) over one in-process read.
`;
  return { md, ok: checks.every(([, ok]) => ok), checks };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { md, ok } = await runCommission();
  console.log(md);
  process.exit(ok ? 0 : 1);
}
