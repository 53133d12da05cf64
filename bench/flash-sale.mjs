// Flash-sale benchmark of `npm run bench`: a real flash sale (秒杀) saved by the owner through the `campaign`
// function (50 units moved out of the SKU), then 500 buyers (distinct dev sessions) each sending one
// `order.create` at once, through the client gateway, on the built functions in the emulator (demo seed, file
// database with WAL + synchronous=FULL). Checks: exactly 50 orders at the flash price, 450 coded refusals
// (`campaign.sold_out`), nothing else; the sale's units all sold and the SKU's stock untouched by the rush.
// Measures create calls/s against raw better-sqlite3's conditional-decrement transactions/s in the same run
// (bench/orders.mjs measureRawDecrementMedian, measured right before the rush), latency, and the TCB requests the
// rush sent (per create, by action), plus those of one successful flash create and one refusal sent alone.
// `node bench/flash-sale.mjs` runs this section alone (after `npm run build:emulator && npm run build:cloud`),
// prints it and leaves BENCHMARKS.md untouched.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../scripts/e2e.mjs';
import { breakdownOf, breakdownRows, client, measureRawDecrementMedian, transactionFigures } from './orders.mjs';

const require = createRequire(import.meta.url);
const { EJSON } = require('bson');

export const FLASH_TARGETS = { createsPerSec: 200, ratioToRaw: 0.06 };
const BUYERS = Number(process.env.BENCH_FLASH_BUYERS ?? 500);
const UNITS = 50;
const STOCK = 80;
const PRICE_FEN = 990;
const FLASH_FEN = 490;
const OWNER = 'owner';
const ADDRESS = { name: '张三', phone: '13800138000', region: '上海市 浦东新区', detail: '世纪大道 100 号' };

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

async function readDoc(api, collectionName, id) {
  const { data } = await api.tcb({
    action: 'database.getDocument',
    collectionName,
    queryType: 'DOC',
    query: JSON.stringify({ _id: id }),
  });
  return EJSON.parse(data.list[0], { relaxed: true });
}

/** A product of `STOCK` units and a live sale of `units` of them at the flash price, perMember 1. */
async function saleOf(api, id, units) {
  await api.tcb({
    action: 'database.insertDocument',
    collectionName: 'products',
    data: [
      EJSON.stringify(
        {
          _id: id,
          title: '秒杀测试商品',
          description: '',
          images: [],
          skus: [{ id: `${id}-1`, spec: '默认', priceFen: PRICE_FEN, stock: STOCK }],
          status: 'on_sale',
          sort: 9999,
          holds: [],
        },
        { relaxed: false },
      ),
    ],
  });
  const now = new Date((await (await fetch(`${api.origin}/__dev/clock`)).json()).now);
  const saved = await api.call(OWNER, 'campaign', {
    action: 'saveFlashSale',
    flashSale: {
      productId: id,
      skus: [{ skuId: `${id}-1`, priceFen: FLASH_FEN, stock: units }],
      startAt: new Date(now.getTime() - 60_000).toISOString(),
      endAt: new Date(now.getTime() + 3_600_000).toISOString(),
      perMember: 1,
    },
  });
  if (!saved?.ok) throw new Error(`saveFlashSale refused: ${JSON.stringify(saved)}`);
  return { saleId: saved.data.flashSale.id, line: { productId: id, skuId: `${id}-1`, qty: 1 } };
}

const create = (api, as, line) =>
  api.order(as, { action: 'create', requestId: randomUUID(), items: [line], address: ADDRESS });

/** TCB requests of one call sent alone. */
async function requestsOf(api, call) {
  await api.resetStats();
  const result = await call();
  const { tcbRequests, tcbActions } = await api.stats();
  return { result, tcbRequests, tcbActions };
}

/** Every buyer sends one create of `line` at once; the answers, latencies and what the emulator measured. */
async function rush(api, buyers, line) {
  await api.resetStats();
  const latencies = [];
  const codes = {};
  const prices = new Set();
  const clientCpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    buyers.map(async (as) => {
      const t0 = performance.now();
      // A call the runtime cut off at the function's timeout (a loaded machine) is counted, not thrown.
      const result = await create(api, as, line).catch((error) => ({
        ok: false,
        error: { code: /HTTP 504/.test(String(error)) ? 'timed out (HTTP 504)' : String(error).slice(0, 80) },
      }));
      latencies.push(performance.now() - t0);
      const code = result?.ok ? 'ok' : (result?.error?.code ?? 'no answer');
      if (result?.ok) prices.add(result.data.order.items[0].priceFen);
      codes[code] = (codes[code] ?? 0) + 1;
    }),
  );
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(clientCpu);
  const stats = await api.stats();
  latencies.sort((a, b) => a - b);
  return {
    codes,
    prices: [...prices],
    wallMs,
    perSec: (buyers.length / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    tcbRequests: stats.tcbRequests,
    tcbActions: stats.tcbActions ?? {},
    transactions: transactionFigures(stats, 0),
    breakdown: breakdownOf(stats, (used.user + used.system) / 1000, wallMs, buyers.length),
  };
}

