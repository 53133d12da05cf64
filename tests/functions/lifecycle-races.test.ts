// Regression tests of the order lifecycle under races (red-team findings): a late payment after a cancel that gave
// points back, the owner's approve and reject of one after-sale case sent together, WeChat Pay's refund callback
// racing the scheduler asking for the same refund again, the buyer's cancel racing WeChat Pay's result on scarce
// stock, and the points of a partial refund. Each race runs many times on fresh orders, with the
// calls fired together (no sleeps: where one side is staggered, it is by a count of database round trips, varied
// from race to race); the assertions are invariants over everything the iterations left behind, never timings.
import { DAY, MINUTE, OWNER, holdsStock, pool, settleAll, useShop, type Line, type Outcome } from './order-kit';

const shop = useShop();

// --- points

const pointsCall = (as: string, action: string, input: Record<string, unknown> = {}): Promise<Outcome> =>
  shop.call(as, 'points', { action, ...input });

async function join(as: string): Promise<number> {
  const result = await pointsCall(as, 'join');
  if (!result.ok) throw new Error(`points.join as ${as} refused: ${JSON.stringify(result)}`);
  return result.data.gift;
}

async function balance(as: string): Promise<{ available: number; pending: number }> {
  const result = await pointsCall(as, 'balance');
  if (!result.ok) throw new Error(`points.balance as ${as} refused: ${JSON.stringify(result)}`);
  return result.data;
}

/** Entries about an order's earnings (or an expiry); every other entry naming an order is about its spent points. */
const EARNINGS = new Set(['earn', 'spendable', 'cancel', 'expire']);

/** Points an order has taken from its buyer and not given back: minus the sum of its spend/return entries. */
const spentBy = (orderId: string, entries: any[]) =>
  -entries.filter((e) => e.orderId === orderId && !EARNINGS.has(e.kind)).reduce((sum, e) => sum + e.available, 0);

/** The order's earnings still with the member: [spendable, pending], from its earn/spendable/cancel entries. */
const earnedBy = (orderId: string, entries: any[]) => {
  const mine = entries.filter((e) => e.orderId === orderId && e.kind !== 'expire' && EARNINGS.has(e.kind));
  return [mine.reduce((s, e) => s + e.available, 0), mine.reduce((s, e) => s + e.pending, 0)];
};

/** Every account: its totals equal the sums of its ledger and of its lots; nothing negative. */
async function ledgerAnomalies(): Promise<string[]> {
  const [accounts, entries] = await Promise.all([shop.all('points_accounts'), shop.all('points_ledger')]);
  const broken: string[] = [];
  for (const a of accounts) {
    const mine = entries.filter((e) => e.userId === a._id);
    const ledger = {
      available: mine.reduce((s, e) => s + e.available, 0),
      pending: mine.reduce((s, e) => s + e.pending, 0),
    };
    const lots = { available: 0, pending: 0 };
    for (const lot of a.lots) {
      if (lot.left < 0 || lot.left > lot.points)
        broken.push(`${a._id} lot ${lot.id} left ${lot.left} of ${lot.points}`);
      if (lot.state === 'available') lots.available += lot.left;
      if (lot.state === 'pending') lots.pending += lot.left;
    }
    if (a.available < 0 || a.pending < 0) broken.push(`${a._id} negative: ${a.available}/${a.pending}`);
    if (ledger.available !== a.available || ledger.pending !== a.pending)
      broken.push(`${a._id}: account ${a.available}/${a.pending} ≠ ledger ${ledger.available}/${ledger.pending}`);
    if (lots.available !== a.available || lots.pending !== a.pending)
      broken.push(`${a._id}: account ${a.available}/${a.pending} ≠ lots ${lots.available}/${lots.pending}`);
  }
  return broken;
}

/**
 * An order that spent points and stands paid, shipped, completed (or refunding without an approved refund: the
 * system's own refund of a late payment) has them taken from its buyer, not given back. After-sale cases refund
 * an order while it keeps its status; section d checks their partial give-backs.
 */
