// npm run bench: emulator throughput against raw better-sqlite3 doing the same work, measured in the same run,
// then the front-end budgets (bench/frontend.mjs: weapp main package, h5 paint, cloud function bundles), built in
// the same run, then the order function (bench/orders.mjs: TCB requests per create, a flash sale against raw SQLite),
// then a flash sale of the campaign function (bench/flash-sale.mjs: 500 buyers on 50 units against raw SQLite),
// then contention (bench/contention.mjs: 100 orders racing stock adjustments on one SKU, one member's orders spending
// points at once, each against raw SQLite doing the same transactions), then the commission function
// (bench/commission.mjs: myStats with 100k visits and 10k orders, recordVisit's requests), then the catalogue search
// (bench/search.mjs: listProducts with q over 2,000 products against raw SQLite), then group buying
// (bench/group-join.mjs: 200 members joining a group with 2 slots left at once), then lists at scale
// (bench/lists.mjs: myCommissions and ownerList first pages with 10k lines and 100k orders). Writes BENCHMARKS.md;
// exits 1 when a budget or an invariant fails. Both database sides use a file database with the emulator's pragmas
// (WAL, synchronous=FULL).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import http from 'node:http';
import { runFrontend } from './frontend.mjs';
import { runOrders } from './orders.mjs';
import { runGroupJoin } from './group-join.mjs';
import { runFlashSale } from './flash-sale.mjs';
import { runCommission } from './commission.mjs';
import { runProducts } from './products.mjs';
import { runSearch } from './search.mjs';
import { runContention } from './contention.mjs';
import { runLists } from './lists.mjs';
import { openRawDocs } from './raw-docs.mjs';

const require = createRequire(import.meta.url);
const { EJSON } = require('bson');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = 1000;
const OPS = Number(process.env.BENCH_OPS ?? 3000);
const CONCURRENCY = 16;

const doc = (i) => ({
  _id: `sku${i}`,
  title: `商品 ${i}`,
  priceFen: 1290 + i,
  stock: 1_000_000,
  tags: ['a', 'b'],
  spec: { color: '白', size: 'M' },
});

async function timed(label, ops, run) {
  await run(Math.min(200, ops)); // warm-up
  const start = performance.now();
  await run(ops);
  const ms = performance.now() - start;
  return { label, ops, ms, perSec: (ops / ms) * 1000 };
}

// --- baseline: raw better-sqlite3, same table shape, same encode/decode work as the emulator's store
function rawSqlite(dir) {
  const db = openRawDocs(dir);
  const insert = db.prepare('INSERT INTO docs (coll, id, data, ver) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < DOCS; i++) insert.run('bench', `sku${i}`, EJSON.stringify(doc(i), { relaxed: true }), 1);
  })();
  const get = db.prepare('SELECT data FROM docs WHERE coll = ? AND id = ?').pluck();
  const update = db.prepare('UPDATE docs SET data = ?, ver = ver + 1 WHERE coll = ? AND id = ?');
  const getOne = (i) =>
    EJSON.stringify(EJSON.parse(get.get('bench', `sku${i % DOCS}`), { relaxed: true }), { relaxed: false });
  const decrement = db.transaction((i) => {
    const id = `sku${i % DOCS}`;
    const d = EJSON.parse(get.get('bench', id), { relaxed: true });
    if (d.stock >= 1) {
      d.stock -= 1;
      update.run(EJSON.stringify(d, { relaxed: true }), 'bench', id);
    }
  });
  return { getOne, decrement: (i) => decrement.immediate(i), close: () => db.close() };
}

function startEmulator(dir) {
  const proc = spawn(
    process.execPath,
    [
      join(root, 'dist/emulator/cli.js'),
      '--port',
      '0',
      '--data',
      dir,
      '--seed',
      'none',
      '--no-timers',
      '--functions',
      join(dir, 'none'),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (c) => {
      out += c;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ origin: m[1], proc });
    });
    proc.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
}

