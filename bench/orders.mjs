// Order benchmarks of `npm run bench`, on the built `order` function in the emulator (demo seed, file database
// with WAL + synchronous=FULL, like `npm start`), called through the client gateway as dev users:
// - TCB requests per `order.create` of 1 and 3 lines, counted by the emulator (/__dev/stats)   budget ≤ 2N + 4
// - flash sale: 500 buyers (distinct dev sessions) at once for a SKU of 50 units: exactly 50 orders, create
//   latency p50/p99, calls/s and wall time, against raw better-sqlite3's conditional-decrement transactions/s
//   measured in the same run (bench/run.mjs passes its own figure; alone, this file measures it).
// - where the time of a create goes: CPU per create of the client, the emulator's main thread, the function
//   instances and the other threads; instance and run-queue waits; commits; wx-server-sdk per request
// `node bench/orders.mjs` runs this section alone (after `npm run build:emulator && npm run build:cloud`) and
// prints it; `--write` also puts it in place of the Orders section of BENCHMARKS.md.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { startEmulator } from '../scripts/e2e.mjs';
import { openRawDocs } from './raw-docs.mjs';

const require = createRequire(import.meta.url);
const { EJSON } = require('bson');

export const ORDER_BUDGETS = { tcbPerCreate: (lines) => 2 * lines + 4 };
const BUYERS = Number(process.env.BENCH_FLASH_BUYERS ?? 500);
const UNITS = 50;
const SAMPLES = 5;
const RAW_OPS = 3000;
const ADDRESS = { name: '张三', phone: '13800138000', region: '上海市 浦东新区', detail: '世纪大道 100 号' };
// Demo products with covers (a create also resolves the covers' display URLs) and stock for the samples.
const DEMO_LINES = [
  { productId: 'rice5kg', skuId: 'rice5kg-1', qty: 1 },
  { productId: 'aksu-apple', skuId: 'aksu-apple-1', qty: 1 },
  { productId: 'ningxia-goji', skuId: 'ningxia-goji-1', qty: 1 },
];

const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/**
 * Raw better-sqlite3, the emulator's pragmas and document encoding: read, check, write, commit, one transaction
 * each.
 */
export function measureRawDecrement(ops = RAW_OPS) {
  const dir = mkdtempSync(join(tmpdir(), 'youjian-bench-raw-'));
  try {
    const db = openRawDocs(dir);
    db.prepare('INSERT INTO docs (coll, id, data, ver) VALUES (?, ?, ?, ?)').run(
      'products',
      'flash',
      EJSON.stringify({ _id: 'flash', skus: [{ id: 'flash-1', stock: 1_000_000 }] }, { relaxed: true }),
      1,
    );
    const get = db.prepare('SELECT data FROM docs WHERE coll = ? AND id = ?').pluck();
    const update = db.prepare('UPDATE docs SET data = ?, ver = ver + 1 WHERE coll = ? AND id = ?');
    const decrement = db.transaction(() => {
      const d = EJSON.parse(get.get('products', 'flash'), { relaxed: true });
      if (d.skus[0].stock >= 1) {
        d.skus[0].stock -= 1;
        update.run(EJSON.stringify(d, { relaxed: true }), 'products', 'flash');
      }
    });
    for (let i = 0; i < 200; i++) decrement.immediate();
    const start = performance.now();
    for (let i = 0; i < ops; i++) decrement.immediate();
    const ms = performance.now() - start;
    db.close();
    return {
      label: 'raw SQLite: conditional decrement (read, check, write, commit)',
      ops,
      ms,
      perSec: (ops / ms) * 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The raw conditional decrement measured in `bursts` bursts, one after another: the median burst. One burst of
 * fsync-bound commits swings ±20% between runs on this machine; a target's baseline is measured this way, right
 * before what it is compared with.
 */
export function measureRawDecrementMedian(bursts = 3, ops = RAW_OPS) {
  const runs = Array.from({ length: bursts }, () => measureRawDecrement(ops)).sort((a, b) => a.perSec - b.perSec);
  const median = runs[Math.floor(bursts / 2)];
  return { ...median, label: `${median.label}, median of ${bursts} bursts`, bursts: runs.map((r) => r.perSec) };
}

/**
 * The bench's HTTP client: node:http over one keep-alive agent. The load generator shares the machine's cores with
 * the emulator it measures, so it is kept light (fetch cost about twice the CPU per call). A request whose reused
 * socket the server had just closed (its keep-alive timeout) never reached it, and is sent again.
 */
export function client(origin) {
  const tokens = new Map();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const send = (path, text, headers, retry = true) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        `${origin}${path}`,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', (error) => {
        if (retry && req.reusedSocket && error.code === 'ECONNRESET') resolve(send(path, text, headers, false));
        else reject(error);
      });
      req.end(text);
    });
  const post = async (path, body, headers = {}) => {
    const { status, text } = await send(path, JSON.stringify(body), headers);
    if (status !== 200) throw new Error(`${path}: HTTP ${status} ${text}`);
    return JSON.parse(text);
  };
  const session = async (as) => {
    if (!tokens.has(as)) tokens.set(as, (await post('/__dev/session', { as })).token);
    return tokens.get(as);
  };
  return {
    post,
    session,
    stats: async () => (await fetch(`${origin}/__dev/stats`)).json(),
    resetStats: () => post('/__dev/stats/reset', {}),
    order: async (as, body) =>
      (await post('/api/functions/order', body, { authorization: `Bearer ${await session(as)}` })).result,
    call: async (as, fn, body) =>
      (await post(`/api/functions/${fn}`, body, { authorization: `Bearer ${await session(as)}` })).result,
    tcb: (body) => post('/tcb', body),
    close: () => agent.destroy(),
  };
}