async function spentPointsAnomalies(orderIds: readonly string[]): Promise<string[]> {
  const entries = await shop.all('points_ledger');
  const broken: string[] = [];
  for (const id of orderIds) {
    const order = await shop.orderDoc(id);
    const used = order.amounts.pointsUsed;
    if (used <= 0) continue;
    const live =
      ['paid', 'shipped', 'completed'].includes(order.status) ||
      (order.status === 'refunding' && !order.refund?.approvedAt);
    const spent = spentBy(id, entries);
    if (live && spent !== used)
      broken.push(
        `${id} ${order.status} with ${used} points used (discount ${order.amounts.pointsDiscountFen} fen kept), ` +
          `but ${spent} taken from the buyer`,
      );
  }
  return broken;
}

/** Refunds WeChat Pay has been asked for on this order and not yet completed: completes them (the refund callback). */
async function completeRefunds(orderId: string): Promise<number> {
  const { refunds } = await shop.payments();
  const open = refunds.filter((r) => r.outTradeNo === orderId && r.status === 'pending');
  for (const r of open) await shop.simulateRefund(r.outRefundNo);
  return open.length;
}

/** Set-up flows in flight together. */
const SETUP = 3;
/**
 * Races in flight together: enough for the interleavings to vary, few enough that a loaded 2-core machine does not
 * time out the function instances they cold-start.
 */
const RACES = 8;

const payAnswerOk = (answers: any[]) => answers.length > 0 && answers.every((a) => a?.errcode === 0);

async function placedWithPoints(as: string, items: Line[], pointsToUse: number): Promise<string> {
  const result = await shop.create(as, items, { pointsToUse });
  if (!result.ok) throw new Error(`create as ${as} with ${pointsToUse} points refused: ${JSON.stringify(result)}`);
  return result.data.order.id;
}

