// Contention through the emulator and the real functions: many calls at once on one hot document each (a SKU, a
// member's points account, a sharer's money counters, a product's review counters), with the other writers of that
// document joining in. Every answer is ok or a coded refusal, never `internal`, and every ledger invariant holds
// whatever the interleaving. The assertions are about sums, never about how many calls won or how long they took,
// so that they hold under both semantics: conflicts raised at commit (the emulator until issue 15), and conflicts
// raised at the write with plain writes waiting for a transaction's lock (production's).
// A call the runtime cuts off at its timeout (a loaded machine, or retries outlasting it) is an unknown outcome:
// the function was killed wherever it was, so what it was writing may or may not be there; the invariants must
// hold all the same, and nothing is assumed about it beyond that.
// Narrower races on the same documents live with their features and are not repeated here: the flash sale
// (order-concurrency.test.ts), one pair of adjustments racing 100 orders (products.test.ts), six orders spending
// the same 100 points (points.test.ts), six identical withdrawals (commission.test.ts), one line reviewed twice at
// once (reviews.test.ts).
import { randomUUID } from 'node:crypto';
import { ERRORS } from '../../cloudfunctions/contracts/errors';
import { orderIdFor } from '../../cloudfunctions/core/order-id';
import { post, sdkFor } from '../emulator/harness';
import { checkCountersAgainstLedger, checkPointsAgainstLedger, checkStatsAgainstReviews } from './ledgers';
import { ADDRESS, DAY, OWNER, holdsStock, pool, useShop, type Line, type Outcome } from './order-kit';

const shop = useShop();

afterEach(() => checkPointsAgainstLedger(shop));
afterEach(() => checkCountersAgainstLedger(shop));
afterEach(() => checkStatsAgainstReviews(shop));

const AFTER_SALE_DAYS = 7;
/** Set-up flows in flight together (the race itself fires everything at once). */
const SETUP = 4;

/** Every code that means "try again" (system.busy, stock.busy, …): a conflict that outlasted the retries. */
const BUSY = Object.keys(ERRORS).filter((code) => code.endsWith('.busy'));
/** Not a code of the shop's: the runtime cut the call off at the function's timeout (HTTP 504). */
const TIMED_OUT = 'runtime.timed_out';

const codeOf = (answer: Outcome) => (answer.ok ? 'ok' : answer.error.code);
const isOk = (answer: Outcome): answer is { ok: true; data: any } => answer.ok;
const unknown = (answer: Outcome) => codeOf(answer) === TIMED_OUT;

/**
 * A client call through the gateway; a call cut off at the function's timeout answers `TIMED_OUT` instead of
 * failing the test (any other HTTP failure still does).
 */
async function call(as: string, fn: string, action: string, input: Record<string, unknown> = {}): Promise<Outcome> {
  const res = await post(
    shop.emu,
    `/api/functions/${fn}`,
    { action, ...input },
    {
      authorization: `Bearer ${await shop.token(as)}`,
    },
  );
  if (res.status === 504 && /timed out/.test(res.text)) return { ok: false, error: { code: TIMED_OUT, message: '' } };
  if (res.status !== 200) throw new Error(`${fn}.${action} as ${as}: HTTP ${res.status} ${res.text}`);
  return res.json.result;
}

