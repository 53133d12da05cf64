// Group-buy benchmark of `npm run bench`, on the built functions in the emulator (demo seed, file database with
// WAL + synchronous=FULL), called through the client gateway as dev users:
// - a group of 3 started by one member (1 slot held, 2 left) and 200 members (distinct dev sessions) joining it at
//   once: exactly 2 hold slots (orders placed) and 198 are refused with a code (group.full, or campaign.busy), the
//   group's `held` is 3 with 3 slots, the activity's units 3 and the SKU's stock down by 3; join latency p50/p99,
//   calls/s and wall time; the TCB requests and transactions of the rush (a join runs none: every take is one
//   conditional update).
// `node bench/group-join.mjs` runs this section alone (after `npm run build:emulator && npm run build:cloud`),
// prints it and leaves BENCHMARKS.md untouched.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../scripts/e2e.mjs';
import { client, transactionFigures } from './orders.mjs';

const require = createRequire(import.meta.url);
const { EJSON } = require('bson');

const JOINERS = Number(process.env.BENCH_GROUP_JOINERS ?? 200);
const SIZE = 3;
const STOCK = 1000;
const ADDRESS = { name: '张三', phone: '13800138000', region: '上海市 浦东新区', detail: '世纪大道 100 号' };
const LINE = { productId: 'groupjoin', skuId: 'groupjoin-1', qty: 1 };

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function getDoc(api, collectionName, id) {
  const { data } = await api.tcb({
    action: 'database.getDocument',
    collectionName,
    queryType: 'DOC',
    query: JSON.stringify({ _id: id }),
  });
  return EJSON.parse(data.list[0], { relaxed: true });
}

async function must(promise, what) {
  const result = await promise;
  if (!result?.ok) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
  return result.data;
}