/**
 * The transactions of a measured stretch (GET /__dev/stats after /__dev/stats/reset): the TCB requests that drive
 * them (start, commit, rollback), always; the emulator's own counts (its `transactions` field) where it reports
 * them, else n/a. Retries: transactions started beyond one per logical transaction (`logical`).
 */
export function transactionFigures(stats, logical) {
  const actions = stats?.tcbActions ?? {};
  const start = actions['database.startTransaction'] ?? 0;
  const commit = actions['database.commitTransaction'] ?? 0;
  const abort = actions['database.abortTransaction'] ?? 0;
  const t = stats?.transactions;
  const shown = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : 'n/a');
  return {
    requests: `${start} / ${commit} / ${abort}`,
    retries: Math.max(0, (typeof t?.started === 'number' ? t.started : start) - logical),
    outcomes: `${shown(t?.started)} / ${shown(t?.committed)} / ${shown(t?.aborted)}`,
    conflicts: shown(t?.conflicts),
    lockWaits: shown(t?.lockWaits),
  };
}

/** TCB requests of one create of `lines`, sent alone (nothing else runs in the emulator meanwhile). */
async function requestsPerCreate(api, lines) {
  const samples = [];
  for (let i = 0; i < SAMPLES; i++) {
    await api.resetStats();
    const result = await api.order('benchbuyer', {
      action: 'create',
      requestId: randomUUID(),
      items: lines,
      address: ADDRESS,
    });
    if (!result?.ok) throw new Error(`create of ${lines.length} line(s) refused: ${JSON.stringify(result)}`);
    const { tcbRequests, tcbActions } = await api.stats();
    samples.push({ tcbRequests, tcbActions });
    // Give the stock back for the next sample: cancel is not measured.
    await api.order('benchbuyer', { action: 'cancel', orderId: result.data.order.id });
  }
  const worst = samples.reduce((a, b) => (b.tcbRequests > a.tcbRequests ? b : a));
  return {
    lines: lines.length,
    worst,
    all: samples.map((s) => s.tcbRequests),
    budget: ORDER_BUDGETS.tcbPerCreate(lines.length),
  };
}

