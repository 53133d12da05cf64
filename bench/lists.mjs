// List benchmarks of `npm run bench`: first pages at scale, on the built functions in the emulator (demo seed, file
// database with WAL + synchronous=FULL, like `npm start`), called through the client gateway, one at a time, warm:
// - `commission.myCommissions` first page (20 lines) for a sharer with 10,000 commission lines — budget p50 ≤ 20 ms;
// - `order.ownerList` first page (10 orders, 全部) with 100,000 orders — budget p50 ≤ 50 ms;
// each against raw better-sqlite3 reading the same page in the same run (an index table on the sort keys joined to
// the documents, ORDER BY … LIMIT, decode and encode each document), with p99 and the TCB requests of one call.
// The emulator reads a sorted page in a declared index's order inside SQLite (emulator/order-plan.ts), so a page
// costs what it returns. `report.dashboard` is measured too when the tree has `cloudfunctions/report`.
// `node bench/lists.mjs` runs this section alone (after `npm run build:emulator && npm run build:cloud`).
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { root, startEmulator } from '../scripts/e2e.mjs';
import { insertAll } from './commission.mjs';
import { client } from './orders.mjs';
import { openRawDocs } from './raw-docs.mjs';

const require = createRequire(import.meta.url);
const { EJSON } = require('bson');

export const LIST_BUDGETS = { myCommissionsP50Ms: 20, ownerListP50Ms: 50, dashboardP50Ms: 50, dashboardRequests: 4 };
const LINES = 10_000;
const ORDERS = 100_000;
/** Calls measured per list (BENCH_LIST_SAMPLES: fewer, to time a slow build). */
const SAMPLES = Number(process.env.BENCH_LIST_SAMPLES ?? 200);
const SHARER = 'dev_benchsharer';
const PRODUCTS = ['puer357', 'rice5kg', 'aksu-apple', 'ejiao-cake', 'qinghua-cup', 'qinling-honey', 'ningxia-goji'];
const COMMISSION_PAGE = 20;
const ORDER_PAGE = 10;
const BATCH = 1000;

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

/** Order `i` (the first LINES attributed to the sharer, half completed), one minute apart, the newest last. */
function order(i, shareCode) {
  const p = PRODUCTS[i % PRODUCTS.length];
  const id = `YJLIST${String(i).padStart(12, '0')}`;
  const buyer = `dev_listbuyer${i % 5000}`;
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
  const attributed = i < LINES;
  const done = i % 2 === 0;
  return {
    _id: id,
    requestKey: `${buyer}:list${i}`,
    requestHash: 'bench',
    buyerId: buyer,
    status: done ? 'completed' : 'paid',
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
    address: {
      name: '张三',
      phone: `138${String(i % 100_000_000).padStart(8, '0')}`,
      region: '上海市',
      detail: '1 号',
    },
    ...(attributed
      ? {
          sharerCode: shareCode,
          sharer: { id: SHARER, code: shareCode, channel: 'chat', productId: p, rates: { [p]: 500 } },
          commissionState: done ? 'closed' : 'credited',
        }
      : {}),
    createdAt: at,
    day: at.toISOString().slice(0, 10),
    payBefore: at,
    holdsStock: false,
    paidAt: at,
    paidDay: at.toISOString().slice(0, 10),
    paidFen: 6000,
    ...(done ? { completedAt: at } : {}),
    timeline: [],
  };
}

function line(o, shareCode) {
  const { productId: p, skuId } = o.items[0];
  const settled = o.status === 'completed';
  return {
    _id: `${o._id}:${skuId}`,
    key: `${o._id}:${skuId}`,
    sharerId: SHARER,
    sharerCode: shareCode,
    orderId: o._id,
    productId: p,
    skuId,
    title: p,
    spec: '默认',
    channel: 'chat',
    baseFen: 5000,
    rateBp: 500,
    amountFen: 250,
    reversedFen: 0,
    status: settled ? 'settled' : 'pending',
    createdAt: o.createdAt,
    ...(settled ? { settledAt: o.createdAt } : {}),
  };
}