describe('a. a payment recorded after a cancel that gave the points back', () => {
  test('cancel, then the pay callback: the late-paid order takes its points again (balance = Σ ledger)', async () => {
    const [sku] = await shop.makeProduct('latepts', [{ stock: 100, priceFen: 3990 }]);
    const buyers = Array.from({ length: 8 }, (_v, i) => `lp${i + 1}`);
    const anomalies: string[] = [];
    const ids = await pool(buyers, SETUP, async (b) => {
      expect(await join(b)).toBeGreaterThan(0);
      const start = (await balance(b)).available;
      const id = await placedWithPoints(b, [sku], start);
      const { outTradeNo } = await shop.startPay(b, id);
      await shop.ok(b, 'cancel', { orderId: id });
      const { answers } = await shop.simulatePay(outTradeNo);
      if (!payAnswerOk(answers)) anomalies.push(`${b}: pay callback answered ${JSON.stringify(answers)}`);
      const order = await shop.orderDoc(id);
      // Stock is plentiful, and the member still has the points: the payment is honoured and spends them.
      if (order.status !== 'paid') anomalies.push(`${b}: ${id} is ${order.status}, not paid`);
      const after = await balance(b);
      if (after.available !== 0)
        anomalies.push(`${b}: ${after.available} of ${start} points spendable after paying with all of them`);
      return id;
    });
    anomalies.push(...(await spentPointsAnomalies(ids)), ...(await ledgerAnomalies()));
    expect(anomalies).toEqual([]);
  }, 120_000);

  test('points spent on another order meanwhile: the late-paid order is refunded, not kept discounted', async () => {
    const [sku] = await shop.makeProduct('latespent', [{ stock: 100, priceFen: 3990 }]);
    const buyers = Array.from({ length: 8 }, (_v, i) => `ls${i + 1}`);
    const anomalies: string[] = [];
    const ids = await pool(buyers, SETUP, async (b) => {
      await join(b);
      const points = (await balance(b)).available;
      const first = await placedWithPoints(b, [sku], points);
      const { outTradeNo } = await shop.startPay(b, first);
      await shop.ok(b, 'cancel', { orderId: first });
      // The points came back and the buyer spends them all on a second order.
      const second = await placedWithPoints(b, [sku], points);
      const { answers } = await shop.simulatePay(outTradeNo);
      if (!payAnswerOk(answers)) anomalies.push(`${b}: pay callback answered ${JSON.stringify(answers)}`);
      const late = await shop.orderDoc(first);
      const refundStarted =
        late.status === 'refunded' || (late.status === 'refunding' && Boolean(late.refund?.approvedAt));
      if (!refundStarted) {
        anomalies.push(
          `${b}: late-paid ${first} is ${late.status}${late.refund?.approvedAt ? ' (refund approved)' : ''} ` +
            `with a ${late.amounts.pointsDiscountFen} fen discount whose points were spent on ${second}`,
        );
      }
      // WeChat completes the refund: the order shows refunded.
      await completeRefunds(first);
      const done = await shop.orderDoc(first);
      if (refundStarted && done.status !== 'refunded')
        anomalies.push(`${b}: ${first} is ${done.status} after its refund completed`);
      const entries = (await shop.all('points_ledger')).filter((e) => e.userId === `dev_${b}`);
      if (spentBy(second, entries) !== points)
        anomalies.push(`${b}: the second order ${second} holds ${spentBy(second, entries)} of its ${points} points`);
      if (refundStarted && spentBy(first, entries) !== 0)
        anomalies.push(`${b}: refunded ${first} still holds ${spentBy(first, entries)} points`);
      const after = await balance(b);
      if (after.available !== 0)
        anomalies.push(`${b}: ${after.available} points spendable, all ${points} were spent on ${second}`);
      return [first, second];
    });
    anomalies.push(...(await spentPointsAnomalies(ids.flat())), ...(await ledgerAnomalies()));
    expect(anomalies).toEqual([]);
  }, 120_000);

  test('cancel and the pay callback at once, many times: a paid order always holds its points', async () => {
    const [sku] = await shop.makeProduct('racepts', [{ stock: 100, priceFen: 3990 }]);
    const buyers = Array.from({ length: 24 }, (_v, i) => `rp${i + 1}`);
    const anomalies: string[] = [];
    const ready = await pool(buyers, SETUP, async (b) => {
      await join(b);
      const id = await placedWithPoints(b, [sku], (await balance(b)).available);
      return { b, id, outTradeNo: (await shop.startPay(b, id)).outTradeNo };
    });
    // The races in batches of RACES at once; buyer i's callback staggered by i database round trips (0-23), so that
    // over the buyers it meets every step of the cancel (its claim, the stock's release, the points' return) and,
    // last, comes after all of it.
    const ids: string[] = [];
    for (let at = 0; at < ready.length; at += RACES) {
      const batch = ready.slice(at, at + RACES).map(async ({ b, id, outTradeNo }, j) => {
        const [cancel, paid] = await Promise.all([
          shop.order(b, 'cancel', { orderId: id }),
          afterRoundTrips(at + j, () => shop.simulatePay(outTradeNo)),
        ]);
        if (!cancel.ok && cancel.error.code !== 'order.invalid_transition')
          anomalies.push(`${b}: cancel answered ${JSON.stringify(cancel)}`);
        if (!payAnswerOk(paid.answers)) anomalies.push(`${b}: pay callback answered ${JSON.stringify(paid.answers)}`);
        return id;
      });
      ids.push(...(await settleAll(batch)));
    }
    anomalies.push(...(await spentPointsAnomalies(ids)), ...(await ledgerAnomalies()));
    expect(anomalies).toEqual([]);
  }, 120_000);
});