async function flashSale(api) {
  const product = {
    _id: 'flash',
    title: '秒杀测试商品',
    description: '',
    images: [],
    skus: [{ id: 'flash-1', spec: '默认', priceFen: 990, stock: UNITS }],
    status: 'on_sale',
    sort: 9999,
  };
  await api.tcb({
    action: 'database.insertDocument',
    collectionName: 'products',
    data: [EJSON.stringify(product, { relaxed: false })],
  });
  const buyers = Array.from({ length: BUYERS }, (_v, i) => `flash${i + 1}`);
  await Promise.all(buyers.map((b) => api.session(b)));
  // Warm every instance the runtime allows (CloudBase: provisioned concurrency), so the sale measures warm calls.
  await Promise.all(
    Array.from({ length: 16 }, () => api.order('benchbuyer', { action: 'quote', items: [DEMO_LINES[0]] })),
  );

  await api.resetStats();
  const latencies = [];
  const codes = {};
  const clientCpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    buyers.map(async (as) => {
      const t0 = performance.now();
      const result = await api.order(as, {
        action: 'create',
        requestId: randomUUID(),
        items: [{ productId: 'flash', skuId: 'flash-1', qty: 1 }],
        address: ADDRESS,
      });
      latencies.push(performance.now() - t0);
      const code = result?.ok ? 'ok' : (result?.error?.code ?? 'no answer');
      codes[code] = (codes[code] ?? 0) + 1;
    }),
  );
  const wallMs = performance.now() - start;
  const client = process.cpuUsage(clientCpu);
  const stats = await api.stats();
  const { tcbRequests } = stats;
  const { data } = await api.tcb({
    action: 'database.getDocument',
    collectionName: 'products',
    queryType: 'DOC',
    query: JSON.stringify({ _id: 'flash' }),
  });
  const stock = EJSON.parse(data.list[0], { relaxed: true }).skus[0].stock;
  latencies.sort((a, b) => a - b);
  const correct =
    codes.ok === UNITS &&
    codes['order.stock_insufficient'] === BUYERS - UNITS &&
    Object.keys(codes).length === 2 &&
    stock === 0;
  return {
    codes,
    stock,
    wallMs,
    perSec: (BUYERS / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    tcbRequests,
    transactions: transactionFigures(stats, 0),
    correct,
    breakdown: breakdownOf(stats, (client.user + client.system) / 1000, wallMs),
  };
}

/**
 * Where the sale's time went, per create: CPU of the bench's own client, of the emulator's main thread (gateway,
 * TCB requests: HTTP, EJSON, mingo, SQLite), of the function instances (the order function and wx-server-sdk:
 * request building, TC3 signing, HTTP) and of the emulator's other threads (V8's garbage collector and compiler),
 * from the emulator's /__dev/stats `profile` (Linux thread times; null elsewhere).
 */
export function breakdownOf(stats, clientCpuMs, wallMs, calls = BUYERS) {
  const p = stats.profile ?? {};
  const rt = p.runtime ?? {};
  const per = (ms) => (typeof ms === 'number' ? ms / calls : null);
  const others =
    typeof p.mainCpuMs === 'number' && typeof rt.instanceCpuMs === 'number'
      ? p.processCpuMs - p.mainCpuMs - rt.instanceCpuMs
      : null;
  const total = others === null ? null : clientCpuMs + p.processCpuMs;
  const database = Object.entries(p.tcbMs ?? {})
    .filter(([action]) => action.startsWith('database.'))
    .reduce((sum, [, ms]) => sum + ms, 0);
  return {
    client: per(clientCpuMs),
    main: per(p.mainCpuMs),
    instances: per(rt.instanceCpuMs),
    others: per(others),
    total: per(total),
    /** Creates per second the measured CPU would allow with every core of this machine on them. */
    ceiling: total === null ? null : (availableParallelism() * 1000) / per(total),
    busyShare: total === null ? null : total / (availableParallelism() * wallMs),
    mainWait: per(p.mainWaitMs),
    instanceWait: per(rt.instanceWaitMs),
    databaseMs: per(database),
    commits: p.commits ?? 0,
    groupedWrites: p.groupedWrites ?? 0,
    commitMs: p.commits ? p.commitMs / p.commits : null,
    queued: rt.invocations ? rt.queuedMs / rt.invocations : null,
    run: rt.invocations ? rt.runMs / rt.invocations : null,
  };
}

