// report.dashboard against a scan: a random history of orders (paid, unpaid and cancelled, refunded in part and in
// full, callbacks delivered twice) and visits over some fifty days, the clock moved across China midnights; then
// every figure of the 7, 30 and 90 day dashboards equals what a scan of the stored orders and cases gives, as
// contracts/report.ts defines them. The rollups built again from the orders (the backfill) give the same figures.
import { commissionShares, reversalOf } from '../../cloudfunctions/core/commission';
import { chinaDay } from '../../cloudfunctions/core/order-id';
import { get, post } from '../emulator/harness';
import { DAY, MINUTE, OWNER, line, useShop, type Line } from './order-kit';

const shop = useShop();
const HOUR = 3_600_000;
const LINES: Line[] = [
  line('aksu-apple', 'aksu-apple-1'),
  line('rice5kg', 'rice5kg-1'),
  line('ningxia-goji', 'ningxia-goji-1'),
  line('qinling-honey', 'qinling-honey-1'),
];
const CHANNELS = ['chat', 'moments', 'poster'] as const;

function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(x / 65_536) % n; // the high bits: the low ones of this generator repeat in short cycles
  };
}

const report = (as: string, input: Record<string, unknown>) =>
  shop.call(as, 'report', { action: 'dashboard', ...input });