describe("b. the owner's approve and reject of one after-sale case sent together", () => {
  test('exactly one wins; an approved case ends refunded; a rejected one never reaches WeChat Pay', async () => {
    // ¥120.00, free shipping: a shipped order's goods are everything paid, so a refund of them ends it refunded.
    const [sku] = await shop.makeProduct('decide', [{ stock: 500, priceFen: 12000 }]);
    const ROUNDS = 12;
    const PARALLEL = 4; // iterations in flight together, so the interleavings vary
    const anomalies: string[] = [];
    const tally = { approved: 0, rejected: 0, both: 0 };
    const iteration = async (n: number) => {
      const buyer = `dr${n}`;
      const shipped = await shop.shipped(buyer, [sku]);
      const opened = await shop.applyCase(buyer, shipped.id);
      const [approve, reject] = await Promise.all([
        shop.order(OWNER, 'decideAfterSale', { afterSaleId: opened.id, approve: true }),
        shop.order(OWNER, 'decideAfterSale', {
          afterSaleId: opened.id,
          approve: false,
          reason: '商品完好，不符合退款条件',
        }),
      ]);
      if (approve.ok && reject.ok) tally.both++;
      else if (approve.ok) tally.approved++;
      else if (reject.ok) tally.rejected++;
      const wins = [approve, reject].filter((r) => r.ok).length;
      if (wins !== 1) anomalies.push(`${opened.id}: ${wins} of approve/reject succeeded`);
      for (const r of [approve, reject]) {
        if (!r.ok && r.error?.code !== 'afterSale.invalid_transition')
          anomalies.push(`${opened.id}: the loser answered ${JSON.stringify(r)}`);
      }
      const decided = await shop.caseDoc(opened.id);
      const moves = decided.history.slice(1).map((h: { label: string }) => h.label);
      if (moves.length !== 1) anomalies.push(`${opened.id}: ${moves.length} decisions in its history: ${moves}`);
      const asked = (await shop.payments()).refunds.filter((r) => r.outTradeNo === shipped.id);
      if (decided.status === 'rejected' && (decided.outRefundNo || asked.length > 0))
        anomalies.push(
          `${opened.id}: rejected, but holding ${decided.outRefundNo} with ${asked.length} refund(s) asked`,
        );
      if (approve.ok && !reject.ok && !(decided.status === 'refunding' && decided.outRefundNo === `${opened.id}R`))
        anomalies.push(`${opened.id}: approval won but the case is ${decided.status} (${decided.outRefundNo})`);
      if (approve.ok && asked.length !== 1) anomalies.push(`${opened.id}: approved with ${asked.length} refunds asked`);
      if (reject.ok && !approve.ok && decided.status !== 'rejected')
        anomalies.push(`${opened.id}: rejection won but the case is ${decided.status}`);
      // The order never left its status for the decision; a rejection freed it for a new case.
      const order = await shop.orderDoc(shipped.id);
      if (order.status !== 'shipped') anomalies.push(`${shipped.id}: ${order.status} right after the decision`);
      if (decided.status === 'rejected' && order.openAfterSale)
        anomalies.push(`${shipped.id}: its case is rejected but it still holds ${order.openAfterSale} open`);
      // WeChat Pay completes whatever refund it was asked for: a refund it completed shows as refunded.
      const completed = await completeRefunds(shipped.id);
      const final = await shop.orderDoc(shipped.id);
      const finalCase = await shop.caseDoc(opened.id);
      if (completed > 0 && (final.status !== 'refunded' || finalCase.status !== 'refunded'))
        anomalies.push(
          `${shipped.id}: WeChat refunded it, but the order is ${final.status}, the case ${finalCase.status}`,
        );
      if (completed > 0 && final.refundedFen !== final.paidFen)
        anomalies.push(`${shipped.id}: refunded ${final.refundedFen} of ${final.paidFen} after one full refund`);
      if (completed === 0 && (final.status !== 'shipped' || (final.refundedFen ?? 0) !== 0))
        anomalies.push(`${shipped.id}: ${final.status}, ${final.refundedFen} refunded, without a refund at WeChat Pay`);
    };
    for (let round = 0; round < ROUNDS; round++) {
      await settleAll(Array.from({ length: PARALLEL }, (_v, i) => iteration(round * PARALLEL + i + 1)));
    }
    expect({ anomalies, tally }).toEqual({
      anomalies: [],
      tally: { approved: expect.any(Number), rejected: expect.any(Number), both: 0 },
    });
  }, 180_000);
});

