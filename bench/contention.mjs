// Contention benchmarks of `npm run bench`, on the built functions in the emulator (demo seed, file database with
// WAL + synchronous=FULL, like `npm start`), called through the client gateway as dev users, everything at once:
// - 100 orders (distinct buyers) racing the owner's two stock adjustments (`shop.setStock`) on one SKU of 60;
// - one member's 60 orders each spending 25 of their 1,100 points (one transaction each on the member's account).
// Each reports the wall time, the answers, whether the invariants held (stock + held = Σ stock ledger; points left
// + points spent = points before, the account = Σ its ledger, never negative; never `internal`), the transactions
// the emulator saw with their retries, and the ratio to raw better-sqlite3 doing the same logical work in the same
// run: the same read-modify-write transactions, one after another, durable (WAL + synchronous=FULL).
// `node bench/contention.mjs` runs this section alone (after `npm run build:emulator && npm run build:cloud`),
// prints it and leaves BENCHMARKS.md untouched.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { startEmulator } from '../scripts/e2e.mjs';
import { client, transactionFigures } from './orders.mjs';
import { openRawDocs } from './raw-docs.mjs';

const require = createRequire(import.meta.url);
const { EJSON } = require('bson');

const ORDERS = 100;
const INITIAL_STOCK = 60;
const ADJUSTMENTS = [
  { delta: 30, reason: '到货入库' },
  { delta: -10, reason: '损耗报废' },
];
const SPENDS = 60;
const SPEND_EACH = 25;
/** Raw SQLite runs each workload this many times; the median run is the baseline (one run is tens of ms). */
const RAW_REPEATS = 15;
const ADDRESS = { name: '张三', phone: '13800138000', region: '上海市 浦东新区', detail: '世纪大道 100 号' };
const AFTER_SALE_MS = 8 * 86_400_000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sum = (xs, of) => xs.reduce((n, x) => n + of(x), 0);