const msCell = (v, digits = 2) => (typeof v === 'number' ? `${v.toFixed(digits)} ms` : 'n/a');

/** The table rows of a rush's breakdown (breakdownOf), per create of `calls`. */
export function breakdownRows(b, calls) {
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const num = (v) => (typeof v === 'number' ? fmt(v) : 'n/a');
  const pct = (v) => (typeof v === 'number' ? `${Math.round(v * 100)}%` : 'n/a');
  const ms = msCell;
  return `| where the time of one create goes (the rush's totals ÷ ${calls}) | value |
|---|---:|
| bench client (node:http, keep-alive), CPU | ${ms(b.client)} |
| emulator main thread, CPU: gateway, TCB requests (HTTP, JSON/EJSON, mingo, SQLite), handing calls to instances | \
${ms(b.main)} |
| … of which inside the TCB database actions (wall: matching, writing, waiting for the group commit) | \
${ms(b.databaseMs)} |
| function instances, CPU: the \`order\` function and wx-server-sdk (request building, TC3 signing, HTTP) | \
${ms(b.instances)} |
| the emulator's other threads, CPU: V8's garbage collector and compiler, libuv | ${ms(b.others)} |
| total CPU per create → creates/s that CPU allows on ${availableParallelism()} cores | \
${ms(b.total)} → ${num(b.ceiling)} |
| cores busy during the rush (total CPU ÷ cores × wall time) | ${pct(b.busyShare)} |
| waiting for a core (the machine's run queue): main thread / instances | ${ms(b.mainWait)} / ${ms(b.instanceWait)} |
| per invocation: waiting for one of the function's instances / running in it | ${ms(b.queued)} / ${ms(b.run)} |
| durable commits (fsync of the WAL) for the rush's ${fmt(b.groupedWrites)} write requests (group commit) | \
${fmt(b.commits)}, ${ms(b.commitMs)} each |`;
}

/**
 * What wx-server-sdk itself costs a function per request, measured in this process against the same emulator: the
 * client CPU of `doc(id).get()` through the SDK against the same request sent as plain HTTP, and TC3 signing alone.
 */
async function sdkCost(origin) {
  const N = 400;
  const saved = { ...process.env };
  Object.assign(process.env, sdkEnvironment(`${origin}/tcb`));
  try {
    const cloud = require('wx-server-sdk');
    cloud.init({ env: 'bench' });
    const products = cloud.database().collection('products');
    const http = client(origin);
    const wire = {
      action: 'database.getDocument',
      collectionName: 'products',
      queryType: 'DOC',
      query: JSON.stringify({ _id: 'rice5kg' }),
    };
    const cpuPerCall = async (call) => {
      for (let i = 0; i < 50; i++) await call(); // warm-up
      const before = process.cpuUsage();
      for (let i = 0; i < N; i++) await call();
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000 / N;
    };
    const sdk = await cpuPerCall(() => products.doc('rice5kg').get());
    const plain = await cpuPerCall(() => http.tcb(wire));
    http.close();
    const { sign } = require('@cloudbase/signature-nodejs');
    const url = `${origin}/tcb?env=bench`;
    const signOnce = () =>
      sign({
        secretId: 'local-emulator',
        secretKey: 'local-emulator',
        method: 'post',
        url,
        params: { ...wire, envName: 'bench', wxCloudApiToken: 'x'.repeat(32) },
        headers: {
          'content-type': 'application/json',
          'User-Agent': 'tcb-node-sdk',
          'X-TCB-Source': 'wx_client,scf',
          Host: new URL(origin).host,
        },
        withSignedParams: true,
        timestamp: Math.floor(Date.now() / 1000) - 1,
      });
    for (let i = 0; i < 200; i++) signOnce();
    const started = performance.now();
    for (let i = 0; i < 2000; i++) signOnce();
    const signMs = (performance.now() - started) / 2000;
    return { sdk, plain, signMs };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** What the emulator's runtime gives a function (runtime.ts sdkEnvironment), for the SDK in this process. */
const sdkEnvironment = (tcbUrl) => ({
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: tcbUrl }),
  TENCENTCLOUD_SECRETID: 'local-emulator',
  TENCENTCLOUD_SECRETKEY: 'local-emulator',
  TENCENTCLOUD_SESSIONTOKEN: 'local-emulator',
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  SCF_NAMESPACE: 'bench',
  TCB_ENV: 'bench',
  SILENCE: 'true',
});