/**
 * Raw better-sqlite3, the emulator's pragmas and encoding: the page read through an index table on (group, time,
 * id) joined to the documents, newest first, LIMIT n, each document decoded and encoded (what a reply carries).
 */
function measureRawPage(coll, docs, groupOf, n, atOf = (d) => d.createdAt.getTime()) {
  const dir = mkdtempSync(join(tmpdir(), 'youjian-bench-raw-'));
  try {
    const db = openRawDocs(dir);
    db.exec(
      'CREATE TABLE ord (coll TEXT NOT NULL, grp TEXT NOT NULL, at INTEGER NOT NULL, id TEXT NOT NULL, ' +
        'PRIMARY KEY (coll, grp, at, id)) WITHOUT ROWID',
    );
    const insert = db.prepare('INSERT INTO docs (coll, id, data, ver) VALUES (?, ?, ?, ?)');
    const insertKey = db.prepare('INSERT INTO ord (coll, grp, at, id) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const d of docs) {
        insert.run(coll, d._id, EJSON.stringify(d, { relaxed: true }), 1);
        insertKey.run(coll, groupOf(d), atOf(d), d._id);
      }
    })();
    const page = db
      .prepare(
        'SELECT d.data FROM ord JOIN docs d ON d.coll = ord.coll AND d.id = ord.id ' +
          'WHERE ord.coll = ? AND ord.grp = ? ORDER BY ord.at DESC, ord.id DESC LIMIT ?',
      )
      .pluck();
    const group = groupOf(docs[0]);
    const read = () =>
      page.all(coll, group, n).map((data) => EJSON.stringify(EJSON.parse(data, { relaxed: true }), { relaxed: false }));
    if (read().length !== n) throw new Error(`raw ${coll} page is not ${n} documents`);
    for (let i = 0; i < 50; i++) read();
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

const DASHBOARD_DAYS = 90;
const kbEach = (docs) => Math.round(docs.reduce((n, d) => n + JSON.stringify(d).length, 0) / docs.length / 1024);
const DAY_MS = 86_400_000;
const chinaDay = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The rollups' day documents (`shop_stats/<day>`, cloudfunctions/core/stats.ts) of a shop with ORDERS orders spread
 * over the dashboard's longest range and the range before it (2 × 90 days up to `today`): orders and amounts a day,
 * the buyer histograms by gap (up to the 180 days back), four channels, the demo's products and 40 more, 30 sharers.
 * Written straight, like the orders: the dashboard's cost is what these documents cost, whatever made them.
 */
export function dayDocs(todayMs) {
  const perDay = Math.round(ORDERS / (2 * DASHBOARD_DAYS));
  const products = [...PRODUCTS, ...Array.from({ length: 40 }, (_, i) => `benchp${i}`)];
  return Array.from({ length: 2 * DASHBOARD_DAYS }, (_, k) => {
    const day = chinaDay(todayMs - (2 * DASHBOARD_DAYS - 1 - k) * DAY_MS);
    const gaps = { f: Math.round(perDay * 0.3) };
    for (let g = 1; g <= Math.min(k + 1, 2 * DASHBOARD_DAYS); g++) gaps[g] = 1 + ((g * 7 + k) % 5);
    const seconds = {};
    for (let g = 1; g <= Math.min(k + 1, DASHBOARD_DAYS); g++) seconds[g] = (g + k) % 3;
    const channels = Object.fromEntries(
      ['chat', 'moments', 'poster', 'direct'].map((c, i) => [
        c,
        { visits: perDay * (4 - i), orders: Math.round(perDay / 4), gmvFen: Math.round(perDay / 4) * 5000 },
      ]),
    );
    return {
      _id: day,
      day,
      orders: perDay,
      paidFen: perDay * 5000,
      refundFen: (k % 7) * 5000,
      gaps,
      seconds,
      channels,
      products: Object.fromEntries(products.map((p, i) => [p, { units: 1 + ((i + k) % 20), gmvFen: 5000 * (1 + i) }])),
      sharers: Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [
          `B${String(i).padStart(5, '0')}`,
          { orders: 1 + (i % 9), gmvFen: 5000 * (1 + i), commissionFen: 500 * (1 + i) },
        ]),
      ),
    };
  });
}