async function rush(api) {
  const product = {
    _id: LINE.productId,
    title: '拼团测试商品',
    description: '',
    images: [],
    skus: [{ id: LINE.skuId, spec: '默认', priceFen: 1990, stock: STOCK }],
    status: 'on_sale',
    sort: 9999,
    holds: [],
  };
  await api.tcb({
    action: 'database.insertDocument',
    collectionName: 'products',
    data: [EJSON.stringify(product, { relaxed: false })],
  });
  const now = Date.now();
  const { groupBuy } = await must(
    api.call('owner', 'campaign', {
      action: 'saveGroupBuy',
      groupBuy: {
        productId: LINE.productId,
        skus: [{ skuId: LINE.skuId, groupPriceFen: 990 }],
        size: SIZE,
        hours: 24,
        startAt: new Date(now - 60_000).toISOString(),
        endAt: new Date(now + 72 * 3_600_000).toISOString(),
        stockCap: STOCK,
        perMember: 1,
      },
    }),
    'saveGroupBuy',
  );
  const create = (as, groupId) =>
    api.order(as, {
      action: 'create',
      requestId: randomUUID(),
      items: [LINE],
      address: ADDRESS,
      groupBuy: { groupBuyId: groupBuy.id, ...(groupId ? { groupId } : {}) },
    });
  const { order } = await must(create('groupleader'), 'the group start');
  const { groupId } = order.group;
  const joiners = Array.from({ length: JOINERS }, (_v, i) => `joiner${i + 1}`);
  await Promise.all(joiners.map((j) => api.session(j)));
  // Warm the instances the runtime allows, so the rush measures warm calls.
  await Promise.all(Array.from({ length: 16 }, () => api.order('groupleader', { action: 'quote', items: [LINE] })));

  await api.resetStats();
  const latencies = [];
  const codes = {};
  const start = performance.now();
  await Promise.all(
    joiners.map(async (as) => {
      const t0 = performance.now();
      const result = await create(as, groupId);
      latencies.push(performance.now() - t0);
      const code = result?.ok ? 'ok' : (result?.error?.code ?? 'no answer');
      codes[code] = (codes[code] ?? 0) + 1;
    }),
  );
  const wallMs = performance.now() - start;
  const stats = await api.stats();
  const [group, activity, stored] = await Promise.all([
    getDoc(api, 'groups', groupId),
    getDoc(api, 'group_buys', groupBuy.id),
    getDoc(api, 'products', LINE.productId),
  ]);
  latencies.sort((a, b) => a - b);
  const refused = (codes['group.full'] ?? 0) + (codes['campaign.busy'] ?? 0);
  const slots = Object.keys(group.slots).length;
  const stock = stored.skus[0].stock;
  const correct =
    codes.ok === SIZE - 1 &&
    refused === JOINERS - (SIZE - 1) &&
    group.held === SIZE &&
    slots === SIZE &&
    activity.units === SIZE &&
    stock === STOCK - SIZE;
  return {
    codes,
    refused,
    held: group.held,
    slots,
    units: activity.units,
    stock,
    wallMs,
    perSec: (JOINERS / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    tcbRequests: stats.tcbRequests,
    transactions: transactionFigures(stats, 0),
    correct,
  };
}

/** Measures, and returns the BENCHMARKS.md section and whether the rush held its invariants. */
export async function runGroupJoin() {
  const emu = await startEmulator({ seed: 'demo' });
  let r;
  try {
    r = await rush(client(emu.origin));
  } finally {
    await emu.stop();
  }
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const codes = Object.entries(r.codes)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  const checks = [
    [
      `group join: ${JOINERS} members at once for ${SIZE - 1} slots → ${r.codes.ok ?? 0} placed, ${r.refused} coded ` +
        `refusals; held ${r.held}, slots ${r.slots}, units ${r.units}, stock ${r.stock} ` +
        `(expected ${SIZE - 1}, ${JOINERS - SIZE + 1}; ${SIZE}, ${SIZE}, ${SIZE}, ${STOCK - SIZE})`,
      r.correct,
    ],
  ];
  for (const [text, ok] of checks) console.log(`${ok ? '\x1b[32mPASS\x1b[0m' : '\x1b[31mFAIL\x1b[0m'} ${text}`);
  const pass = (ok) => (ok ? 'PASS' : 'FAIL');
  const placed = `${r.codes.ok ?? 0} / ${r.refused} (${codes})`;
  const tx = `${r.transactions.outcomes}; ${r.transactions.conflicts}; ${r.transactions.lockWaits}`;
  const rows = [
    ['joins placed / refused with a code', placed, `${SIZE - 1} / ${JOINERS - SIZE + 1}`, pass(r.correct)],
    [
      "the group's held slots (`held`, slots stored)",
      `${r.held}, ${r.slots}`,
      `${SIZE}, ${SIZE}`,
      pass(r.held === SIZE && r.slots === SIZE),
    ],
    [
      "the activity's units; the SKU's stock",
      `${r.units}; ${r.stock}`,
      `${SIZE}; ${STOCK - SIZE}`,
      pass(r.units === SIZE && r.stock === STOCK - SIZE),
    ],
  ];
  const md = `
## Group buy joins (拼团: \`order.create\` with \`groupBuy\`)

A group of ${SIZE} started by one member (1 slot held, ${SIZE - 1} left), then ${JOINERS} members (distinct dev
sessions) joining it with one \`create\` each, all sent at once. A join takes the activity's units and then the
group's slot, each with one conditional update of one document (no transaction), before the SKU's stock.

| what | measured | expected | result |
|---|---:|---:|---|
${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

| the rush | value |
|---|---:|
| wall time, first request sent → last answer | ${fmt(r.wallMs)} ms |
| join calls answered per second | ${fmt(r.perSec)} |
| join latency p50 / p99 / max | ${fmt(r.p50)} / ${fmt(r.p99)} / ${fmt(r.max)} ms |
| TCB requests during the rush | ${fmt(r.tcbRequests)} (${(r.tcbRequests / JOINERS).toFixed(1)} per join) |
| transactions started / committed / aborted; conflicts; lock waits (emulator) | ${tx} |
`;
  return { md, ok: r.correct, checks };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { md, ok } = await runGroupJoin();
  console.log(md);
  process.exit(ok ? 0 : 1);
}