async function inParallel(ops, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ops) await fn(next++);
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'youjian-bench-'));
const results = [];
try {
  const raw = rawSqlite(dir);
  results.push(
    await timed('raw SQLite: get one document by _id', OPS * 10, async (n) => {
      for (let i = 0; i < n; i++) raw.getOne(i);
    }),
  );
  results.push(
    await timed('raw SQLite: conditional decrement (read, check, write, commit)', OPS, async (n) => {
      for (let i = 0; i < n; i++) raw.decrement(i);
    }),
  );
  raw.close();

  const emu = await startEmulator(join(dir, 'emu'));
  const tcbUrl = `${emu.origin}/tcb`;
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: tcbUrl }),
    TENCENTCLOUD_SECRETID: 'x',
    TENCENTCLOUD_SECRETKEY: 'x',
    TENCENTCLOUD_SESSIONTOKEN: 'x',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'bench',
    TCB_ENV: 'bench',
    SILENCE: 'true',
  });
  const cloud = require('wx-server-sdk');
  cloud.init({ env: 'bench' });
  const db = cloud.database();
  const _ = db.command;
  await db.createCollection('bench');
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = (body) =>
    new Promise((resolve, reject) => {
      const text = JSON.stringify(body);
      const req = http.request(
        tcbUrl,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
        },
        (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve(JSON.parse(data)));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  await post({
    action: 'database.insertDocument',
    collectionName: 'bench',
    data: Array.from({ length: DOCS }, (_v, i) => EJSON.stringify(doc(i), { relaxed: false })),
  });

  const wireGet = (i) =>
    post({
      action: 'database.getDocument',
      collectionName: 'bench',
      queryType: 'DOC',
      query: JSON.stringify({ _id: `sku${i % DOCS}` }),
    });
  const wireDecrement = (i) =>
    post({
      action: 'database.modifyDocument',
      collectionName: 'bench',
      queryType: 'WHERE',
      multi: true,
      merge: true,
      upsert: false,
      query: EJSON.stringify({ _id: `sku${i % DOCS}`, stock: { $gte: 1 } }, { relaxed: false }),
      data: EJSON.stringify({ $inc: { stock: -1 } }, { relaxed: false }),
    });
  const sdkGet = (i) =>
    db
      .collection('bench')
      .doc(`sku${i % DOCS}`)
      .get();
  const sdkDecrement = (i) =>
    db
      .collection('bench')
      .where({ _id: `sku${i % DOCS}`, stock: _.gte(1) })
      .update({ data: { stock: _.inc(-1) } });

  results.push(
    await timed(`emulator over HTTP (${CONCURRENCY} in flight): get one document by _id`, OPS, (n) =>
      inParallel(n, wireGet),
    ),
  );
  results.push(
    await timed(`emulator over HTTP (${CONCURRENCY} in flight): conditional decrement`, OPS, (n) =>
      inParallel(n, wireDecrement),
    ),
  );
  results.push(
    await timed(`emulator via wx-server-sdk (${CONCURRENCY} in flight): doc(id).get()`, OPS, (n) =>
      inParallel(n, sdkGet),
    ),
  );
  results.push(
    await timed(
      `emulator via wx-server-sdk (${CONCURRENCY} in flight): where({_id, stock: gte(1)}).update(inc(-1))`,
      OPS,
      (n) => inParallel(n, sdkDecrement),
    ),
  );
  agent.destroy();
  emu.proc.kill('SIGINT');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const [rawGet, rawDec, wGet, wDec, sGet, sDec] = results;
const ratio = (a, b) => (a.perSec / b.perSec).toFixed(3);
const row = (r) => `| ${r.label} | ${r.ops} | ${r.ms.toFixed(0)} | ${Math.round(r.perSec).toLocaleString('en-US')} |`;
const today = new Date().toISOString().slice(0, 10);
const cpuModel = cpus()[0]?.model ?? 'cpu';
const md = `# Benchmarks

Written by \`npm run bench\` on ${today} (${cpus().length} × ${cpuModel}, Node ${process.version}).
Every figure is from one run; ratios compare numbers measured in that same run, so they hold across machines better
than the raw rates.

## Emulator database throughput vs raw better-sqlite3

Baseline: raw better-sqlite3 doing the same work in-process (same table, same pragmas: WAL + synchronous=FULL,
same EJSON decode/encode of each document). The emulator adds HTTP, the TCB protocol, EJSON on the wire, mingo
query evaluation and (for the SDK rows) wx-server-sdk's own request building and TC3 signing in the client process.

| operation | ops | ms | ops/s |
|---|---:|---:|---:|
${results.map(row).join('\n')}

| ratio (emulator ÷ raw SQLite, same run) | get by _id | conditional decrement |
|---|---:|---:|
| over HTTP | ${ratio(wGet, rawGet)} | ${ratio(wDec, rawDec)} |
| via wx-server-sdk | ${ratio(sGet, rawGet)} | ${ratio(sDec, rawDec)} |

The conditional decrement is the stock reservation of an order: durable (fsync per commit) on both sides, which is
why raw SQLite itself does it orders of magnitude slower than a read.
`;
const frontend = await runFrontend(); // builds the cloud functions the order section runs
const orders = await runOrders({ rawDecrement: rawDec });
const flash = await runFlashSale();
const commission = await runCommission();
const contention = await runContention();
const products = await runProducts();
const search = await runSearch();
const groupJoin = await runGroupJoin();
const lists = await runLists();
const all =
  md +
  orders.md +
  flash.md +
  contention.md +
  commission.md +
  products.md +
  search.md +
  groupJoin.md +
  lists.md +
  frontend.md;
writeFileSync(join(root, 'BENCHMARKS.md'), all);
console.log(all);
for (const [text, ok] of [
  ...orders.checks,
  ...flash.checks,
  ...contention.checks,
  ...groupJoin.checks,
  ...lists.checks,
  ...frontend.checks,
]) {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${text}`);
}
const passed = [frontend, orders, flash, contention, commission, groupJoin, lists].every((section) => section.ok);
process.exit(passed ? 0 : 1);