export async function runFlashSale() {
  // The target's baseline, measured right before the rush it is compared with (not at the start of `npm run bench`,
  // before the front-end builds), as the median of three bursts.
  const raw = measureRawDecrementMedian();
  const emu = await startEmulator({ seed: 'demo' });
  let run;
  try {
    const api = { ...client(emu.origin), origin: emu.origin };
    // Requests of one flash create that succeeds and one refused (sold out), each alone, on a sale of 1 unit.
    const solo = await saleOf(api, 'flashsolo', 1);
    await api.order('benchbuyer', { action: 'quote', items: [solo.line] }); // the cold start is not counted
    const single = await api.call(OWNER, 'campaign', { action: 'ownerFlashSales' });
    if (!single?.ok) throw new Error(`ownerFlashSales refused: ${JSON.stringify(single)}`);
    const alone = [
      await requestsOf(api, () => create(api, 'solo1', solo.line)),
      await requestsOf(api, () => create(api, 'solo2', solo.line)),
      await requestsOf(api, () => create(api, 'solo3', solo.line)),
    ];
    if (!alone[0].result?.ok || alone.slice(1).some((a) => a.result?.error?.code !== 'campaign.sold_out'))
      throw new Error(`the lone flash creates: ${JSON.stringify(alone.map((a) => a.result))}`);

    // Warm every instance the runtime allows (CloudBase: provisioned concurrency), then let them serve a smaller
    // sale of the same shape on another product: the measured rush runs on compiled code, as instances that have
    // served traffic do. The warm-up rush's own rate is reported beside it.
    const warm = await saleOf(api, 'flashwarm', UNITS);
    await Promise.all(
      Array.from({ length: 16 }, () => api.order('benchbuyer', { action: 'quote', items: [warm.line] })),
    );
    const warmBuyers = Array.from({ length: BUYERS }, (_v, i) => `warm${i + 1}`);
    await Promise.all(warmBuyers.map((b) => api.session(b)));
    const warmRush = await rush(api, warmBuyers, warm.line);
    if (warmRush.codes.ok !== UNITS) throw new Error(`the warm-up sale: ${JSON.stringify(warmRush.codes)}`);

    const { saleId, line } = await saleOf(api, 'flash', UNITS);
    const buyers = Array.from({ length: BUYERS }, (_v, i) => `flash${i + 1}`);
    await Promise.all(buyers.map((b) => api.session(b)));
    const measured = await rush(api, buyers, line);
    const sale = await readDoc(api, 'flash_sales', saleId);
    const product = await readDoc(api, 'products', 'flash');
    run = {
      ...measured,
      alone,
      warm: warmRush,
      left: sale.skus[0].left,
      sold: sale.skus[0].sold,
      skuStock: product.skus[0].stock,
    };
  } finally {
    await emu.stop();
  }

  const ratio = run.perSec / raw.perSec;
  const correct =
    run.codes.ok === UNITS &&
    run.codes['campaign.sold_out'] === BUYERS - UNITS &&
    Object.keys(run.codes).length === 2 &&
    run.prices.length === 1 &&
    run.prices[0] === FLASH_FEN &&
    run.left === 0 &&
    run.sold === UNITS &&
    run.skuStock === STOCK - UNITS;
  const checks = [
    [
      `flash sale: ${BUYERS} buyers for ${UNITS} units → ${run.codes.ok ?? 0} orders at ${run.prices.join('/')} fen, ` +
        `${run.codes['campaign.sold_out'] ?? 0} campaign.sold_out, sale left ${run.left}, sold ${run.sold}, ` +
        `SKU stock ${run.skuStock} (expected ${UNITS} at ${FLASH_FEN}, ${BUYERS - UNITS}, 0, ${UNITS}, ` +
        `${STOCK - UNITS}, nothing else)`,
      correct,
    ],
    [
      `flash sale: ${Math.round(run.perSec)} create calls/s (target ≥ ${FLASH_TARGETS.createsPerSec})`,
      run.perSec >= FLASH_TARGETS.createsPerSec,
    ],
    [
      `flash sale: ${ratio.toFixed(3)}× raw SQLite conditional decrements (target ≥ ${FLASH_TARGETS.ratioToRaw}×)`,
      ratio >= FLASH_TARGETS.ratioToRaw,
    ],
  ];
  for (const [text, ok] of checks) console.log(`${ok ? '\x1b[32mPASS\x1b[0m' : '\x1b[31mFAIL\x1b[0m'} ${text}`);

  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const actions = (a) =>
    Object.entries(a)
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const [won, first, later] = run.alone;
  const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;
  const rushRow =
    `| ${BUYERS} buyers at once, ${UNITS} units | ${run.codes.ok ?? 0} orders at ${run.prices.join('/')} fen, ` +
    `${run.codes['campaign.sold_out'] ?? 0} campaign.sold_out; sale left ${run.left}, sold ${run.sold}; ` +
    `SKU stock ${run.skuStock} | exactly ${UNITS}, ${BUYERS - UNITS}, 0, ${UNITS}, ${STOCK - UNITS} | ` +
    `${verdict(correct)} |`;
  const ratioRow =
    `| ratio: create calls/s ÷ raw conditional decrements/s (${fmt(raw.perSec)} /s: median of ` +
    `${raw.bursts.map(fmt).join(', ')} /s, just before the rush) | ` +
    `${ratio.toFixed(3)} | ≥ ${FLASH_TARGETS.ratioToRaw} | ${verdict(checks[2][1])} |`;
  const md = `
## Flash sale (秒杀: the \`campaign\` sale and \`order.create\` in the emulator)

Built functions, real wx-server-sdk, demo seed, file database (WAL + synchronous=FULL). The owner saves a sale of
${UNITS} units at ${yuan(FLASH_FEN)} (of ${STOCK}, normal price ${yuan(PRICE_FEN)}) through
\`campaign.saveFlashSale\`, live now, one unit per member; then ${BUYERS} distinct dev sessions send one
\`order.create\` each, all at once. Before it, 16 warm-up calls and the same sale on another product with
${BUYERS} other buyers: the measured rush runs on compiled code, as instances that have served traffic do (that
first rush, on code still being compiled: ${fmt(run.warm.perSec)} creates/s, \
${(run.warm.breakdown.total ?? 0).toFixed(2)} ms CPU per create).

| what | measured | target | result |
|---|---:|---:|---|
${rushRow}
| create calls answered per second | ${fmt(run.perSec)} | ≥ ${FLASH_TARGETS.createsPerSec} | ${verdict(checks[1][1])} |
${ratioRow}

| the rush | value |
|---|---:|
| wall time, first request sent → last answer | ${fmt(run.wallMs)} ms |
| create latency p50 / p99 / max | ${fmt(run.p50)} / ${fmt(run.p99)} / ${fmt(run.max)} ms |
| TCB requests during the rush | ${fmt(run.tcbRequests)} (${(run.tcbRequests / BUYERS).toFixed(2)} per create) |
| transactions: TCB start / commit / rollback requests | ${run.transactions.requests} |

${breakdownRows(run.breakdown, BUYERS)}

- The rush's requests: ${actions(run.tcbActions)}.
- Alone: a flash create that succeeds sends ${won.tcbRequests} TCB requests (${actions(won.tcbActions)}); the first
  refusal once the units are gone ${first.tcbRequests} (${actions(first.tcbActions)}); every later refusal
  ${later.tcbRequests} (${actions(later.tcbActions)}). The product carries its sale's prices and window
  (\`products.flashSale\`), and the units are taken by one conditional update of the sale document (stock, the
  member's limit and the mark together). A take that misses reads the sale to say why (sold out, limit, no longer
  live); when it is sold out, one transaction that reads the sale notes the sold-out SKUs on the product's pointer
  (\`flashSale.soldOut\`), and writes the sale too, as every give-back of units does when it clears the note: the
  two never both commit, so the note never stands while a unit is left. The refusals after it read the product,
  take nothing, and read the order of their request id (a copy of the same request may have placed it): two
  requests where there were three, the third one on the sale's growing document. The rush's transactions are those
  notes: refusals that find the sale sold out at the same moment each try once; one commits, the others conflict
  and leave it (\`markSoldOut\`).
- Where the time went (this bench's earlier runs on this machine, 150–230 creates/s): 3.2 TCB requests per create
  and 7.5–10.7 ms CPU per create, about 1.5 ms of it the invocation itself (gateway, instance, answer) and the rest
  the requests: per request about 0.9 ms of wx-server-sdk in the instance (request building, TC3 signing,
  node:http), 0.3 ms on the emulator's main thread (HTTP, EJSON of the sale's document, mingo, SQLite) and 0.5 ms of
  V8 compiling on other threads (perf: TurboFan's graph reducers, much more than the collector). Two changes
  did it: the refusals' note above (fewer requests), and one database object per instance instead of one per call
  (\`platform/handler.ts\`): wx-server-sdk defines a new class each time it makes one, so every call's objects had
  new shapes and V8 kept compiling the same code (CPU per create −1.5 to −2.5 ms). Instance counts (2–6), V8 heap
  sizes and GC threads moved nothing beyond the noise.
`;
  return { md, ok: correct, checks };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { md, ok } = await runFlashSale();
  console.log(md);
  process.exit(ok ? 0 : 1);
}