/** Measures, and returns the BENCHMARKS.md section and whether every budget holds. */
export async function runOrders({ rawDecrement } = {}) {
  const raw = rawDecrement ?? measureRawDecrement();
  const emu = await startEmulator({ seed: 'demo' });
  let perCreate;
  let sale;
  let sdk;
  try {
    const api = client(emu.origin);
    // Warm-up: the first create loads the function (cold start) and is not counted.
    const warm = await api.order('benchbuyer', {
      action: 'create',
      requestId: randomUUID(),
      items: [DEMO_LINES[0]],
      address: ADDRESS,
    });
    if (!warm?.ok) throw new Error(`order.create does not work: ${JSON.stringify(warm)}`);
    await api.order('benchbuyer', { action: 'cancel', orderId: warm.data.order.id });
    perCreate = [await requestsPerCreate(api, DEMO_LINES.slice(0, 1)), await requestsPerCreate(api, DEMO_LINES)];
    sale = await flashSale(api);
    sdk = await sdkCost(emu.origin);
    api.close();
  } finally {
    await emu.stop();
  }

  const ratio = sale.perSec / raw.perSec;
  const actions = (a) =>
    Object.entries(a)
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const placed = sale.codes.ok ?? 0;
  const refused = sale.codes['order.stock_insufficient'] ?? 0;
  const checks = [
    ...perCreate.map((c) => [
      `order.create of ${c.lines} line(s): ${c.worst.tcbRequests} TCB requests (budget ≤ 2N + 4 = ${c.budget})`,
      c.worst.tcbRequests <= c.budget,
    ]),
    [
      `flash sale: ${BUYERS} buyers for ${UNITS} units → ${placed} orders, ${refused} order.stock_insufficient, ` +
        `stock ${sale.stock} (expected ${UNITS}, ${BUYERS - UNITS}, 0, nothing else)`,
      sale.correct,
    ],
  ];
  for (const [text, ok] of checks) console.log(`${ok ? '\x1b[32mPASS\x1b[0m' : '\x1b[31mFAIL\x1b[0m'} ${text}`);

  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const lineWord = (c) => `line${c.lines > 1 ? 's' : ''}`;
  const createRow = (c) =>
    `| TCB requests per \`order.create\`, ${c.lines} ${lineWord(c)} (worst of ${SAMPLES}) | ${c.worst.tcbRequests} | ` +
    `≤ 2N + 4 = ${c.budget} | ${verdict(c.worst.tcbRequests <= c.budget)} |`;
  const saleRow =
    `| flash sale: ${BUYERS} buyers at once, ${UNITS} units | ` +
    `${placed} orders, ${refused} refused (stock_insufficient), stock left ${sale.stock} | ` +
    `exactly ${UNITS}, ${BUYERS - UNITS}, 0 | ${verdict(sale.correct)} |`;
  const saleTx = `${sale.transactions.outcomes}; ${sale.transactions.conflicts}; ${sale.transactions.lockWaits}`;
  const b = sale.breakdown;
  const ms = msCell;
  const actionsLine = (c) =>
    `- ${c.lines} ${lineWord(c)}: ${actions(c.worst.tcbActions)} (samples: ${c.all.join(', ')}).`;
  const md = `
## Orders (the \`order\` function in the emulator)

Built function, real wx-server-sdk, demo seed, file database (WAL + synchronous=FULL), calls through the client
gateway as dev users; the emulator counts every request the function sends to its TCB endpoint (\`/__dev/stats\`).

| what | measured | budget | result |
|---|---:|---:|---|
${perCreate.map(createRow).join('\n')}
${saleRow}

${perCreate.map(actionsLine).join('\n')}

| flash sale (${BUYERS} distinct dev sessions, one \`create\` each, all sent at once) | value |
|---|---:|
| wall time, first request sent → last answer | ${fmt(sale.wallMs)} ms |
| create calls answered per second | ${fmt(sale.perSec)} |
| create latency p50 / p99 / max | ${fmt(sale.p50)} / ${fmt(sale.p99)} / ${fmt(sale.max)} ms |
| TCB requests during the sale | ${fmt(sale.tcbRequests)} (${(sale.tcbRequests / BUYERS).toFixed(1)} per create) |
| ${raw.label}, same run | ${fmt(raw.perSec)} /s |
| ratio: create calls/s ÷ raw conditional decrements/s | ${ratio.toFixed(3)} |
| transactions: TCB start / commit / rollback requests | ${sale.transactions.requests} |
| transactions started / committed / aborted; conflicts; lock waits (emulator) | ${saleTx} |

${breakdownRows(b, BUYERS)}
| wx-server-sdk, client CPU per request: \`doc(id).get()\` / the same request as plain HTTP / TC3 signing alone | \
${ms(sdk.sdk)} / ${ms(sdk.plain)} / ${ms(sdk.signMs, 3)} |

- Each create is a whole function invocation: the gateway, an instance, the product read, the conditional stock
  update, then (only once the stock is held) the settings and binding reads together, the order insert and the cover
  URLs; a refused create ends with one order read (a retry of a placed request answers with its order). Thread CPU
  comes from Linux's /proc schedstat, as the emulator reports it in \`/__dev/stats\` \`profile\`; the client's from
  \`process.cpuUsage()\`. CPU per create moves much less than creates/s when other work shares the machine.
- Total CPU per create is the ceiling: client, emulator and instances share the cores. When the cores were busy
  less than all the wall time, the rest was waiting: for a core that other work on the machine held (the run-queue
  row) or for the disk (the commits row; each fsync blocks the main thread, which is why writes share them). Of the
  CPU, the instances cost the most: wx-server-sdk per request (a fresh request object, its context read from the
  environment several times, TC3 signing of the parameters, node:http) costs several times the plain HTTP request
  (the last row; signing is the smaller part); then the main thread (per TCB request: HTTP parsing, EJSON, mingo,
  SQLite); then V8's collector and compiler threads, one JIT and heap per instance.
- What made it cheaper (issue 19): the runtime runs two instances per core (4 to 16) instead of 16, and hands a
  call to the most recently used one: fewer isolates to compile and collect, hotter code; an instance's environment
  is a plain object (a worker thread's process.env costs about a microsecond a read, and the SDK reads some twenty
  variables several times per request); writes share one fsync per turn of the event loop (group commit: each is
  answered once its commit is durable, synchronous=FULL kept), and a conditional update that matches nothing opens
  no SQLite transaction; a refused create sends 3 TCB requests, not 5 (the settings and the binding are read once
  the stock is held); the bench's client is node:http with keep-alive instead of fetch (half its CPU per call).
- The sale's transaction counts are retries: a create without points runs no transaction (the reservation is one
  conditional update), so none are expected.
`;
  return { md, ok: checks.every(([, ok]) => ok), checks };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { md, ok } = await runOrders();
  console.log(md);
  if (process.argv.includes('--write')) writeSection(md);
  process.exit(ok ? 0 : 1);
}

/** `--write`: this run's section replaces the Orders section of BENCHMARKS.md (the other sections stay as they are). */
function writeSection(md) {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('\n## Orders (');
  const end = text.indexOf('\n## ', start + 1);
  if (start < 0 || end < 0) throw new Error('BENCHMARKS.md has no Orders section followed by another');
  writeFileSync(file, text.slice(0, start) + md + text.slice(end));
  console.log('BENCHMARKS.md: Orders section written');
}