async function ok(as: string, fn: string, action: string, input: Record<string, unknown> = {}) {
  const result = await call(as, fn, action, input);
  if (!result.ok) throw new Error(`${fn}.${action} as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

/**
 * Every answer is ok, one of the business refusals expected of the action, a busy code or a timeout; none is
 * `internal` or anything else (the strays are listed whole, so a failure says what came back).
 */
function expectAnswered(what: string, answers: Outcome[], refusals: string[]): void {
  const allowed = new Set(['ok', ...refusals, ...BUSY, TIMED_OUT]);
  const strays = answers.filter((a) => !allowed.has(codeOf(a))).map((a) => `${what}: ${JSON.stringify(a)}`);
  expect(strays).toEqual([]);
}

/** A create with the caller's own requestId, so the order it would make is known (`orderIdFor`). */
function create(as: string, items: Line[], requestId: string, extra: Record<string, unknown> = {}) {
  return call(as, 'order', 'create', { requestId, items, address: ADDRESS, ...extra });
}

/** A product photo in the shop's storage, as the editor uploads it. */
async function uploadPhoto(): Promise<string> {
  const { fileID } = await sdkFor(shop.emu).uploadFile({
    cloudPath: `products/${randomUUID()}.png`,
    fileContent: Buffer.from('\x89PNG fake bytes'),
  });
  return fileID as string;
}

const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((n, item) => n + of(item), 0);

test('100 orders, two stock adjustments and 20 cancels at once on one SKU: stock + held = Σ ledger', async () => {
  const { product } = await ok(OWNER, 'shop', 'saveProduct', {
    requestId: randomUUID(),
    title: '限量手工红糖',
    description: '',
    photos: [await uploadPhoto()],
    skus: [{ spec: '限量', priceFen: 1000, initialStock: 60 }],
    commissionRateBp: null,
    status: 'on_sale',
  });
  const sku: Line = { productId: product.id, skuId: product.skus[0].id, qty: 1 };
  // 20 orders hold stock before the rush; their buyers cancel during it, each cancel giving its unit back in a
  // transaction on the product document that the reservations and the adjustments write too.
  const early = Array.from({ length: 20 }, (_v, i) => `early${i}`);
  const held = await pool(early, SETUP, (b) => shop.placed(b, [sku]));
  const rush = Array.from({ length: 100 }, (_v, i) => ({ as: `rush${i}`, requestId: randomUUID() }));
  await Promise.all(rush.map((r) => shop.token(r.as)));

  const adjusts = [
    { delta: 30, reason: '到货入库', requestId: randomUUID() },
    { delta: -25, reason: '损耗报废', requestId: randomUUID() },
  ];
  const [orders, adjustments, cancels] = await Promise.all([
    Promise.all(rush.map((r) => create(r.as, [sku], r.requestId))),
    Promise.all(
      adjusts.map((a) => call(OWNER, 'shop', 'setStock', { productId: sku.productId, skuId: sku.skuId, ...a })),
    ),
    Promise.all(held.map((o, i) => call(early[i], 'order', 'cancel', { orderId: o.id }))),
  ]);
  expectAnswered('order.create', orders, ['order.stock_insufficient']);
  expectAnswered('shop.setStock', adjustments, ['stock.below_zero']);
  expectAnswered('order.cancel', cancels, []);
  expect(orders.filter(isOk).length).toBeGreaterThan(0);
  // A cancel whose stock release met a conflict left it to the scheduler's sweep: run it as its timer would.
  await shop.runScheduler();

  // The ledger holds the initial stock and the adjustments: each one answered ok is there, each one refused is not.
  const ledger = (await shop.all('stock_ledger')).filter((e) => e.productId === product.id);
  expect(ledger.filter((e) => e.reason === '新建规格').map((e) => e.delta)).toEqual([60]);
  for (const [i, answer] of adjustments.entries()) {
    const entry = ledger.find((e) => e.key === `adjust:dev_${OWNER}:${adjusts[i].requestId}`);
    if (isOk(answer)) expect(entry).toMatchObject({ _id: answer.data.entry.id, delta: adjusts[i].delta });
    else if (!unknown(answer)) expect(entry).toBeUndefined();
  }
  const keys = new Set(adjusts.map((a) => `adjust:dev_${OWNER}:${a.requestId}`));
  expect(ledger.filter((e) => e.reason !== '新建规格' && !keys.has(e.key))).toEqual([]);

  // Each create answered ok stored its order; a refused one stored none.
  const stored = (await shop.all('orders')).filter((o) => o.items.some((l: Line) => l.productId === product.id));
  for (const [i, answer] of orders.entries()) {
    const id = orderIdFor(`dev_${rush[i].as}`, rush[i].requestId);
    const found = stored.some((o) => o._id === id);
    if (isOk(answer)) expect({ id, found, answered: answer.data.order.id }).toEqual({ id, found: true, answered: id });
    else if (!unknown(answer)) expect({ id, found }).toEqual({ id, found: false });
  }
  // Each cancel answered ok cancelled its order and gave its unit back (holdsStock cleared by the release).
  for (const [i, answer] of cancels.entries()) {
    if (isOk(answer))
      expect(stored.find((o) => o._id === held[i].id)).toMatchObject({ status: 'cancelled', holdsStock: false });
  }

  // Stock + units held by orders (and by reservation marks no order took over) = Σ ledger: nothing oversold,
  // nothing lost, however the reservations, adjustments and releases interleaved.
  const doc = (await shop.db.collection('products').doc(product.id).get()).data;
  const absorbed = new Set(stored.flatMap((o) => o.holds ?? []));
  const marked = sum(
    (doc.holds ?? []).filter((m: any) => !absorbed.has(m.token)),
    (m: any) => m.qty,
  );
  const sold = sum(stored.filter(holdsStock), (o) => o.items[0].qty);
  const stock = doc.skus[0].stock as number;
  expect(stock).toBeGreaterThanOrEqual(0);
  expect({ stock, sold, marked, total: stock + sold + marked }).toEqual({
    stock,
    sold,
    marked,
    total: sum(ledger, (e) => e.delta),
  });
}, 180_000);

test('a member spends points in 40 orders at once while cancelling others: balance ≥ 0, = Σ ledger', async () => {
  const [big] = await shop.makeProduct('pts-big', [{ stock: 5, priceFen: 50_000 }]); // earns 500 points
  const [cheap] = await shop.makeProduct('pts-cheap', [{ stock: 500, priceFen: 3990 }]); // at most 1995 points
  await ok('spender', 'points', 'join'); // the welcome gift: 100
  await shop.completed('spender', [big]);
  await shop.advance((AFTER_SALE_DAYS + 1) * DAY);
  await shop.runScheduler();
  const start = (await ok('spender', 'points', 'balance')).available as number;
  expect(start).toBe(600);

  // Five orders spend 40 points each before the rush; the member cancels them during it (their points go back
  // in a transaction on the same account).
  const earlyIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const placed = await create('spender', [cheap], randomUUID(), { pointsToUse: 40 });
    if (!isOk(placed)) throw new Error(`a set-up order was refused: ${JSON.stringify(placed)}`);
    earlyIds.push(placed.data.order.id);
  }
  // 40 × 25 points asked for: more than the 400 left plus the 200 the cancels give back.
  const rush = Array.from({ length: 40 }, () => randomUUID());
  const [spends, cancels, joins] = await Promise.all([
    Promise.all(rush.map((requestId) => create('spender', [cheap], requestId, { pointsToUse: 25 }))),
    Promise.all(earlyIds.map((orderId) => call('spender', 'order', 'cancel', { orderId }))),
    Promise.all(Array.from({ length: 5 }, () => call('spender', 'points', 'join'))),
  ]);
  expectAnswered('order.create with points', spends, ['points.insufficient']);
  expectAnswered('order.cancel', cancels, []);
  expectAnswered('points.join', joins, []);
  expect(spends.filter(isOk).length).toBeGreaterThan(0);
  expect(joins.filter(isOk).map((j) => j.data.gift)).toEqual(joins.filter(isOk).map(() => 0));
  // Points a cancel could not give back at once (a conflict) are given back by the scheduler's sweep.
  await shop.runScheduler();

  const account = (await shop.db.collection('points_accounts').doc('dev_spender').get()).data;
  expect(account.available).toBeGreaterThanOrEqual(0);
  const mine = (await shop.all('orders')).filter((o) => o.buyerId === 'dev_spender');
  // A create answered ok spent its points on its order; a refused one wrote no order and took nothing.
  for (const [i, answer] of spends.entries()) {
    const id = orderIdFor('dev_spender', rush[i]);
    const order = mine.find((o) => o._id === id);
    if (isOk(answer)) expect({ id, used: order?.amounts.pointsUsed }).toEqual({ id, used: 25 });
    else if (!unknown(answer)) expect({ id, order }).toEqual({ id, order: undefined });
  }
  for (const o of mine) {
    expect({ id: o._id, taken: sum(o.points?.taken ?? [], (t: any) => t.points) }).toEqual({
      id: o._id,
      taken: o.amounts.pointsUsed,
    });
    if (o.status === 'cancelled' && o.amounts.pointsUsed > 0) expect(o.pointsBack).toBe('done');
  }
  // Conservation: what the member had = what is left + what the orders still standing spent.
  const standing = mine.filter((o) => o.status !== 'cancelled');
  expect(account.available + sum(standing, (o) => o.amounts.pointsUsed)).toBe(start);
  // The ledger tells the same story: Σ spend entries = Σ spent by orders, Σ returns = Σ spent by cancelled ones.
  const entries = (await shop.all('points_ledger')).filter((e) => e.userId === 'dev_spender');
  const ofKind = (kind: string) =>
    sum(
      entries.filter((e) => e.kind === kind),
      (e) => e.available,
    );
  expect(-ofKind('spend')).toBe(sum(mine, (o) => o.amounts.pointsUsed));
  expect(ofKind('return')).toBe(
    sum(
      mine.filter((o) => o.status === 'cancelled'),
      (o) => o.amounts.pointsUsed,
    ),
  );
}, 180_000);

test('30 withdrawals in waves of 10 at once, the owner deciding and commission settling meanwhile', async () => {
  const code = (await ok('payee', 'shop', 'session')).user.shareCode as string;
  const [item] = await shop.makeProduct('payday', [{ stock: 20, priceFen: 20_000 }]); // 5%: ¥10 per order
  const fans = Array.from({ length: 6 }, (_v, i) => `fan${i}`);
  for (const fan of fans) await ok(fan, 'commission', 'recordVisit', { productId: item.productId, s: code, c: 'chat' });
  // Three orders settle before the rush; three more settle during it (the clock passes their window).
  await pool(fans.slice(0, 3), SETUP, (fan) => shop.completed(fan, [item]));
  await shop.advance((AFTER_SALE_DAYS + 1) * DAY);
  await shop.runScheduler();
  await pool(fans.slice(3), SETUP, (fan) => shop.completed(fan, [item]));
  expect((await ok('payee', 'commission', 'myStats')).availableFen).toBe(3000);

  /** The owner's desk, round after round: every open request decided, approved or rejected by turns. */
  const decisions: Outcome[] = [];
  const desk = async () => {
    for (let round = 0; round < 8; round++) {
      const open = await call(OWNER, 'commission', 'withdrawals', { view: 'open' });
      if (!isOk(open)) continue;
      for (const w of open.data.items as Array<{ id: string }>) {
        const approve = round % 2 === 0;
        const reason = approve ? {} : { reason: '请核对收款信息' };
        decisions.push(await call(OWNER, 'commission', 'decideWithdrawal', { withdrawalId: w.id, approve, ...reason }));
      }
    }
  };
  const settle = async () => {
    await shop.advance((AFTER_SALE_DAYS + 1) * DAY);
    await shop.runScheduler();
  };
  /** The sharer taps withdraw in three waves of ten at once (amounts ¥1 to ¥9), each wave after the one before. */
  const ask = async () => {
    const answers: Outcome[] = [];
    for (let wave = 0; wave < 3; wave++) {
      const amounts = Array.from({ length: 10 }, (_v, i) => 100 + (((wave * 10 + i) * 37) % 9) * 100);
      answers.push(
        ...(await Promise.all(amounts.map((amountFen) => call('payee', 'commission', 'withdraw', { amountFen })))),
      );
    }
    return answers;
  };
  const [asks] = await Promise.all([ask(), desk(), settle()]);
  expectAnswered('commission.withdraw', asks, ['withdraw.open_exists', 'withdraw.insufficient']);
  expectAnswered('commission.decideWithdrawal', decisions, ['withdraw.already_decided']);
  expect(asks.filter(isOk).length).toBeGreaterThan(0);
  // A settlement that met a conflict is finished by the next run.
  await shop.runScheduler();

  const lines = (await shop.all('commissions')).filter((l) => l.sharerId === 'dev_payee');
  expect(lines.map((l) => l.status)).toEqual(Array(6).fill('settled'));
  const money = (await shop.db.collection('sharer_stats').doc('dev_payee:money').get()).data;
  // Never more withdrawn or asked for than settled.
  expect(money.settledFen).toBe(6000);
  expect(money.withdrawnFen + money.requestedFen).toBeLessThanOrEqual(money.settledFen);
  // Every request answered ok exists with its amount; nothing else but what a cut-off call may have written.
  const stored = (await shop.all('withdrawals')).filter((w) => w.sharerId === 'dev_payee');
  const answered = asks.filter(isOk).map((a) => a.data.withdrawal);
  for (const w of answered) expect(stored.find((s) => s._id === w.id)).toMatchObject({ amountFen: w.amountFen });
  expect(stored.length).toBeLessThanOrEqual(answered.length + asks.filter(unknown).length);
  // At most one is open, and the counters name it.
  const open = stored.filter((w) => w.status === 'open');
  expect(open.length).toBeLessThanOrEqual(1);
  expect(money.openWithdrawalId ?? null).toBe(open[0]?._id ?? null);
  const total = (status: string) =>
    sum(
      stored.filter((w) => w.status === status),
      (w) => w.amountFen,
    );
  expect([money.withdrawnFen, money.requestedFen]).toEqual([total('approved'), total('open')]);
  expect((await ok('payee', 'commission', 'myStats')).availableFen).toBe(6000 - total('approved') - total('open'));
}, 180_000);

test('30 buyers review one product at once while the owner hides and shows reviews: counters = visible', async () => {
  const [tea] = await shop.makeProduct('busy-tea', [{ stock: 60, priceFen: 2000 }]);
  const buyers = Array.from({ length: 30 }, (_v, i) => `taster${i}`);
  const orders = await pool(buyers, SETUP, (b) => shop.completed(b, [tea]));
  // Every third buyer adds a photo of their own, uploaded into their folder as the review page does.
  const photos = await pool(buyers, SETUP, (b, i) =>
    i % 3 === 0 ? shop.upload(b, { folder: 'reviews' }) : Promise.resolve(null),
  );
  const review = (i: number) => ({
    orderId: orders[i].id,
    skuId: tea.skuId,
    rating: 1 + (i % 5),
    text: `第 ${i} 位买家的评价`,
    ...(photos[i] ? { photos: [photos[i]] } : {}),
  });
  // Six reviews exist before the rush: the owner hides and shows them while the others come in.
  for (let i = 0; i < 6; i++) await ok(buyers[i], 'shop', 'review', review(i));
  const earlyIds = orders.slice(0, 6).map((o) => `${o.id}:${tea.skuId}`);

  /** One review's moderation: hide, show, and hide again for every other one; each step after the one before. */
  const moderate = async (reviewId: string, n: number) => {
    const steps = n % 2 === 0 ? [true, false, true] : [true, false];
    const answers: Array<{ hidden: boolean; answer: Outcome }> = [];
    for (const hidden of steps) {
      answers.push({ hidden, answer: await call(OWNER, 'shop', 'hideReview', { reviewId, hidden, reason: '待核实' }) });
    }
    return answers;
  };
  /** A buyer's review, sent again after a busy answer or a timeout as the page asks (系统繁忙，请重试), up to 4 times. */
  const write = async (i: number) => {
    const answers: Outcome[] = [];
    do answers.push(await call(buyers[i], 'shop', 'review', review(i)));
    while ((BUSY.includes(codeOf(answers.at(-1)!)) || unknown(answers.at(-1)!)) && answers.length < 4);
    return answers;
  };
  const [writes, moderation] = await Promise.all([
    Promise.all(buyers.slice(6).map((_b, k) => write(k + 6))),
    Promise.all(earlyIds.map(moderate)),
  ]);
  // A resend finds the review only when the call before it was cut off after writing it.
  for (const answers of writes) {
    expectAnswered('shop.review', answers.slice(0, 1), []);
    for (const [k, answer] of answers.entries()) {
      if (k > 0 && !unknown(answers[k - 1])) expectAnswered('shop.review resent after busy', [answer], []);
      if (k > 0 && unknown(answers[k - 1])) expectAnswered('shop.review resent', [answer], ['review.duplicate']);
    }
  }
  expectAnswered(
    'shop.hideReview',
    moderation.flat().map((m) => m.answer),
    [],
  );
  expect(writes.filter((w) => w.some(isOk)).length).toBeGreaterThan(0);

  // A review answered ok exists; one never answered ok nor cut off does not; each is marked on its order.
  const stored = (await shop.all('reviews')).filter((r) => r.productId === tea.productId);
  for (const [k, answers] of writes.entries()) {
    const id = `${orders[k + 6].id}:${tea.skuId}`;
    const found = stored.some((r) => r._id === id);
    if (answers.some((a) => isOk(a) || codeOf(a) === 'review.duplicate'))
      expect({ id, found }).toEqual({ id, found: true });
    else if (!answers.some(unknown)) expect({ id, found }).toEqual({ id, found: false });
  }
  for (const id of earlyIds) expect(stored.some((r) => r._id === id)).toBe(true);
  for (const o of orders) {
    const reviewed = stored.some((r) => r.orderId === o.id);
    expect({ id: o.id, marked: (await shop.orderDoc(o.id)).reviewedSkus ?? [] }).toEqual({
      id: o.id,
      marked: reviewed ? [tea.skuId] : [],
    });
  }
  // Each moderated review ends as its last accepted step left it (unless that step's fate is unknown).
  for (const [n, id] of earlyIds.entries()) {
    const last = moderation[n].filter((m) => isOk(m.answer) || unknown(m.answer)).at(-1);
    if (last && unknown(last.answer)) continue;
    expect({ id, hidden: stored.find((r) => r._id === id).hidden }).toEqual({ id, hidden: last?.hidden ?? false });
  }
  // The product's counters equal its visible reviews, and the public summary shows them.
  const visible = stored.filter((r) => !r.hidden);
  const stats = (await shop.db.collection('product_stats').doc(tea.productId).get()).data;
  expect({ count: stats.reviewCount, sum: stats.ratingSum, photos: stats.withPhotos }).toEqual({
    count: visible.length,
    sum: sum(visible, (r) => r.rating),
    // With a photo others see: one content security passed.
    photos: visible.filter((r) => (r.photoChecks ?? []).some((c: { state: string }) => c.state === 'pass')).length,
  });
  const { summary } = await ok('anyone', 'shop', 'listReviews', { productId: tea.productId });
  expect(summary.count).toBe(visible.length);
  expect(summary.avgRating).toBe(Math.round((stats.ratingSum / visible.length) * 10) / 10);
}, 180_000);