describe("b1. the owner's approval, the buyer's cancel and the scheduler's deadline on one case at once", () => {
  test('exactly one moves the case; a refund is asked only when it went to refunding', async () => {
    const [sku] = await shop.makeProduct('deadline', [{ stock: 200, priceFen: 12000 }]);
    const BATCHES = 3; // of RACES cases each: their approvals and cancels fired together with two scheduler runs
    const anomalies: string[] = [];
    const tally = { owner: 0, buyer: 0, system: 0 };
    for (let batch = 0; batch < BATCHES; batch++) {
      const ready = await pool(
        Array.from({ length: RACES }, (_v, i) => `dl${batch * RACES + i + 1}`),
        SETUP,
        async (buyer) => {
          const shipped = await shop.shipped(buyer, [sku]);
          return { buyer, orderId: shipped.id, caseId: (await shop.applyCase(buyer, shipped.id)).id };
        },
      );
      // Past the owner's reply deadline, without moving the clock (a clock move fires the scheduler's timer itself,
      // and the deadline would win before the race began).
      const due = new Date((await shop.now()).getTime() - MINUTE);
      for (const r of ready)
        await shop.db
          .collection('after_sales')
          .doc(r.caseId)
          .update({ data: { deadline: due, sortAt: due } });
      // Case j's owner and buyer start after j and RACES - 1 - j round trips: over the batch they meet every step
      // of the scheduler's sweep and of each other.
      const [answers] = await Promise.all([
        settleAll(
          ready.map((r, j) =>
            Promise.all([
              afterRoundTrips(j, () => shop.order(OWNER, 'decideAfterSale', { afterSaleId: r.caseId, approve: true })),
              afterRoundTrips(RACES - 1 - j, () => shop.order(r.buyer, 'cancelAfterSale', { afterSaleId: r.caseId })),
            ]),
          ),
        ),
        shop.runScheduler(),
        afterRoundTrips(RACES / 2, () => shop.runScheduler()),
      ]);
      const { refunds } = await shop.payments();
      for (const [j, r] of ready.entries()) {
        const [approve, cancel] = answers[j];
        const c = await shop.caseDoc(r.caseId);
        const moves = c.history.slice(1).map((h: { by: string; label: string }) => `${h.by}:${h.label}`);
        const asked = refunds.filter((x) => x.outTradeNo === r.orderId).length;
        const order = await shop.orderDoc(r.orderId);
        const winner = approve.ok ? 'owner' : cancel.ok ? 'buyer' : 'system';
        tally[winner]++;
        const want =
          winner === 'owner'
            ? { moves: ['owner:商家同意退款'], status: 'refunding', asked: 1, open: r.caseId }
            : winner === 'buyer'
              ? { moves: ['buyer:买家撤销申请'], status: 'cancelled', asked: 0, open: null }
              : { moves: ['system:商家超时未处理，系统自动同意退款'], status: 'refunding', asked: 1, open: r.caseId };
        const got = { moves, status: c.status, asked, open: order.openAfterSale ?? null };
        if ((approve.ok && cancel.ok) || JSON.stringify(got) !== JSON.stringify(want))
          anomalies.push(`${r.caseId}: owner ${approve.ok}, buyer ${cancel.ok}: got ${JSON.stringify(got)}`);
        for (const a of [approve, cancel]) {
          if (!a.ok && a.error.code !== 'afterSale.invalid_transition')
            anomalies.push(`${r.caseId}: the loser answered ${JSON.stringify(a)}`);
        }
        if (order.status !== 'shipped') anomalies.push(`${r.orderId}: ${order.status} before any refund completed`);
        if (c.status === 'refunding') await shop.refundCase(c);
      }
    }
    anomalies.push(...(await ledgerAnomalies()));
    expect({ anomalies, total: tally.owner + tally.buyer + tally.system }).toEqual({
      anomalies: [],
      total: BATCHES * RACES,
    });
  }, 180_000);
});