/** p50/p99 of `SAMPLES` calls (after a warm-up), the TCB requests of one, and its answer. */
export async function measureCalls(api, as, fn, body) {
  const check = await api.call(as, fn, body);
  if (!check?.ok) throw new Error(`${fn}.${body.action} refused: ${JSON.stringify(check).slice(0, 300)}`);
  for (let i = 0; i < Math.min(20, SAMPLES); i++) await api.call(as, fn, body);
  const times = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await api.call(as, fn, body);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  await api.resetStats();
  await api.call(as, fn, body);
  const { tcbRequests, tcbActions, docsExamined } = await api.stats();
  return { p50: percentile(times, 50), p99: percentile(times, 99), tcbRequests, tcbActions, docsExamined, check };
}

/** Calls measured that rebuild the dashboard's range summary (each after the stored one is removed). */
const REBUILDS = Math.min(20, SAMPLES);

/**
 * The dashboard's first call of a day (or the first after a past day's edit): it reads the range's and the previous
 * range's day documents and stores their summary. Measured by removing the stored summary before each call; each
 * answer must equal the warm one.
 */
async function measureRebuilds(api, days, warm) {
  const times = [];
  for (let i = 0; i < REBUILDS; i++) {
    const removed = await api.tcb({
      action: 'database.removeDocument',
      collectionName: 'shop_stats',
      query: EJSON.stringify({ _id: `summary-${days}` }, { relaxed: false }),
      multi: false,
    });
    if (removed.code) throw new Error(`removing the summary: ${JSON.stringify(removed).slice(0, 300)}`);
    if (i === REBUILDS - 1) await api.resetStats();
    const t0 = performance.now();
    const answer = await api.call('owner', 'report', { action: 'dashboard', days });
    times.push(performance.now() - t0);
    if (JSON.stringify(answer.data) !== JSON.stringify(warm.data))
      throw new Error('a rebuilt dashboard differs from the one read from its summary');
  }
  times.sort((a, b) => a - b);
  const { tcbRequests, docsExamined } = await api.stats();
  return { p50: percentile(times, 50), p99: percentile(times, 99), tcbRequests, docsExamined };
}