async function dashboard(days: number) {
  const result = await report(OWNER, { days });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

/** Every money event the stored orders and cases record, as contracts/report.ts counts them. */
async function scan(rateBp: number) {
  const orders = (await shop.all('orders')).filter((o) => o.paidAt);
  const cases = (await shop.all('after_sales')).filter((c) => c.status === 'refunded');
  const pays = orders.map((o) => {
    const rateOf = (p: string) => o.sharer?.rates?.[p] ?? rateBp;
    const shares = commissionShares(o.items, o.amounts.pointsDiscountFen, o.sharer ? rateOf : () => 0);
    return { order: o, day: chinaDay(new Date(o.paidAt)), shares };
  });
  const refunds: Array<{ orderId: string; day: string; refundFen: number; skus?: string[]; at: number }> = [
    ...cases.map((c) => ({
      orderId: c.orderId,
      day: chinaDay(new Date(c.refundedAt)),
      refundFen: c.refundFen,
      skus: c.lines.map((l: { skuId: string }) => l.skuId),
      at: new Date(c.refundedAt).getTime(),
    })),
    ...orders
      .filter((o) => o.refund?.refundedAt)
      .map((o) => ({
        orderId: o._id,
        day: chinaDay(new Date(o.refund.refundedAt)),
        refundFen: o.refund.refundFen,
        at: new Date(o.refund.refundedAt).getTime(),
      })),
  ].sort((a, b) => a.at - b.at);
  return { pays, refunds };
}

function expected(
  history: Awaited<ReturnType<typeof scan>>,
  visits: ReadonlyArray<{ day: string; c: string }>,
  from: string,
  to: string,
) {
  const within = (d: string) => d >= from && d <= to;
  const pays = history.pays.filter((p) => within(p.day));
  const refunds = history.refunds.filter((r) => within(r.day));
  const paidFen = pays.reduce((s, p) => s + p.order.paidFen, 0);
  const refundFen = refunds.reduce((s, r) => s + r.refundFen, 0);
  const buyers = [...new Set(pays.map((p) => p.order.buyerId))];
  const daysOf = (buyer: string) =>
    [...new Set(history.pays.filter((p) => p.order.buyerId === buyer).map((p) => p.day))].sort();
  const newBuyers = buyers.filter((b) => daysOf(b)[0] >= from).length;
  const repeaters = buyers.filter((b) => daysOf(b).filter((d) => d <= to).length >= 2).length;
  const totals = {
    gmvFen: paidFen - refundFen,
    paidFen,
    orders: pays.length,
    buyers: buyers.length,
    newBuyers,
    returningBuyers: buyers.length - newBuyers,
    repeatRate: buyers.length ? repeaters / buyers.length : 0,
    aovFen: pays.length ? Math.floor(paidFen / pays.length) : 0,
    refundFen,
    refundRate: paidFen ? refundFen / paidFen : 0,
  };
  const orderOf = (id: string) => history.pays.find((p) => p.order._id === id) as (typeof history.pays)[number];
  const channelOf = (id: string) => orderOf(id).order.sharer?.channel ?? 'direct';
  const channels: Record<string, { visits: number; orders: number; gmvFen: number }> = {};
  const channel = (c: string) => (channels[c] ??= { visits: 0, orders: 0, gmvFen: 0 });
  for (const v of visits.filter((v) => within(v.day))) channel(v.c).visits += 1;
  for (const p of pays) {
    channel(channelOf(p.order._id)).orders += 1;
    channel(channelOf(p.order._id)).gmvFen += p.order.paidFen;
  }
  for (const r of refunds) channel(channelOf(r.orderId)).gmvFen -= r.refundFen;
  // No visit here comes from a group chat (tests/functions/group-visits.test.ts): every chat visit is 单聊.
  const chat = channels.chat as (typeof channels)[string] & { chatSplit?: { group: number; single: number } };
  if (chat) chat.chatSplit = { group: 0, single: chat.visits };
  // Products: each refund in the test covers whole lines, so a line loses what it paid.
  const products: Record<string, { units: number; gmvFen: number }> = {};
  for (const p of pays)
    p.order.items.forEach((l: { productId: string; qty: number }, i: number) => {
      const row = (products[l.productId] ??= { units: 0, gmvFen: 0 });
      row.units += l.qty;
      row.gmvFen += p.shares[i].baseFen;
    });
  const sharers: Record<string, { orders: number; gmvFen: number; commissionFen: number }> = {};
  for (const p of pays.filter((p) => p.order.sharer)) {
    const row = (sharers[p.order.sharer.code] ??= { orders: 0, gmvFen: 0, commissionFen: 0 });
    row.orders += 1;
    row.gmvFen += p.order.paidFen;
    row.commissionFen += p.shares.reduce((s, x) => s + x.amountFen, 0);
  }
  for (const r of history.refunds) {
    const { order, shares } = orderOf(r.orderId);
    const goods = shares.reduce((s, x) => s + x.baseFen, 0);
    const before = history.refunds
      .filter((x) => x.orderId === r.orderId && x.at < r.at)
      .reduce((s, x) => s + x.refundFen, 0);
    if (!within(r.day)) continue;
    order.items.forEach((l: { productId: string; skuId: string }, i: number) => {
      if (!r.skus || r.skus.includes(l.skuId)) {
        const row = (products[l.productId] ??= { units: 0, gmvFen: 0 });
        row.gmvFen -= shares[i].baseFen;
      }
    });
    if (!order.sharer) continue;
    const row = (sharers[order.sharer.code] ??= { orders: 0, gmvFen: 0, commissionFen: 0 });
    row.gmvFen -= r.refundFen;
    const after = Math.min(goods, before + r.refundFen);
    row.commissionFen -= shares.reduce(
      (s, x) => s + reversalOf(x.amountFen, goods, after) - reversalOf(x.amountFen, goods, before),
      0,
    );
  }
  return { totals, channels, products, sharers };
}

/** Each customer's orders, paid less refunds and first sharer equal a scan of their orders. */
async function checkCustomers(history: Awaited<ReturnType<typeof scan>>) {
  const customers = await shop.all('customers');
  const buyers = [...new Set(history.pays.map((p) => p.order.buyerId))];
  expect(customers).toHaveLength(buyers.length);
  for (const buyer of buyers) {
    const pays = history.pays.filter((p) => p.order.buyerId === buyer);
    const ids = new Set(pays.map((p) => p.order._id));
    const refunded = history.refunds.filter((r) => ids.has(r.orderId)).reduce((s, r) => s + r.refundFen, 0);
    const first = [...pays].sort((a, b) => Date.parse(a.order.paidAt) - Date.parse(b.order.paidAt))[0].order;
    const doc = customers.find((c) => c.buyerId === buyer);
    expect([doc.orders, doc.paidFen, doc.firstSharer?.code ?? null]).toEqual([
      pays.length,
      pays.reduce((s, p) => s + p.order.paidFen, 0) - refunded,
      first.sharer?.code ?? null,
    ]);
  }
}

/** Every figure of the 7, 30 and 90 day dashboards against a scan of what is stored now. */
async function check(visits: ReadonlyArray<{ day: string; c: string }>) {
  const now = await shop.now();
  const history = await scan(500);
  for (const days of [7, 30, 90]) {
    const board = await dashboard(days);
    const to = chinaDay(now);
    expect(board.to).toBe(to);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY).toISOString().slice(0, 10);
    const before = new Date(Date.parse(`${from}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
    const until = new Date(Date.parse(`${from}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    expect(board.from).toBe(from);
    const want = expected(history, visits, from, to);
    expect([days, board.totals]).toEqual([days, { ...want.totals, repeatRate: expect.any(Number) }]);
    expect(board.totals.repeatRate).toBeCloseTo(want.totals.repeatRate, 12);
    const previous = expected(history, visits, before, until).totals;
    expect(board.previous).toEqual({ ...previous, repeatRate: expect.any(Number) });
    expect(board.previous.repeatRate).toBeCloseTo(previous.repeatRate, 12);
    for (const d of board.daily) {
      const that = expected(history, [], d.day, d.day).totals;
      expect(d).toEqual({ day: d.day, gmvFen: that.gmvFen, orders: that.orders, buyers: that.buyers });
    }
    expect(board.daily).toHaveLength(days);
    expect(Object.fromEntries(board.channels.map((c: { channel: string }) => [c.channel, c]))).toEqual(
      Object.fromEntries(Object.entries(want.channels).map(([c, r]) => [c, { channel: c, ...r }])),
    );
    const topProducts = Object.entries(want.products)
      .sort(([ka, a], [kb, b]) => b.gmvFen - a.gmvFen || b.units - a.units || ka.localeCompare(kb))
      .slice(0, 10)
      .map(([productId, r]) => ({ productId, ...r }));
    expect(board.topProducts.map(({ title, ...rest }: { title: string }) => rest)).toEqual(topProducts);
    expect(board.topSharers.map(({ nickname, ...rest }: { nickname: string }) => rest)).toEqual(
      Object.entries(want.sharers)
        .sort(([ka, a], [kb, b]) => b.gmvFen - a.gmvFen || b.orders - a.orders || ka.localeCompare(kb))
        .map(([shareCode, r]) => ({ shareCode, ...r })),
    );
  }
}

test('every figure of the 7, 30 and 90 day dashboards equals a scan after a random history', async () => {
  const next = random(20);
  const members = Array.from({ length: 8 }, (_, i) => `buyer${i}`);
  const sharers = ['sharera', 'sharerb'];
  const codes = new Map<string, string>();
  for (const s of sharers) codes.set(s, (await shop.call(s, 'shop', { action: 'session' })).data.user.shareCode);
  const visits: Array<{ day: string; c: string }> = [];
  const paid: Array<{ as: string; id: string; lines: Line[] }> = [];
  const partly: typeof paid = [];
  for (let step = 0; step < 70; step++) {
    await shop.advance((1 + next(18)) * HOUR);
    const now = await shop.now();
    const as = members[next(members.length)];
    const roll = next(10);
    if (roll === 0) {
      const c = CHANNELS[next(3)];
      const visit = await shop.call(as, 'commission', {
        action: 'recordVisit',
        productId: 'aksu-apple',
        s: codes.get(sharers[next(2)]),
        c,
      });
      expect(visit.ok).toBe(true);
      visits.push({ day: chinaDay(now), c });
    } else if (roll <= 6) {
      const lines = [LINES[next(2)], LINES[2 + next(2)]].slice(0, 1 + next(2)).map((l) => ({ ...l, qty: 1 + next(2) }));
      const order = await shop.placed(as, lines);
      if (next(5) === 0) {
        await shop.ok(as, 'cancel', { orderId: order.id });
        continue;
      }
      const { outTradeNo } = await shop.startPay(as, order.id);
      // Some callbacks are delivered twice: the second counts nothing.
      const { answers } = await shop.simulatePay(outTradeNo, { deliveries: 1 + next(2) });
      expect(answers[0]).toMatchObject({ errcode: 0 });
      paid.push({ as, id: order.id, lines });
    } else if (paid.length + partly.length > 0) {
      // Orders refunded in part come back for the rest now and then (a second refund of one order).
      const from = partly.length > 0 && (paid.length === 0 || next(2) === 0) ? partly : paid;
      const [target] = from.splice(next(from.length), 1);
      if (target.lines.length === 2 && next(2) === 0) {
        // A partial refund of one whole line; the rest may follow later.
        const sku = target.lines[next(2)];
        const opened = await shop.applyCase(target.as, target.id, { lines: [{ skuId: sku.skuId, qty: sku.qty }] });
        const decided = await shop.decideCase(opened.id, true);
        const { answers } = await shop.simulateRefund(decided.outRefundNo as string, { deliveries: 2 });
        expect(answers[0]).toMatchObject({ errcode: 0 });
        partly.push({ ...target, lines: target.lines.filter((l) => l !== sku) });
      } else await shop.refundAll(target.as, target.id);
    }
  }
  expect((await shop.all('orders')).filter((o) => o.statsDue)).toEqual([]);
  const history = await scan(500);
  await check(visits);
  await checkCustomers(history);
  // A history worth checking: payments, both kinds of refund, several buyers on several days, sharers' orders.
  expect(history.pays.length).toBeGreaterThan(25);
  expect(history.refunds.some((r) => r.skus && r.skus.length === 1)).toBe(true);
  expect(history.pays.some((p) => p.order.sharer)).toBe(true);
  const refundsOf = (id: string) => history.refunds.filter((r) => r.orderId === id).length;
  expect(history.pays.some((p) => refundsOf(p.order._id) === 2)).toBe(true);

  // The rollups built again from the orders alone (as for a shop with orders from before them): the same figures.
  for (const c of ['shop_stats', 'customers'])
    for (const doc of await shop.all(c)) await shop.db.collection(c).doc(doc._id).remove();
  for (const o of await shop.all('orders'))
    if (o.stats)
      await shop.db
        .collection('orders')
        .doc(o._id)
        .update({ data: { stats: shop.db.command.remove() } });
  visits.length = 0; // visits are not in the orders: they are counted as they happen, never rebuilt
  await shop.runScheduler();
  await check(visits);
  await checkCustomers(history);
}, 600_000);

// The emulator's clock runs on from where it was moved, so the payments land within seconds of the midnight, on
// either side (the exact 15:59:59.999Z / 16:00:00.000Z pair is core/stats.test.ts's).
test("a fold a crash left undone (after the payment) is the scheduler's: nothing lost, nothing twice", async () => {
  const rollups = async () => ({ days: await shop.all('shop_stats'), customers: await shop.all('customers') });
  const before = await rollups();
  const order = await shop.paid('hana', [LINES[0], LINES[2]]);
  // The state a crash between the payment and its fold leaves: the rollups as before, the order marked due.
  for (const c of ['shop_stats', 'customers'] as const) {
    for (const doc of await shop.all(c)) await shop.db.collection(c).doc(doc._id).remove();
    for (const { _id, ...data } of before[c === 'shop_stats' ? 'days' : 'customers'])
      await shop.db.collection(c).doc(_id).set({ data });
  }
  const _ = shop.db.command;
  await shop.db
    .collection('orders')
    .doc(order.id)
    .update({ data: { stats: _.remove(), statsDue: true } });
  await shop.runScheduler();
  expect((await shop.orderDoc(order.id)).statsDue).toBeUndefined();
  await check([]);
  await shop.runScheduler(); // a second sweep finds nothing to do
  await check([]);
  await checkCustomers(await scan(500));
});

test('a fold into a settled day reaches the dashboards whose summaries were made before it', async () => {
  const rollups = async () => ({ days: await shop.all('shop_stats'), customers: await shop.all('customers') });
  const before = await rollups();
  const order = await shop.paid('iris', [LINES[1], LINES[3]]);
  await shop.advance(3 * DAY);
  // The state a crash between the payment and its fold leaves, swept three days later when the day is settled.
  for (const c of ['shop_stats', 'customers'] as const) {
    for (const doc of await shop.all(c)) await shop.db.collection(c).doc(doc._id).remove();
    for (const { _id, ...data } of before[c === 'shop_stats' ? 'days' : 'customers'])
      await shop.db.collection(c).doc(_id).set({ data });
  }
  await shop.db
    .collection('orders')
    .doc(order.id)
    .update({ data: { stats: shop.db.command.remove(), statsDue: true } });
  const stale = await Promise.all([7, 30, 90].map(dashboard)); // each stores its range's summary
  const summaries = (await shop.all('shop_stats')).filter((d) => String(d._id).startsWith('summary-'));
  expect(summaries.map((d) => d._id).sort()).toEqual(['summary-30', 'summary-7', 'summary-90']);
  await shop.runScheduler();
  expect((await shop.orderDoc(order.id)).statsDue).toBeUndefined();
  const fresh = await Promise.all([7, 30, 90].map(dashboard));
  expect(fresh.map((b) => b.totals.orders - stale[fresh.indexOf(b)].totals.orders)).toEqual([1, 1, 1]);
  await check([]);
  await checkCustomers(await scan(500));
});

test('a rush of payments on one day document: every one counted once', async () => {
  const rush = Array.from({ length: 8 }, (_, i) => `rush${'abcdefgh'[i]}`);
  for (const as of rush) await shop.token(as);
  await Promise.all(rush.map((as) => shop.paid(as, [LINES[1]])));
  await shop.runScheduler(); // what a conflict left over
  expect((await shop.all('orders')).filter((o) => o.statsDue)).toEqual([]);
  await check([]);
  await checkCustomers(await scan(500));
});

test('payments seconds before and after a China midnight (16:00Z) fall on their own days', async () => {
  const now = await shop.now();
  const edge = new Date(`${now.toISOString().slice(0, 10)}T16:00:00.000Z`);
  const midnight = edge.getTime() - now.getTime() > 2 * MINUTE ? edge : new Date(edge.getTime() + DAY);
  await shop.advance(midnight.getTime() - MINUTE - now.getTime());
  const first = await shop.placed('edgy', [LINES[0]]);
  const second = await shop.placed('edgy', [LINES[1]]);
  const pays = [await shop.startPay('edgy', first.id), await shop.startPay('edgy', second.id)];
  await shop.advance(Math.max(0, midnight.getTime() - 3_000 - (await shop.now()).getTime()));
  await shop.simulatePay(pays[0].outTradeNo);
  await shop.advance(Math.max(0, midnight.getTime() - (await shop.now()).getTime()));
  await shop.simulatePay(pays[1].outTradeNo);
  const stored = new Map((await shop.all('orders')).map((o) => [o._id, o]));
  const [paidBefore, paidAfter] = [first.id, second.id].map((id) => new Date(stored.get(id).paidAt).getTime());
  expect([paidBefore < midnight.getTime(), paidAfter >= midnight.getTime()]).toEqual([true, true]);
  const board = await dashboard(7);
  const [before, after] = board.daily.slice(-2);
  expect([before.day, after.day]).toEqual([chinaDay(new Date(paidBefore)), chinaDay(new Date(paidAfter))]);
  expect(after).toMatchObject({ orders: 1, buyers: 1, gmvFen: stored.get(second.id).paidFen });
  expect(before.orders).toBeGreaterThanOrEqual(1);
});

test('the dashboard costs at most 4 TCB requests and reads no older day; a non-owner is refused', async () => {
  await shop.advance(DAY); // a new day: the first dashboard rebuilds its summary from the days
  await post(shop.emu, '/__dev/stats/reset', {});
  const first = await dashboard(90);
  const rebuild = (await get(shop.emu, '/__dev/stats')).json;
  await post(shop.emu, '/__dev/stats/reset', {});
  expect(await dashboard(90)).toEqual(first);
  const { tcbRequests, docsExamined } = (await get(shop.emu, '/__dev/stats')).json;
  expect(tcbRequests).toBeLessThanOrEqual(4);
  expect(rebuild.tcbRequests).toBe(tcbRequests + 2); // and the read of the days, and the summary's write
  const days = (await shop.all('shop_stats')).filter((d) => d.day).length;
  expect(days).toBeGreaterThan(10);
  // A warm call reads the summary and the day documents of yesterday and today, not the others in its ranges.
  expect(rebuild.docsExamined - docsExamined).toBeGreaterThanOrEqual(days - 2);
  expect(await report('mallory', { days: 7 })).toMatchObject({ ok: false, error: { code: 'auth.not_owner' } });
  expect(await report(OWNER, { days: 14 })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
});