describe("b2. WeChat Pay's refund callback racing the scheduler asking for the same refund again", () => {
  test('the refund is recorded once: refunded = paid, one refund at WeChat Pay, one 退款成功', async () => {
    const [sku] = await shop.makeProduct('askagain', [{ stock: 200, priceFen: 12000 }]);
    const BATCHES = 3; // of RACES cases each, their callbacks fired together with two scheduler runs
    const anomalies: string[] = [];
    // Which side came first (both happen: the callbacks' starts are staggered over the scheduler's sweep).
    const tally = { askedAgain: 0, confirmedFirst: 0 };
    for (let batch = 0; batch < BATCHES; batch++) {
      const ready = await pool(
        Array.from({ length: RACES }, (_v, i) => `ra${batch * RACES + i + 1}`),
        SETUP,
        async (buyer) => {
          const shipped = await shop.shipped(buyer, [sku]);
          const approved = await shop.decideCase((await shop.applyCase(buyer, shipped.id)).id, true);
          return { buyer, orderId: shipped.id, caseId: approved.id, outRefundNo: approved.outRefundNo as string };
        },
      );
      // As if WeChat Pay had not confirmed them for 11 minutes: the scheduler asks again (the same number).
      const longAgo = new Date((await shop.now()).getTime() - 11 * MINUTE);
      for (const r of ready)
        await shop.db
          .collection('after_sales')
          .doc(r.caseId)
          .update({ data: { refundAskedAt: longAgo } });
      // Callback j starts after j round trips, so over the batch they meet every step of the scheduler's sweep.
      const [answers] = await Promise.all([
        settleAll(ready.map((r, j) => afterRoundTrips(j, () => shop.simulateRefund(r.outRefundNo)))),
        shop.runScheduler(),
        afterRoundTrips(RACES / 2, () => shop.runScheduler()),
      ]);
      for (const [j, a] of answers.entries()) {
        if (!payAnswerOk(a.answers))
          anomalies.push(`${ready[j].caseId}: callback answered ${JSON.stringify(a.answers)}`);
      }
      await shop.runScheduler();
      const { refunds } = await shop.payments();
      for (const r of ready) {
        const [order, c] = [await shop.orderDoc(r.orderId), await shop.caseDoc(r.caseId)];
        const mine = refunds.filter((x) => x.outTradeNo === r.orderId);
        const done = c.history.filter((h: { label: string }) => h.label === '退款成功').length;
        const got = {
          order: order.status,
          refundedFen: order.refundedFen,
          case: c.status,
          refunds: mine.map((x) => [x.outRefundNo, x.refundFee, x.status]),
          done,
        };
        const want = {
          order: 'refunded',
          refundedFen: order.paidFen,
          case: 'refunded',
          refunds: [[r.outRefundNo, order.paidFen, 'success']],
          done: 1,
        };
        // Asked by the approval, then by each scheduler run that found it still unconfirmed (never more).
        if (!(c.refundAsks >= 1 && c.refundAsks <= 3)) anomalies.push(`${r.caseId}: asked ${c.refundAsks} times`);
        if (c.refundAsks > 1) tally.askedAgain++;
        else tally.confirmedFirst++;
        if (JSON.stringify(got) !== JSON.stringify(want))
          anomalies.push(`${r.caseId}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    }
    anomalies.push(...(await ledgerAnomalies()));
    expect({ anomalies, total: tally.askedAgain + tally.confirmedFirst }).toEqual({
      anomalies: [],
      total: BATCHES * RACES,
    });
  }, 180_000);
});

describe("c. the buyer's cancel racing WeChat Pay's result on scarce stock", () => {
  test('stock + units held by live orders = initial stock per SKU, never negative, holdsStock agreeing', async () => {
    const BATCHES = 16; // of RACES races in flight together, each on a SKU of its own with one unit
    const broken: string[] = [];
    const race = async (n: number) => {
      const [sku] = await shop.makeProduct(`scarce${n}`, [{ stock: 1, priceFen: 1200 }]);
      const buyer = `sc${n}`;
      const order = await shop.placed(buyer, [sku]);
      const { outTradeNo } = await shop.startPay(buyer, order.id);
      // Both fired at once; the callback's start is staggered by 0-7 database round trips from one race to the
      // next, so that over the races it meets every step of the cancel (its claim, the stock's release).
      const [cancel, paid] = await Promise.all([
        shop.order(buyer, 'cancel', { orderId: order.id }),
        afterRoundTrips(n % 8, () => shop.simulatePay(outTradeNo)),
      ]);
      if (!cancel.ok && cancel.error.code !== 'order.invalid_transition')
        broken.push(`${order.id}: cancel answered ${JSON.stringify(cancel)}`);
      if (!payAnswerOk(paid.answers)) broken.push(`${order.id}: pay callback answered ${JSON.stringify(paid.answers)}`);
      const stock = await shop.stock(sku.productId, sku.skuId);
      const stored = await shop.orderDoc(order.id);
      const held = holdsStock(stored) ? 1 : 0;
      const flag = typeof stored.holdsStock === 'boolean' && stored.holdsStock !== holdsStock(stored);
      if (stock < 0 || stock + held !== 1 || flag) {
        broken.push(
          `race ${n} (${n % 8} round trips): ${order.id} ${stored.status}` +
            `${stored.attention?.stockShort ? ' (stockShort)' : ''} holdsStock=${stored.holdsStock}, ` +
            `stock ${stock} + held ${held} ≠ 1`,
        );
      }
    };
    for (let b = 0; b < BATCHES; b++)
      await settleAll(Array.from({ length: RACES }, (_v, i) => race(b * RACES + i + 1)));
    expect(broken).toEqual([]);
    await shop.checkStockInvariant();
  }, 180_000);
});

/** `fn`, started after `k` sequential reads through the SDK: a start offset counted in round trips, not time. */
async function afterRoundTrips<T>(k: number, fn: () => Promise<T>): Promise<T> {
  for (let i = 0; i < k; i++) await shop.db.collection('settings').limit(1).get();
  return fn();
}

describe('d. a partial refund (one case) gives back spent points, cancels earnings pro rata', () => {
  test('given back = ⌊used × refund / paid⌋, cancelled = ⌊earned × refund / paid⌋, rest of earnings kept', async () => {
    const [sku] = await shop.makeProduct('partpts', [{ stock: 50, priceFen: 20100 }]);
    const SHARES = [0.1, 0.25, 0.5, 0.6, 0.9];
    const members = SHARES.map((share, i) => ({ buyer: `pr${i + 1}`, share }));
    const cases = await pool(members, SETUP, async ({ buyer, share }) => {
      await join(buyer);
      const used = (await balance(buyer)).available;
      const id = await placedWithPoints(buyer, [sku], used);
      await shop.simulatePay((await shop.startPay(buyer, id)).outTradeNo);
      await shop.ship(id);
      await shop.ok(buyer, 'confirmReceipt', { orderId: id });
      const order = await shop.orderDoc(id);
      const paid: number = order.paidFen;
      const entries = (await shop.all('points_ledger')).filter((e) => e.userId === `dev_${buyer}`);
      const earned = earnedBy(id, entries)[1];
      expect(earned).toBeGreaterThan(0);
      expect(await balance(buyer)).toMatchObject({ available: 0, pending: earned });
      // A refund amount near `share` of what was paid at which both pro rata figures are whole, so the
      // expected numbers do not depend on how a fraction is rounded.
      const step = lcm(paid / gcd(paid, used), paid / gcd(paid, earned));
      const refundFen = Math.min(paid - step, Math.max(step, Math.round((paid * share) / step) * step));
      // The buyer keeps the goods and is refunded part of what they paid: the order stays completed.
      const opened = await shop.applyCase(buyer, id, { refundFen });
      const approved = await shop.decideCase(opened.id, true);
      expect(approved.refundFen).toBe(refundFen);
      await shop.simulateRefund(approved.outRefundNo as string, { deliveries: 2 });
      expect(await shop.orderDoc(id)).toMatchObject({ status: 'completed', refundedFen: refundFen });
      const back = Math.floor((used * refundFen) / paid);
      const cancelled = Math.floor((earned * refundFen) / paid);
      return { buyer, id, used, paid, earned, refundFen, back, cancelled };
    });
    // Right after the refund: the points given back are spendable, the kept earnings are there (spendable or pending).
    const report: string[] = [];
    for (const c of cases) {
      const now = await balance(c.buyer);
      const want = { back: c.back, kept: c.earned - c.cancelled };
      if (now.available < c.back || now.available + now.pending !== c.back + (c.earned - c.cancelled)) {
        report.push(
          `${c.buyer} after refunding ${c.refundFen} of ${c.paid} fen (${c.used} points used, ${c.earned} earned): ` +
            `${now.available}/${now.pending}, want ${JSON.stringify(want)}`,
        );
      }
    }
    // The after-sale window closes: what is left of the earnings becomes spendable (the order is final).
    await shop.advance(8 * DAY);
    await shop.runScheduler();
    await shop.runScheduler();
    const entries = await shop.all('points_ledger');
    for (const c of cases) {
      const final = await balance(c.buyer);
      const spent = spentBy(c.id, entries);
      const [earnAvailable, earnPending] = earnedBy(c.id, entries);
      const got = {
        available: final.available,
        pending: final.pending,
        stillSpent: spent,
        earnings: earnAvailable,
        earningsPending: earnPending,
      };
      const want = {
        available: c.back + c.earned - c.cancelled,
        pending: 0,
        stillSpent: c.used - c.back,
        earnings: c.earned - c.cancelled,
        earningsPending: 0,
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        report.push(
          `${c.buyer} refunded ${c.refundFen} of ${c.paid} fen (${c.used} used, ${c.earned} earned): ` +
            `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
        );
      }
    }
    report.push(...(await ledgerAnomalies()));
    expect(report).toEqual([]);
  }, 180_000);
});

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