export async function runLists() {
  const emu = await startEmulator({ seed: 'demo' });
  let commissions;
  let ownerList;
  let dashboard = null;
  let days = [];
  let summaryDoc;
  let seedMs;
  let orders;
  let lines;
  try {
    const api = client(emu.origin);
    const me = (await api.call('benchsharer', 'shop', { action: 'session' })).data.user;
    orders = Array.from({ length: ORDERS }, (_, i) => order(i, me.shareCode));
    lines = orders.slice(0, LINES).map((o) => line(o, me.shareCode));
    const seedStart = performance.now();
    await insertAll(api, 'orders', orders);
    await insertAll(api, 'commissions', lines);
    seedMs = performance.now() - seedStart;

    const page = { action: 'myCommissions', limit: COMMISSION_PAGE };
    commissions = await measureCalls(api, 'benchsharer', 'commission', page);
    const newest = lines[lines.length - 1]._id;
    if (commissions.check.data.items.length !== COMMISSION_PAGE || !commissions.check.data.nextCursor)
      throw new Error(`myCommissions did not fill a page: ${JSON.stringify(commissions.check).slice(0, 300)}`);
    if (!JSON.stringify(commissions.check.data.items[0]).includes(newest.split(':')[0]))
      throw new Error(`myCommissions' first line is not the newest (${newest})`);

    ownerList = await measureCalls(api, 'owner', 'order', { action: 'ownerList', limit: ORDER_PAGE });
    const items = ownerList.check.data.items;
    if (items.length !== ORDER_PAGE || !ownerList.check.data.nextCursor)
      throw new Error(`ownerList did not fill a page: ${JSON.stringify(ownerList.check).slice(0, 300)}`);
    if (!JSON.stringify(items[0]).includes(orders[orders.length - 1]._id))
      throw new Error('ownerList did not start with the newest order');

    if (existsSync(join(root, 'cloudfunctions/report'))) {
      const now = new Date((await (await fetch(`${emu.origin}/__dev/clock`)).json()).now).getTime();
      days = dayDocs(now);
      await insertAll(api, 'shop_stats', days);
      dashboard = await measureCalls(api, 'owner', 'report', { action: 'dashboard', days: DASHBOARD_DAYS });
      dashboard.rebuild = await measureRebuilds(api, DASHBOARD_DAYS, dashboard.check);
      const stored = await api.tcb({
        action: 'database.getDocument',
        collectionName: 'shop_stats',
        query: EJSON.stringify({ _id: `summary-${DASHBOARD_DAYS}` }, { relaxed: false }),
        limit: 1,
      });
      summaryDoc = { ...EJSON.parse(stored.data.list[0], { relaxed: false }), _id: `summary-${DASHBOARD_DAYS}` };
      const totals = dashboard.check.data?.totals;
      if (totals?.orders !== days.slice(DASHBOARD_DAYS).reduce((n, d) => n + d.orders, 0))
        throw new Error(`the dashboard did not add up its day documents: ${JSON.stringify(totals)}`);
    }
  } finally {
    await emu.stop();
  }
  const rawLines = measureRawPage('commissions', lines, (l) => l.sharerId, COMMISSION_PAGE + 1);
  const rawOrders = measureRawPage('orders', orders, () => 'all', ORDER_PAGE + 1);
  // The dashboard's read: the stored summary and the day documents of yesterday and today.
  const rawWarm = dashboard
    ? measureRawPage(
        'shop_stats',
        [summaryDoc, ...days.slice(-2)],
        () => 'all',
        3,
        (d) => (d.day ? Date.parse(`${d.day}T00:00:00Z`) : 0),
      )
    : null;
  // A rebuild's read: every day document of the range and the range before it, by day.
  const rawDays = dashboard
    ? measureRawPage(
        'shop_stats',
        days,
        () => 'all',
        days.length,
        (d) => Date.parse(`${d.day}T00:00:00Z`),
      )
    : null;

  const fmt = (n) => `${n.toFixed(1)} ms`;
  const checks = [
    [
      `commission.myCommissions first page p50 ${fmt(commissions.p50)} with ${LINES.toLocaleString('en-US')} lines ` +
        `(budget ≤ ${LIST_BUDGETS.myCommissionsP50Ms} ms)`,
      commissions.p50 <= LIST_BUDGETS.myCommissionsP50Ms,
    ],
    [
      `order.ownerList first page p50 ${fmt(ownerList.p50)} with ${ORDERS.toLocaleString('en-US')} orders ` +
        `(budget ≤ ${LIST_BUDGETS.ownerListP50Ms} ms)`,
      ownerList.p50 <= LIST_BUDGETS.ownerListP50Ms,
    ],
  ];
  if (dashboard) {
    checks.push([
      `report.dashboard p50 ${fmt(dashboard.p50)} and ${dashboard.tcbRequests} TCB requests with ` +
        `${ORDERS.toLocaleString('en-US')} orders (budget ≤ ${LIST_BUDGETS.dashboardP50Ms} ms, ` +
        `≤ ${LIST_BUDGETS.dashboardRequests} requests)`,
      dashboard.p50 <= LIST_BUDGETS.dashboardP50Ms && dashboard.tcbRequests <= LIST_BUDGETS.dashboardRequests,
    ]);
  }
  for (const [text, ok] of checks) console.log(`${ok ? '\x1b[32mPASS\x1b[0m' : '\x1b[31mFAIL\x1b[0m'} ${text}`);
  const actions = (a) =>
    Object.entries(a)
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const row = (what, m, budget, raw) =>
    `| ${what} | ${fmt(m.p50)} / ${fmt(m.p99)} | ≤ ${budget} ms | ${verdict(m.p50 <= budget)} | ` +
    `${raw ? `${raw.p50.toFixed(3)} ms` : '–'} | ${raw ? (m.p50 / raw.p50).toFixed(0) : '–'} | ${m.tcbRequests} | ` +
    `${m.docsExamined} |`;
  const rows = [
    row(
      `\`commission.myCommissions\` (${COMMISSION_PAGE} lines)`,
      commissions,
      LIST_BUDGETS.myCommissionsP50Ms,
      rawLines,
    ),
    row(`\`order.ownerList\` 全部 (${ORDER_PAGE} orders)`, ownerList, LIST_BUDGETS.ownerListP50Ms, rawOrders),
    ...(dashboard
      ? [
          row(`\`report.dashboard { days: ${DASHBOARD_DAYS} }\``, dashboard, LIST_BUDGETS.dashboardP50Ms, rawWarm),
          `| \`report.dashboard { days: ${DASHBOARD_DAYS} }\`, the first call of a day (rebuilds the summary) | ` +
            `${fmt(dashboard.rebuild.p50)} / ${fmt(dashboard.rebuild.p99)} | reported | – | ` +
            `${rawDays.p50.toFixed(3)} ms | ${(dashboard.rebuild.p50 / rawDays.p50).toFixed(0)} | ` +
            `${dashboard.rebuild.tcbRequests} | ${dashboard.rebuild.docsExamined} |`,
        ]
      : []),
  ];
  const md = `
## Lists at scale (first pages in the emulator)

${ORDERS.toLocaleString('en-US')} orders, the first ${LINES.toLocaleString('en-US')} attributed to one sharer with
their commission lines, written straight to the emulator (${BATCH} documents per TCB request,
${(seedMs / 1000).toFixed(1)} s) beside the demo seed; calls through the client gateway, one at a time, warm instance
(${SAMPLES} calls each). The emulator reads a sorted page in a declared index's order inside SQLite and stops at the
page (emulator/order-plan.ts): \`commissions (sharerId, createdAt)\` and \`orders (createdAt)\`, then \`_id\`.
Baseline: raw better-sqlite3 reading the same page in-process in the same run (an index table on the sort keys joined
to the documents, ORDER BY … LIMIT, each document decoded and encoded).

| call | p50 / p99 | budget (p50) | result | raw SQLite page p50 | ratio (p50 ÷ raw) | TCB requests | documents read |
|---|---:|---:|---|---:|---:|---:|---:|
${rows.join('\n')}

- \`myCommissions\`: ${actions(commissions.tcbActions)} (the page and one more line, with the settings; then the
  pending lines' orders, for when they settle).
- \`ownerList\`: ${actions(ownerList.tcbActions)}.
${
  dashboard
    ? `- \`dashboard\`: ${actions(dashboard.tcbActions)}: the owner's settings; in one read the past-edit count, the
  range's stored summary (core/range-summary.ts: the settled days of the range and the range before it added up) and
  the day documents of yesterday and today; then the top products' titles and the top sharers' names. Raw baseline:
  the summary and the two day documents read and decoded. The rollups hold ${days.length} day documents
  (${ORDERS.toLocaleString('en-US')} orders' worth: ${Math.round(ORDERS / days.length)} a day, the buyer histograms,
  4 channels, 47 products, 30 sharers; ${kbEach(days)} KB each; written straight like the orders).
- The first dashboard of a day (and the first after a payment or refund was folded into a past day) reads those
  ${days.length} documents and stores the summary: measured ${REBUILDS} times, the stored summary removed before each
  call, each answer equal to the warm one. Raw baseline: the ${days.length} documents read by day and decoded.`
    : ''
}
- Documents read: what the store decoded to answer one call (\`docsExamined\`): the page and the one row that says
  there is more, the settings, and for \`myCommissions\` the pending lines' orders; not the
  ${LINES.toLocaleString('en-US')} lines or ${ORDERS.toLocaleString('en-US')} orders that match.
`;
  return { md, ok: checks.every(([, ok]) => ok), checks };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { md, ok } = await runLists();
  console.log(md);
  process.exit(ok ? 0 : 1);
}