/** A raw better-sqlite3 document table with the emulator's pragmas and encoding, for one baseline. */
function rawTable() {
  const dir = mkdtempSync(join(tmpdir(), 'youjian-bench-raw-'));
  const db = openRawDocs(dir);
  const getStmt = db.prepare('SELECT data FROM docs WHERE coll = ? AND id = ?').pluck();
  const updateStmt = db.prepare('UPDATE docs SET data = ?, ver = ver + 1 WHERE coll = ? AND id = ?');
  const insertStmt = db.prepare('INSERT INTO docs (coll, id, data, ver) VALUES (?, ?, ?, 1)');
  return {
    db,
    get: (coll, id) => EJSON.parse(getStmt.get(coll, id), { relaxed: true }),
    put: (coll, id, doc) => updateStmt.run(EJSON.stringify(doc, { relaxed: true }), coll, id),
    insert: (coll, doc) => insertStmt.run(coll, doc._id, EJSON.stringify(doc, { relaxed: true })),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `once(run)` RAW_REPEATS times after a warm-up; the median wall time in ms. */
function rawMedian(setup, once) {
  const table = rawTable();
  try {
    const times = [];
    for (let run = -1; run < RAW_REPEATS; run++) {
      setup(table, run);
      const start = performance.now();
      once(table, run);
      if (run >= 0) times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    table.close();
  }
}

/**
 * Raw SQLite, the stock race's logical work: 100 conditional decrements of the SKU (read, check, write, commit:
 * the reservation) with the two adjustments among them (read, check, write the product, add a ledger entry,
 * commit), one transaction each.
 */
export function rawStockRace() {
  return rawMedian(
    (t, run) => {
      t.insert('products', { _id: `p${run}`, skus: [{ id: 's1', stock: INITIAL_STOCK }] });
    },
    (t, run) => {
      const id = `p${run}`;
      const reserve = t.db.transaction(() => {
        const p = t.get('products', id);
        if (p.skus[0].stock >= 1) {
          p.skus[0].stock -= 1;
          t.put('products', id, p);
        }
      });
      const adjust = t.db.transaction((a, n) => {
        const p = t.get('products', id);
        const after = p.skus[0].stock + a.delta;
        if (after < 0) return;
        p.skus[0].stock = after;
        t.put('products', id, p);
        t.insert('stock_ledger', { _id: `${id}:${n}`, productId: id, skuId: 's1', delta: a.delta, stockAfter: after });
      });
      const at = ADJUSTMENTS.map((_a, i) => Math.floor(((i + 1) * ORDERS) / (ADJUSTMENTS.length + 1)));
      for (let i = 0; i < ORDERS; i++) {
        const n = at.indexOf(i);
        if (n >= 0) adjust.immediate(ADJUSTMENTS[n], n);
        reserve.immediate();
      }
    },
  );
}

/**
 * Raw SQLite, the points race's logical work: per order, the conditional decrement of the SKU, then one
 * transaction that reads the member's account, checks the balance, writes it and adds the ledger entry and the
 * order.
 */
export function rawPointsRace() {
  return rawMedian(
    (t, run) => {
      t.insert('products', { _id: `p${run}`, skus: [{ id: 's1', stock: 1_000_000 }] });
      t.insert('points_accounts', { _id: `m${run}`, available: 1100, lots: [{ id: 'l1', left: 1100 }] });
    },
    (t, run) => {
      const product = `p${run}`;
      const member = `m${run}`;
      const reserve = t.db.transaction(() => {
        const p = t.get('products', product);
        p.skus[0].stock -= 1;
        t.put('products', product, p);
      });
      const spend = t.db.transaction((i) => {
        const account = t.get('points_accounts', member);
        if (account.available < SPEND_EACH) return;
        account.available -= SPEND_EACH;
        account.lots[0].left -= SPEND_EACH;
        t.put('points_accounts', member, account);
        t.insert('points_ledger', { _id: `${run}:${i}:spend`, userId: member, kind: 'spend', available: -SPEND_EACH });
        t.insert('orders', { _id: `${run}:${i}`, buyerId: member, amounts: { pointsUsed: SPEND_EACH } });
      });
      for (let i = 0; i < SPENDS; i++) {
        reserve.immediate();
        spend.immediate(i);
      }
    },
  );
}

/** A function's answer through the gateway; a call cut off at its timeout (HTTP 504) answers `runtime.timed_out`. */
function answering(origin, api) {
  return async (as, fn, body) => {
    const res = await fetch(`${origin}/api/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.session(as)}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status === 504 && /timed out/.test(text)) return { ok: false, error: { code: 'runtime.timed_out' } };
    if (res.status !== 200) throw new Error(`${fn}.${body.action} as ${as}: HTTP ${res.status} ${text}`);
    return JSON.parse(text).result;
  };
}

const codeOf = (a) => (a?.ok ? 'ok' : (a?.error?.code ?? 'no answer'));
const tally = (answers) => {
  const out = {};
  for (const a of answers) out[codeOf(a)] = (out[codeOf(a)] ?? 0) + 1;
  return out;
};

/** Documents of a collection matching `query`, straight from the emulator's TCB endpoint. */
async function query(api, collectionName, where) {
  const { data } = await api.tcb({
    action: 'database.getDocument',
    collectionName,
    queryType: 'WHERE',
    query: EJSON.stringify(where, { relaxed: false }),
    limit: 1000,
  });
  return data.list.map((d) => EJSON.parse(d, { relaxed: true }));
}

async function must(promise, what) {
  const result = await promise;
  if (!result?.ok) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
  return result.data;
}

/** Warms every instance the runtime allows of a function (CloudBase: provisioned concurrency). */
async function warm(answer, fn, body) {
  await Promise.all(Array.from({ length: 16 }, () => answer('benchbuyer', fn, body)));
}

/** Runs `race` between a stats reset and a stats read; wall time from the first request sent to the last answer. */
async function measured(api, race) {
  await api.resetStats();
  const start = performance.now();
  const out = await race();
  const wallMs = performance.now() - start;
  return { ...out, wallMs, stats: await api.stats() };
}

async function stockRace(api, answer) {
  const photo = await fetch(
    // The owner's own folder (a dev session's openid is dev_<name>), as the storage rule requires.
    `${api.origin}/api/storage/upload?cloudPath=products/dev_owner/bench-contention-${randomUUID()}.png`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${await api.session('owner')}`, 'content-type': 'image/png' },
      body: Buffer.from('\x89PNG bench'),
    },
  ).then((r) => r.json());
  const { product } = await must(
    answer('owner', 'shop', {
      action: 'saveProduct',
      requestId: randomUUID(),
      title: '争抢测试商品',
      description: '',
      photos: [photo.fileID],
      skus: [{ spec: '限量', priceFen: 990, initialStock: INITIAL_STOCK }],
      commissionRateBp: null,
      status: 'on_sale',
    }),
    'saveProduct',
  );
  const line = { productId: product.id, skuId: product.skus[0].id, qty: 1 };
  const buyers = Array.from({ length: ORDERS }, (_v, i) => `stock${i + 1}`);
  await Promise.all(buyers.map((b) => api.session(b)));
  await warm(answer, 'order', { action: 'quote', items: [line] });
  await warm(answer, 'shop', { action: 'getProduct', id: product.id });

  const run = await measured(api, async () => {
    const [orders, adjustments] = await Promise.all([
      Promise.all(
        buyers.map((as) =>
          answer(as, 'order', { action: 'create', requestId: randomUUID(), items: [line], address: ADDRESS }),
        ),
      ),
      Promise.all(
        ADJUSTMENTS.map((a) =>
          answer('owner', 'shop', {
            action: 'setStock',
            productId: line.productId,
            skuId: line.skuId,
            requestId: randomUUID(),
            ...a,
          }),
        ),
      ),
    ]);
    return { orders, adjustments };
  });

  const [doc] = await query(api, 'products', { _id: product.id });
  const orders = await query(api, 'orders', { 'items.productId': product.id });
  const ledger = await query(api, 'stock_ledger', { productId: product.id });
  const absorbed = new Set(orders.flatMap((o) => o.holds ?? []));
  const marked = sum(
    (doc.holds ?? []).filter((m) => !absorbed.has(m.token)),
    (m) => m.qty,
  );
  const held = sum(
    orders.filter((o) => o.holdsStock),
    (o) => o.items[0].qty,
  );
  const stock = doc.skus[0].stock;
  const ledgerSum = sum(ledger, (e) => e.delta);
  const answers = [...run.orders, ...run.adjustments];
  return {
    ...run,
    stock,
    held: held + marked,
    ledgerSum,
    applied: run.adjustments.filter((a) => a.ok).map((a) => a.data.entry.delta),
    logical: ADJUSTMENTS.length,
    correct:
      run.orders.some((a) => a.ok) &&
      stock >= 0 &&
      stock + held + marked === ledgerSum &&
      !answers.some((a) => codeOf(a) === 'internal'),
  };
}

async function pointsRace(api, answer) {
  const insert = (doc) =>
    api.tcb({ action: 'database.insertDocument', collectionName: 'products', data: [EJSON.stringify(doc)] });
  const product = (id, priceFen, stock) => ({
    _id: id,
    title: id,
    description: '',
    images: [],
    skus: [{ id: `${id}-1`, spec: '默认', priceFen, stock }],
    status: 'on_sale',
    sort: 9998,
  });
  await insert(product('bpts-big', 100_000, 5)); // ¥1,000: earns 1,000 points
  await insert(product('bpts-cheap', 3990, 10_000)); // at most 1,995 points an order
  const big = { productId: 'bpts-big', skuId: 'bpts-big-1', qty: 1 };
  const cheap = { productId: 'bpts-cheap', skuId: 'bpts-cheap-1', qty: 1 };
  const member = 'benchspender';
  // The member's points through the shop's own flows: the welcome gift, then an order completed and past its
  // after-sale window.
  await must(answer(member, 'points', { action: 'join' }), 'join');
  const { order } = await must(
    answer(member, 'order', { action: 'create', requestId: randomUUID(), items: [big], address: ADDRESS }),
    'create',
  );
  const { outTradeNo } = await must(answer(member, 'order', { action: 'pay', orderId: order.id }), 'pay');
  await api.post('/__dev/pay', { outTradeNo });
  await must(
    answer('owner', 'order', { action: 'ship', orderId: order.id, courier: 'SF', trackingNo: 'SF1234567890' }),
    'ship',
  );
  await must(answer(member, 'order', { action: 'confirmReceipt', orderId: order.id }), 'confirmReceipt');
  await api.post('/__dev/clock', { advanceMs: AFTER_SALE_MS });
  await api.post('/__dev/timers/run', { name: 'scheduler' });
  const before = (await must(answer(member, 'points', { action: 'balance' }), 'balance')).available;
  await warm(answer, 'order', { action: 'quote', items: [cheap] });

  const run = await measured(api, async () => {
    const spends = await Promise.all(
      Array.from({ length: SPENDS }, () =>
        answer(member, 'order', {
          action: 'create',
          requestId: randomUUID(),
          items: [cheap],
          address: ADDRESS,
          pointsToUse: SPEND_EACH,
        }),
      ),
    );
    return { spends };
  });

  const [account] = await query(api, 'points_accounts', { _id: `dev_${member}` });
  const entries = await query(api, 'points_ledger', { userId: `dev_${member}` });
  const orders = await query(api, 'orders', { buyerId: `dev_${member}` });
  const spent = sum(orders, (o) => o.amounts.pointsUsed);
  const fromLedger = sum(entries, (e) => e.available);
  return {
    ...run,
    before,
    after: account.available,
    spent,
    fromLedger,
    logical: SPENDS,
    correct:
      run.spends.some((a) => a.ok) &&
      account.available >= 0 &&
      account.available === fromLedger &&
      account.available + spent === before &&
      !run.spends.some((a) => codeOf(a) === 'internal'),
  };
}

/** Measures, and returns the BENCHMARKS.md section and whether every invariant held. */
export async function runContention() {
  const raw = { stock: rawStockRace(), points: rawPointsRace() };
  const emu = await startEmulator({ seed: 'demo' });
  let stock;
  let points;
  try {
    const api = { ...client(emu.origin), origin: emu.origin };
    const answer = answering(emu.origin, api);
    stock = await stockRace(api, answer);
    points = await pointsRace(api, answer);
  } finally {
    await emu.stop();
  }

  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const codes = (t) =>
    Object.entries(t)
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
  const checks = [
    [
      `contention, stock: stock ${stock.stock} + held ${stock.held} = Σ ledger ${stock.ledgerSum}, ` +
        'at least one order, never internal',
      stock.correct,
    ],
    [
      `contention, points: ${points.after} left + ${points.spent} spent = ${points.before} before, ` +
        `= Σ ledger ${points.fromLedger}, at least one order, never internal`,
      points.correct,
    ],
  ];
  for (const [text, ok] of checks) console.log(`${ok ? '\x1b[32mPASS\x1b[0m' : '\x1b[31mFAIL\x1b[0m'} ${text}`);
  const times = (a, b) => `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`;
  const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
  const raceRow = (what, race, rawMs, answers, invariant) =>
    `| ${what} | ${fmt(race.wallMs)} ms | ${rawMs.toFixed(1)} ms | ${times(race.wallMs, rawMs)} | ${answers} | ` +
    `${verdict(race.correct)}: ${invariant} |`;
  const txRow = (what, race) => {
    const tx = transactionFigures(race.stats, race.logical);
    return `| ${what} | ${tx.requests} | ${tx.retries} | ${tx.outcomes} | ${tx.conflicts} | ${tx.lockWaits} |`;
  };
  const stockRow = raceRow(
    `${ORDERS} orders vs ${ADJUSTMENTS.length} stock adjustments on one SKU of ${INITIAL_STOCK}`,
    stock,
    raw.stock,
    `orders: ${codes(tally(stock.orders))}; adjustments: ${codes(tally(stock.adjustments))}`,
    `stock ${stock.stock} + held ${stock.held} = Σ ledger ${stock.ledgerSum}`,
  );
  const pointsRow = raceRow(
    `${SPENDS} orders by one member spending ${SPEND_EACH} points each (of ${points.before})`,
    points,
    raw.points,
    codes(tally(points.spends)),
    `${points.after} left + ${points.spent} spent = ${points.before}; account = Σ ledger`,
  );
  const txHeader =
    '| race (logical transactions) | TCB start / commit / rollback | retries | ' +
    'started / committed / aborted | conflicts | lock waits |';
  const applied = stock.applied.map((d) => (d > 0 ? `+${d}` : String(d))).join(', ') || 'none';
  const md = `
## Contention (many calls at once on one document)

Built functions, real wx-server-sdk, demo seed, file database (WAL + synchronous=FULL), calls through the client
gateway, every call of a race sent at once (instances warmed first). Baseline: raw better-sqlite3 doing the same
logical work in the same run, the same read-modify-write transactions one after another (median of ${RAW_REPEATS}
runs). Transactions as the emulator counts them between \`/__dev/stats/reset\` and \`/__dev/stats\`: the TCB
requests (start, commit, rollback) always; started, committed, aborted, conflicts and lock waits where the
emulator reports them (\`transactions\`; n/a when it does not). Retries: transactions started beyond one per
logical transaction.

| race | wall time | raw SQLite, same work | ratio | answers | invariants |
|---|---:|---:|---:|---|---|
${stockRow}
${pointsRow}

${txHeader}
|---|---:|---:|---:|---:|---:|
${txRow(`stock (${stock.logical}: the adjustments; a reservation is a conditional update)`, stock)}
${txRow(`points (${points.logical}: one per order)`, points)}

- Adjustments applied: ${applied}. Each order and each adjustment is a whole function invocation (gateway, instance
  queue of at most 16 per function, several TCB round trips, durable commits); the baseline does the same
  transactions in-process. \`runtime.timed_out\` counts calls the runtime cut off at the function's timeout (what
  they wrote, if anything, is in the invariants).
`;
  return { md, ok: checks.every(([, ok]) => ok), checks };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { md, ok } = await runContention();
  console.log(md);
  process.exit(ok ? 0 : 1);
}
